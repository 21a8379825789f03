import React from 'react';
import { screen, within } from '@testing-library/react';
import { installFakeDataSources } from '../../api/testing/fakeDataSource';
import { baseRegistry, baseSlo } from '../../domain/testing/builders';
import { renderWithRegistry } from '../../pages/testing/registryHarness';
import { testIds } from '../testIds';
import { PolicyStatesTable } from './PolicyStatesTable';

describe('PolicyStatesTable', () => {
  test('each service with a policy, frozen first, with the reason, read in one request for all', async () => {
    const fake = installFakeDataSources((expr) => {
      if (expr.startsWith('min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio')) {
        return [
          { labels: { sloth_id: 'checkout-ratio' }, value: 0.8 },
          { labels: { sloth_id: 'payments-ratio' }, value: 0.05 },
        ];
      }
      if (expr.includes('slo:sli_error:increase1h')) {
        return [
          { labels: { sloth_id: 'checkout-ratio' }, value: 0.0005 },
          { labels: { sloth_id: 'payments-ratio' }, value: 0.0005 },
        ];
      }
      return [];
    });
    const doc = baseRegistry({
      slos: [baseSlo('ratio'), baseSlo('ratio', { id: 'payments-ratio', serviceId: 'payments' })],
    });
    doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
    renderWithRegistry(<PolicyStatesTable doc={doc} />, { doc });
    const table = screen.getByTestId(testIds.budgetPolicy.table);
    expect(
      await within(table).findByText('frozen: payments-ratio budget left 5% is below the 10% freeze threshold')
    ).toBeInTheDocument();
    expect(
      within(table)
        .getAllByRole('link')
        .map((link) => link.textContent)
    ).toEqual(['Payments', 'Checkout']);
    expect(within(table).getByText('normal: 1 SLO within the error-budget policy')).toBeInTheDocument();
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].request.targets[0]).toMatchObject({
      expr: 'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_service=~"checkout|payments"}[2h]))',
    });
  });

  test('nothing when no service has a policy', () => {
    const doc = baseRegistry({ slos: [baseSlo('ratio', { budgetPolicy: undefined })] });
    renderWithRegistry(<PolicyStatesTable doc={doc} />, { doc });
    expect(screen.queryByTestId(testIds.budgetPolicy.table)).not.toBeInTheDocument();
  });
});
