import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { installFakeBackend } from '../../../api/testing/fakeBackend';
import { createFakeAlerting } from '../../../api/testing/fakeAlerting';
import { testIds } from '../../../components/testIds';
import { baseRegistry, baseSlo } from '../../../domain/testing/builders';
import { renderWithRegistry } from '../../testing/registryHarness';
import { EscalationButton } from './EscalationButton';

jest.setTimeout(20000);

describe('EscalationButton', () => {
  test('opens the dialog, whose code loads on first use', async () => {
    installFakeBackend([createFakeAlerting().route]);
    const doc = baseRegistry({ slos: [baseSlo('ratio')] });
    renderWithRegistry(<EscalationButton doc={doc} />, { doc });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId(testIds.escalation.open));
    const receivers = await screen.findByTestId(testIds.escalation.receivers);
    expect(within(receivers).getByText('slo-page-checkout-oncall')).toBeInTheDocument();
  });
});
