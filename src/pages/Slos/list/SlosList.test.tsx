import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { installFakeDataSources } from '../../../api/testing/fakeDataSource';
import { testIds } from '../../../components/testIds';
import { emptyRegistry } from '../../../domain/registry';
import { baseRegistry, baseSlo } from '../../../domain/testing/builders';
import { slosUrl } from '../../../routing';
import { viewerUser } from '../../../storage/testing/users';
import { renderWithRegistry, URL_WRITTEN, VALUES_READ } from '../../testing/registryHarness';
import { SlosList } from './SlosList';

jest.setTimeout(20000);

function registry() {
  const doc = baseRegistry();
  doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
  return doc;
}

/** Recorded values for checkout-ratio (burning, paging), raw values for checkout-latency, nothing else. */
function prometheus(expr: string) {
  const id = { sloth_id: 'checkout-ratio' };
  if (expr === 'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h]))') {
    return [{ labels: id, value: 0.6 }];
  }
  if (expr.includes('slo:sli_error:increase5m')) {
    // the current error ratio: 14.4 times what an objective of 99.9 % allows
    return [{ labels: id, value: 0.0144 }];
  }
  if (expr.startsWith('count by (sloth_id, alertname, alertstate, sloth_severity)')) {
    return [
      { labels: { ...id, alertname: 'SLOErrorBudgetBurn', alertstate: 'firing', sloth_severity: 'page' }, value: 1 },
    ];
  }
  if (expr.includes('http_request_duration_seconds_bucket') && expr.includes('[30d]')) {
    return [{ labels: {}, value: 0.0015 }];
  }
  return [];
}

function rowOf(name: string): HTMLElement {
  return screen.getByText(name).closest('tr')!;
}

function shown(): string[] {
  const rows = screen.getByTestId(testIds.slos.list).querySelectorAll('tbody tr');
  return Array.from(rows).map((row) => row.querySelector('a')?.textContent ?? '');
}

