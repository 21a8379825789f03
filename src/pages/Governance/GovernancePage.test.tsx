import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { testIds } from '../../components/testIds';
import { baseRegistry, baseService, baseSlo } from '../../domain/testing/builders';
import { prefixRoute } from '../../routing';
import { ROUTES } from '../../constants';
import { renderWithRegistry } from '../testing/registryHarness';
import { readIncidents } from '../../api/incidents/readIncidents';
import { assessIncidents } from '../../domain/incidents';
import { incidentInputs, incidentRegistry } from '../../domain/incidents/fixtures';
import { GovernancePage } from './GovernancePage';

// The incident report is read once for the page; unanswered unless a test answers it.
jest.mock('../../api/incidents/readIncidents', () => ({ readIncidents: jest.fn(() => new Promise(() => {})) }));

function registry() {
  const doc = baseRegistry({ slos: [baseSlo('ratio'), baseSlo('latency', { budgetPolicy: undefined })] });
  doc.services.push(baseService({ id: 'orphan', name: 'Orphan', tier: 4, owners: {}, kpis: [], dependsOn: [] }));
  return doc;
}

function expand(serviceName: string) {
  const row = screen.getByText(serviceName).closest('tr')!;
  fireEvent.click(within(row).getAllByRole('button')[0]);
}

describe('GovernancePage', () => {
  test('portfolio summary counts levels and services needing attention', async () => {
    renderWithRegistry(<GovernancePage />, { doc: registry(), path: prefixRoute(ROUTES.Governance) });
    const summary = await screen.findByTestId(testIds.governance.summary);
    expect(within(summary).getByText('Need attention').nextSibling).toHaveTextContent('1');
    expect(within(summary).getByText('Not started').nextSibling).toHaveTextContent('2');
    expect(within(summary).getByText('Beginner').nextSibling).toHaveTextContent('1');
  });

  test('a scorecard shows the evidence and what to do', async () => {
    renderWithRegistry(<GovernancePage />, { doc: registry(), path: prefixRoute(ROUTES.Governance) });
    await screen.findByText('Checkout');
    expand('Checkout');
    const card = screen.getByTestId(testIds.governance.scorecard);
    expect(within(card).getAllByText('Business owner: Ana Lima (ana@example.com).')).toHaveLength(2);
    expect(within(card).getByText('No budget policy on: checkout-latency.')).toBeInTheDocument();
    expect(within(card).getAllByText(/To do: Enable the budget policy on every SLO/).length).toBeGreaterThan(0);
    // Checks that need live values say so instead of guessing.
    expect(
      within(card).getByText('SLOs without a policy: checkout-latency; whether they burn is not measured.')
    ).toBeInTheDocument();
    expect(within(card).getAllByText(/^No data source yet: SLO status, error budget left/).length).toBeGreaterThan(0);
  });

  test('a service without an owner is flagged with the failure mode', async () => {
    renderWithRegistry(<GovernancePage />, { doc: registry(), path: prefixRoute(ROUTES.Governance) });
    await screen.findByText('Orphan');
    const row = screen.getByText('Orphan').closest('tr')!;
    expect(within(row).getByText('No accountable owner')).toBeInTheDocument();
    expand('Orphan');
    expect(
      within(screen.getByTestId(testIds.governance.scorecard)).getAllByText('No business owner is named.')
    ).toHaveLength(2);
  });

  test('measured values decide the live checks', async () => {
    const live = { slos: { 'checkout-latency': { burnRate: 3.5, hasData: false } } };
    renderWithRegistry(<GovernancePage />, { doc: registry(), path: prefixRoute(ROUTES.Governance), live });
    await screen.findByText('Checkout');
    expand('Checkout');
    const card = screen.getByTestId(testIds.governance.scorecard);
    expect(
      within(card).getByText('Burning faster than sustainable without a policy: checkout-latency (3.5x).')
    ).toBeInTheDocument();
    expect(
      within(card).getByText(
        'SLI queries that ran and found no series (the metrics or the selector match nothing): checkout-latency.'
      )
    ).toBeInTheDocument();
  });

  test('Prometheus down: telemetry is unknown with the reason, counted apart from failures', async () => {
    const doc = registry();
    doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
    const failed = { source: 'none' as const, reason: { kind: 'queryFailed' as const, message: 'connection refused' } };
    const live = { slos: { 'checkout-ratio': failed, 'checkout-latency': failed } };
    renderWithRegistry(<GovernancePage />, { doc, path: prefixRoute(ROUTES.Governance), live });
    const summary = await screen.findByTestId(testIds.governance.summary);
    expect(within(summary).getByText('Missing telemetry').nextSibling).toHaveTextContent('0 found · 1 unknown');
    const row = screen.getByText('Checkout').closest('tr')!;
    expect(within(row).getByText('None found')).toBeInTheDocument();
    expect(within(row).getByText(/^Unknown: .*Missing telemetry/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.services.liveNotice)).toHaveTextContent('Could not read live values from prom');
    expand('Checkout');
    const card = screen.getByTestId(testIds.governance.scorecard);
    expect(
      within(card).getByText(
        'Unknown for checkout-ratio, checkout-latency: the query failed (connection refused), which says nothing about the telemetry itself.'
      )
    ).toBeInTheDocument();
    expect(within(card).getAllByText('prom could not be read: connection refused').length).toBeGreaterThan(0);
  });

  test('the postmortem check reads the incidents: a budget-heavy one without a postmortem is found', async () => {
    const day = Date.UTC(2024, 4, 1);
    jest
      .mocked(readIncidents)
      .mockClear()
      .mockResolvedValueOnce({
        ok: true,
        source: 'prometheus',
        report: assessIncidents(incidentInputs(day)),
        gaps: [],
      });
    renderWithRegistry(<GovernancePage />, { doc: incidentRegistry(day), path: prefixRoute(ROUTES.Governance) });
    await screen.findByText('Checkout');
    const row = screen.getByText('Checkout').closest('tr')!;
    expect(await within(row).findByText('No postmortem after a budget-heavy incident')).toBeInTheDocument();
    expect(jest.mocked(readIncidents)).toHaveBeenCalledTimes(1);
    expand('Checkout');
    const card = screen.getByTestId(testIds.governance.scorecard);
    expect(
      within(card).getByText(
        'Resolved incidents that used more than a fifth of their period budget and have no postmortem: checkout-availability-20240501-1000.'
      )
    ).toBeInTheDocument();
    expect(within(card).getByText(/^To do: Write the postmortem/)).toBeInTheDocument();
  });

  test('until the incidents are read, the postmortem check is unknown and says why', async () => {
    renderWithRegistry(<GovernancePage />, { doc: registry(), path: prefixRoute(ROUTES.Governance) });
    await screen.findByText('Checkout');
    expand('Checkout');
    expect(
      within(screen.getByTestId(testIds.governance.scorecard)).getByText('The incidents have not been read yet.')
    ).toBeInTheDocument();
  });
});
