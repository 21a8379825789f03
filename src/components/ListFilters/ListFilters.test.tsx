import React from 'react';
import { render, screen } from '@testing-library/react';
import { MultiFilter } from './ListFilters';

// jsdom has no canvas; the picker measures its longest option's text.
HTMLCanvasElement.prototype.getContext = (() => ({
  measureText: (text: string) => ({ width: text.length * 8 }),
})) as unknown as HTMLCanvasElement['getContext'];

const OPTIONS = [
  { value: 'ana', label: 'Ana Lima' },
  { value: 'bruno', label: 'Bruno Reis' },
];

describe('MultiFilter', () => {
  test('shows a box with its name in the first frame and the picker after it', async () => {
    render(<MultiFilter<string> options={OPTIONS} value={[]} onChange={jest.fn()} placeholder="Owner" minWidth={20} />);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    const box = screen.getByText('Owner');
    expect(box).toHaveAttribute('aria-hidden');
    expect(box).toHaveStyle({ minWidth: '160px' });

    const picker = await screen.findByRole('combobox', { name: 'Owner' });
    expect(picker).toHaveAttribute('placeholder', 'Owner');
    expect(box).not.toBeInTheDocument();
  });

  test('mounts the picker at once when values are chosen, so they show in the first frame', () => {
    render(
      <MultiFilter<string> options={OPTIONS} value={['bruno']} onChange={jest.fn()} placeholder="Owner" minWidth={20} />
    );
    expect(screen.getByRole('combobox', { name: 'Owner' })).toBeInTheDocument();
    expect(screen.getByText('Bruno Reis')).toBeInTheDocument();
  });
});