describe('SlosList', () => {
  test('every SLO with owner, objective, window, values and where they came from', async () => {
    installFakeDataSources(prometheus);
    renderWithRegistry(<SlosList />, { doc: registry(), path: slosUrl() });
    await waitFor(() => expect(within(rowOf('Checkout ratio')).getByText('recorded')).toBeInTheDocument(), VALUES_READ);
    const ratio = rowOf('Checkout ratio');
    expect(within(ratio).getByText('Checkout')).toBeInTheDocument();
    expect(within(ratio).getByText('Ana Lima')).toBeInTheDocument();
    expect(within(ratio).getByText('99.9%')).toBeInTheDocument();
    expect(within(ratio).getByText('Rolling 30d')).toBeInTheDocument();
    expect(within(ratio).getByText('99.960%')).toBeInTheDocument();
    expect(within(ratio).getByText('60.0%')).toBeInTheDocument();
    expect(within(ratio).getByText('14.4x')).toBeInTheDocument();
    expect(within(ratio).getByText('Paging')).toBeInTheDocument();
    expect(within(ratio).getByText('Burning')).toBeInTheDocument();

    const latency = rowOf('Checkout latency');
    expect(within(latency).getByText('raw query')).toBeInTheDocument();
    expect(within(latency).getByText('99.850%')).toBeInTheDocument();
    expect(within(latency).getByText('Budget spent')).toBeInTheDocument();
    expect(within(latency).getByText('-50.0%')).toBeInTheDocument();

    const freeform = rowOf('Checkout freeform');
    expect(within(freeform).getByText('no data')).toBeInTheDocument();
    expect(within(rowOf('Checkout logRatio')).getByText('no data')).toBeInTheDocument();
  });

  test('status filter and sorting live in the URL', async () => {
    installFakeDataSources(prometheus);
    renderWithRegistry(<SlosList />, { doc: registry(), path: slosUrl({ status: 'burning,exhausted' }) });
    await waitFor(() => expect(shown()).toEqual(['Checkout latency', 'Checkout ratio']), VALUES_READ);
    expect(screen.getByTestId(testIds.slos.count)).toHaveTextContent('2 of 4 SLOs');
    fireEvent.click(screen.getByRole('button', { name: /Sort column Budget left/ }));
    await waitFor(() =>
      expect(locationService.getSearchObject()).toMatchObject({ sort: 'budget', status: 'burning,exhausted' })
    );
    expect(shown()).toEqual(['Checkout latency', 'Checkout ratio']);
    act(() => locationService.partial({ status: 'noData' }, true));
    expect(shown()).toEqual(['Checkout freeform', 'Checkout logRatio']);
    fireEvent.click(screen.getByTestId(testIds.slos.clearFilters));
    expect(shown()).toHaveLength(4);
  });

  test('search narrows the list and is written to the URL', async () => {
    installFakeDataSources(() => []);
    renderWithRegistry(<SlosList />, { doc: registry(), path: slosUrl() });
    await screen.findByText('Checkout ratio');
    // The pickers mount after the list's first frame; typing starts once they are there.
    await screen.findByRole('combobox', { name: 'Business owner' });
    fireEvent.change(screen.getByTestId(testIds.slos.search), { target: { value: 'latency' } });
    expect(shown()).toEqual(['Checkout latency']);
    // The list follows each keystroke; the URL once typing pauses.
    expect(locationService.getSearchObject()).not.toHaveProperty('q');
    await waitFor(() => expect(locationService.getSearchObject()).toMatchObject({ q: 'latency' }), URL_WRITTEN);
  });

  test('a grouped SLO states its group count and worst group, and expands into its groups, worst first', async () => {
    const doc = registry();
    doc.slos.push(baseSlo('ratio', { id: 'checkout-tenants', name: 'Checkout per tenant', groupBy: ['tenant'] }));
    const sent: string[] = [];
    const id = { sloth_id: 'checkout-tenants' };
    installFakeDataSources((expr: string) => {
      sent.push(expr);
      if (expr.startsWith('count by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio')) {
        return [{ labels: id, value: 2 }];
      }
      if (expr.startsWith('bottomk by (sloth_id) (1, ')) {
        return [{ labels: { ...id, tenant: 'globex' }, value: -0.25 }];
      }
      if (
        expr ===
        'min by (sloth_id, tenant) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="checkout-tenants"}[2h]))'
      ) {
        return [
          { labels: { ...id, tenant: 'acme' }, value: 0.8 },
          { labels: { ...id, tenant: 'globex' }, value: -0.25 },
        ];
      }
      if (expr.startsWith('count by (sloth_id, tenant) (ALERTS{sloth_id="checkout-tenants"')) {
        return [{ labels: { ...id, tenant: 'globex' }, value: 1 }];
      }
      if (expr.startsWith('max by (sloth_id, tenant) (')) {
        return [{ labels: { ...id, tenant: 'globex' }, value: 14.4 }];
      }
      return expr.includes('checkout-tenants') ? [] : prometheus(expr);
    });
    renderWithRegistry(<SlosList />, { doc, path: slosUrl() });
    const row = () => rowOf('Checkout per tenant');
    await waitFor(
      () =>
        expect(within(row()).getByTestId(testIds.groups.summary)).toHaveTextContent('2 groups, worst: tenant=globex'),
      VALUES_READ
    );
    // an ungrouped SLO has no group summary, and says so when expanded
    expect(within(rowOf('Checkout ratio')).queryByTestId(testIds.groups.summary)).not.toBeInTheDocument();
    fireEvent.click(within(rowOf('Checkout ratio')).getByRole('button', { name: 'Toggle row expanded' }));
    expect(await screen.findByTestId(testIds.groups.notGrouped)).toHaveTextContent(
      'Not grouped: the SLO measures all its events as one.'
    );
    const before = sent.length;
    fireEvent.click(within(row()).getByRole('button', { name: 'Toggle row expanded' }));
    const groups = await screen.findByTestId(testIds.groups.list);
    await waitFor(() => expect(within(groups).getAllByRole('row')).toHaveLength(3));
    const [, worst, other] = within(groups).getAllByRole('row');
    expect(worst).toHaveTextContent('globex');
    expect(within(worst).getByText('-25.0%')).toBeInTheDocument();
    expect(within(worst).getByText('14.4x')).toBeInTheDocument();
    expect(within(worst).getByText('Budget spent')).toBeInTheDocument();
    expect(other).toHaveTextContent('acme');
    expect(within(other).getByText('80.0%')).toBeInTheDocument();
    // the expanded SLO's own four queries, naming no other SLO
    const expanded = sent.slice(before);
    expect(expanded).toHaveLength(4);
    expect(expanded.every((expr) => !/sloth_id="(?!checkout-tenants")/.test(expr))).toBe(true);
  });

  test('without a Prometheus data source every row says why it has no data', async () => {
    installFakeDataSources(() => []);
    renderWithRegistry(<SlosList />, { doc: baseRegistry(), path: slosUrl() });
    await waitFor(() => expect(screen.getAllByText('no data')).toHaveLength(4), VALUES_READ);
  });

  test('services without SLOs: offers the first SLO; viewers see it disabled with the reason', async () => {
    installFakeDataSources(() => []);
    renderWithRegistry(<SlosList />, { doc: baseRegistry({ slos: [] }), path: slosUrl(), user: viewerUser });
    expect(await screen.findByTestId(testIds.slos.empty)).toBeInTheDocument();
    expect(screen.getByText('Read-only access')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.slos.create)).toBeDisabled();
  });

  test('an empty registry says a service comes first and links to adding one', async () => {
    installFakeDataSources(() => []);
    renderWithRegistry(<SlosList />, { doc: emptyRegistry(), path: slosUrl() });
    const empty = await screen.findByTestId(testIds.slos.empty);
    expect(within(empty).getByText('No services yet, so no SLOs')).toBeInTheDocument();
    expect(within(empty).queryByText('Create your first SLO')).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.slos.createService).closest('a')).toHaveAttribute(
      'href',
      '/a/bizowner-slo-app/services/new'
    );
  });
});
