import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { DeferredTooltip } from './DeferredTooltip';

describe('DeferredTooltip', () => {
  test('makes its text when the pointer first reaches it, and shows it until the pointer leaves', async () => {
    const content = jest.fn(() => 'Why there is no data');
    render(
      <DeferredTooltip content={content}>
        <span>—</span>
      </DeferredTooltip>
    );
    expect(content).not.toHaveBeenCalled();
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    const trigger = screen.getByText('—').parentElement as HTMLElement;
    fireEvent.pointerEnter(trigger);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Why there is no data');
    expect(trigger).toHaveAttribute('aria-describedby', screen.getByText('Why there is no data').id);

    fireEvent.pointerLeave(trigger);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    expect(trigger).not.toHaveAttribute('aria-describedby');
  });

  test('shows on keyboard focus, keeps the focus where it is and closes on Escape', async () => {
    render(
      <DeferredTooltip content="Budget left of checkout-availability">
        <span>12.0%</span>
      </DeferredTooltip>
    );
    const trigger = screen.getByText('12.0%').parentElement as HTMLElement;
    act(() => trigger.focus());
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Budget left of checkout-availability');
    expect(trigger).toHaveFocus();
    expect(screen.getByText('12.0%').parentElement).toBe(trigger);

    fireEvent.keyDown(trigger, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });
});
