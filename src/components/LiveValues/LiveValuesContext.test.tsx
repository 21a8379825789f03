import React from 'react';
import { render, screen } from '@testing-library/react';
import { installFakeDataSources } from '../../api/testing/fakeDataSource';
import { baseRegistry } from '../../domain/testing/builders';
import { fakeRegistry } from '../../pages/testing/registryHarness';
import { RegistryProvider } from '../../storage/RegistryContext';
import { adminUser } from '../../storage/testing/users';
import { LiveValuesProvider, useLiveValues } from './LiveValuesContext';

function Show() {
  const live = useLiveValues();
  return <span data-testid="live">{live === undefined ? 'none' : JSON.stringify(live.slos?.['checkout-ratio'])}</span>;
}

function recorded(expr: string) {
  if (expr.includes('slo:period_error_budget_remaining:ratio')) {
    return [{ labels: { sloth_id: 'checkout-ratio' }, value: 0.42 }];
  }
  if (expr.includes('slo:current_burn_rate:ratio')) {
    return [{ labels: { sloth_id: 'checkout-ratio' }, value: 0.5 }];
  }
  return [];
}

function renderShow(doc = baseRegistry(), provided?: { values: undefined }) {
  const { api } = fakeRegistry(doc);
  const body = provided ? (
    <LiveValuesProvider values={provided.values}>
      <Show />
    </LiveValuesProvider>
  ) : (
    <Show />
  );
  render(
    <RegistryProvider api={api} user={adminUser}>
      {body}
    </RegistryProvider>
  );
}

describe('useLiveValues', () => {
  test('without a provider, pages get the SLO values measured from the configured Prometheus', async () => {
    installFakeDataSources(recorded);
    const doc = baseRegistry();
    doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
    renderShow(doc);
    expect(await screen.findByText('{"budgetLeft":0.42,"burnRate":0.5,"hasData":true}')).toBeInTheDocument();
  });

  test('without a Prometheus data source nothing is measured', async () => {
    const fake = installFakeDataSources(recorded);
    renderShow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('live')).toHaveTextContent('none');
    expect(fake.requests).toHaveLength(0);
  });

  test('a provider wins, even one that says nothing was measured', async () => {
    const fake = installFakeDataSources(recorded);
    const doc = baseRegistry();
    doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
    renderShow(doc, { values: undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('live')).toHaveTextContent('none');
    expect(fake.requests).toHaveLength(0);
  });
});
