import React from 'react';
import { render, screen } from '@testing-library/react';
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import { installFakeBackend, on } from '../../api/testing/fakeBackend';
import { installFakeDataSources } from '../../api/testing/fakeDataSource';
import { onCallDashboardUid } from '../../domain/dashboards';
import { baseRegistry } from '../../domain/testing/builders';
import { fakeRegistry } from '../../pages/testing/registryHarness';
import { RegistryProvider } from '../../storage/RegistryContext';
import { adminUser } from '../../storage/testing/users';
import { LiveValuesProvider, useLiveRead } from './LiveValuesContext';

function Show() {
  const read = useLiveRead();
  const live = read.status === 'read' ? read.values : undefined;
  const text =
    live === undefined
      ? 'none'
      : JSON.stringify({ slo: live.slos?.['checkout-ratio'] ?? null, dashboards: live.generatedDashboards ?? null });
  return (
    <>
      <span data-testid="live">{text}</span>
      {read.status === 'reading' && <span data-testid="since">{read.since}</span>}
    </>
  );
}

function recorded(expr: string) {
  if (expr.includes('slo:period_error_budget_remaining:ratio')) {
    return [{ labels: { sloth_id: 'checkout-ratio' }, value: 0.42 }];
  }
  if (expr.includes('slo:sli_error:increase5m')) {
    // the current error ratio: half what an objective of 99.9 % allows
    return [{ labels: { sloth_id: 'checkout-ratio' }, value: 0.0005 }];
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

describe('useLiveRead', () => {
  test('without a provider, pages get the SLO values measured from the configured Prometheus', async () => {
    installFakeDataSources(recorded);
    const doc = baseRegistry();
    doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
    renderShow(doc);
    // Grafana's dashboard search is not answered here: saved dashboards stay unknown
    expect(
      await screen.findByText(
        '{"slo":{"source":"recorded","budgetLeft":0.42,"burnRate":0.5,"hasData":true,"overspentWindowsInARow":0},"dashboards":null}'
      )
    ).toBeInTheDocument();
  });

  test('without a Prometheus data source no SLO is measured', async () => {
    const fake = installFakeDataSources(recorded);
    installFakeBackend();
    renderShow();
    expect(await screen.findByText('{"slo":null,"dashboards":null}')).toBeInTheDocument();
    expect(fake.requests).toHaveLength(0);
  });

  test('services whose on-call dashboard is saved in Grafana, from one dashboard search', async () => {
    installFakeDataSources(recorded);
    const backend = installFakeBackend([
      on('GET', '/api/search', {
        status: 200,
        body: [
          { uid: onCallDashboardUid('checkout'), type: 'dash-db', title: 'Checkout · On-call' },
          // same tags, made by hand: not the generated dashboard
          { uid: 'payments-by-hand', type: 'dash-db', title: 'Payments' },
        ],
      }),
    ]);
    const doc = baseRegistry();
    expect(doc.services.map((service) => service.id)).toEqual(expect.arrayContaining(['checkout', 'payments']));
    renderShow(doc);
    expect(await screen.findByText('{"slo":null,"dashboards":["checkout"]}')).toBeInTheDocument();
    expect(backend.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/api/search',
        params: { type: 'dash-db', tag: ['business-owner', 'on-call'], limit: 5000 },
      }),
    ]);
  });

  test('a provider wins, even one that says nothing was measured', async () => {
    const fake = installFakeDataSources(recorded);
    const doc = baseRegistry();
    doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
    renderShow(doc, { values: undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('live')).toHaveTextContent('{"slo":null,"dashboards":null}');
    expect(fake.requests).toHaveLength(0);
  });

  test('while the values are read, pages get no values and the time the read started', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const pending = new Promise((resolve) => (answer = resolve));
    setDataSourceSrv({
      get: async () => ({ query: () => pending }),
      getInstanceSettings: () => undefined,
      getList: () => [],
    } as unknown as DataSourceSrv);
    const doc = baseRegistry();
    doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
    const before = Date.now();
    renderShow(doc);
    expect(screen.getByTestId('live')).toHaveTextContent('none');
    const since = Number(screen.getByTestId('since').textContent);
    expect(since).toBeGreaterThanOrEqual(before);
    expect(since).toBeLessThanOrEqual(Date.now());
    answer({ data: [], errors: [] });
    expect(await screen.findByText(/"slo":\{"source":"none"/)).toBeInTheDocument();
  });
});
