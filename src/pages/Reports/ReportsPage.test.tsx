import React from 'react';
import { config } from '@grafana/runtime';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileText } from '../../components/AppConfig/downloadText';
import { testIds } from '../../components/testIds';
import { PLUGIN_ID } from '../../constants';
import { RegistryDocument } from '../../domain/model';
import { answersFor, NOW, reportRegistry, SloFigures } from '../../domain/reports/fixtures';
import { planReport } from '../../domain/reports/plan';
import { reportQueries } from '../../domain/reports/queries';
import { ReportQuery } from '../../domain/reports/types';
import { RegistryUser } from '../../storage/access';
import { readFrozenReport } from '../../storage/reports/reportStore';
import { apiAs } from '../../storage/testing/asUser';
import { createFakeGrafana } from '../../storage/testing/fakeGrafana';
import { adminUser, editorUser } from '../../storage/testing/users';
import { renderWithRegistry } from '../testing/registryHarness';
import { ReportsPage } from './ReportsPage';

const doc = reportRegistry();
const NOVEMBER: Record<string, SloFigures> = {
  'checkout-availability': {
    period: { errors: 30, total: 100_000 },
    days: [
      { errors: 1, total: 3_000 },
      { errors: 12, total: 3_000 },
    ],
  },
  'checkout-latency': { period: { errors: 2_000, total: 100_000 } },
  'payments-availability': { period: { errors: 10, total: 50_000 } },
};

/** Prometheus answering the plan of `period` at NOW with `figures`; `fail` refuses the queries of that part. */
function prometheus(registry: RegistryDocument, period: string, figures: Record<string, SloFigures>, fail?: string) {
  const plan = planReport(registry, period, NOW);
  if ('message' in plan) {
    throw new Error(plan.message);
  }
  const answers = answersFor(plan, figures);
  const byExpr = new Map(reportQueries(plan).map((query) => [query.expr, query.id]));
  const asked: ReportQuery[] = [];
  const run = async (query: ReportQuery) => {
    asked.push(query);
    const id = byExpr.get(query.expr);
    if (!id || (fail && id.endsWith(fail))) {
      return { ok: false as const, message: `bad_data: refused ${query.id}` };
    }
    return { ok: true as const, series: answers[id] ?? [] };
  };
  return { run, asked };
}

function signIn(user: RegistryUser & { email: string }) {
  config.bootData.user = { ...config.bootData.user, ...user };
}

async function renderPage(
  options: {
    period?: string;
    figures?: Record<string, SloFigures>;
    user?: RegistryUser;
    registry?: RegistryDocument;
    fail?: string;
    server?: ReturnType<typeof createFakeGrafana>;
  } = {}
) {
  const { period = '2026-11', figures = NOVEMBER, user = adminUser, registry = doc, fail } = options;
  const server = options.server ?? createFakeGrafana(PLUGIN_ID, { registry });
  const { run, asked } = prometheus(registry, period, figures, fail);
  renderWithRegistry(<ReportsPage api={apiAs(server, user)} run={run} now={() => NOW} />, {
    doc: registry,
    user,
    path: `/a/${PLUGIN_ID}/reports?period=${period}`,
  });
  await screen.findByTestId(testIds.reports.page);
  await waitFor(() => expect(screen.queryByText(/Reading the report/)).not.toBeInTheDocument());
  return { server, asked };
}

function sections() {
  return screen.getAllByTestId(testIds.reports.ownerSection);
}

function rowOf(name: string) {
  return screen.getByRole('link', { name }).closest('tr')!;
}

describe('ReportsPage', () => {
  beforeEach(() => signIn({ ...adminUser, email: 'ana@example.com' }));

  test('an ended month: per owner and SLO, attainment, budget, worst day and outcome; kept on first read', async () => {
    const { server, asked } = await renderPage();
    // two time zones (UTC, Berlin): figures and days each, and the incidents
    expect(asked).toHaveLength(5);
    expect(sections().map((section) => within(section).getByRole('heading').textContent)).toEqual([
      'Ana Lima',
      'Bruno Costa',
    ]);
    const availability = rowOf('Checkout availability');
    expect(within(availability).getByRole('link')).toHaveAttribute(
      'href',
      `/a/${PLUGIN_ID}/slos/checkout-availability`
    );
    expect(availability).toHaveTextContent('99.97%');
    expect(availability).toHaveTextContent('30%');
    expect(availability).toHaveTextContent('2026-11-02: 99.6%');
    expect(availability).toHaveTextContent('Met');
    expect(rowOf('Checkout latency')).toHaveTextContent('Missed');
    expect(rowOf('Checkout freeform')).toHaveTextContent('No data');
    // 197,970 of 200,000 events good across Ana's two weighted SLOs: 98.985 %
    expect(within(sections()[0]).getByTestId(testIds.reports.ownerTotals)).toHaveTextContent(
      '98.98% of 200,000 events good · 1 met, 1 missed, 1 without data · incidents: 0'
    );
    expect(screen.getByTestId(testIds.reports.status)).toHaveTextContent('Final');
    const kept = await readFrozenReport(apiAs(server, adminUser), '2026-11');
    expect(kept.ok && kept.stored?.frozen.frozenBy).toBe('ana');
  });

  test('a kept month is shown as kept, even after the objective and the data change', async () => {
    const { server } = await renderPage();
    const changed = {
      ...doc,
      slos: doc.slos.map((slo) => (slo.id === 'checkout-availability' ? { ...slo, objective: 99.99 } : slo)),
    };
    const { asked } = await renderPage({
      server,
      registry: changed,
      figures: { 'checkout-availability': { period: { errors: 5_000, total: 100_000 } } },
    });
    expect(asked).toHaveLength(0);
    const availability = screen.getAllByRole('link', { name: 'Checkout availability' }).at(-1)!.closest('tr')!;
    expect(availability).toHaveTextContent('99.9%');
    expect(availability).toHaveTextContent('99.97%');
  });

  test('the business owner signs the period off; the sign-off is stored with who and when', async () => {
    const { server } = await renderPage();
    const ana = sections()[0];
    await act(async () => {
      fireEvent.click(within(ana).getByTestId(testIds.reports.signOff));
    });
    await waitFor(() =>
      expect(within(ana).getByTestId(testIds.reports.signedOff)).toHaveTextContent('Signed off by ana')
    );
    // Ana is not Bruno: no button in his section
    expect(within(sections()[1]).queryByTestId(testIds.reports.signOff)).not.toBeInTheDocument();
    const kept = await readFrozenReport(apiAs(server, adminUser), '2026-11');
    expect(kept.ok && kept.stored?.frozen.signOffs.ana).toMatchObject({ by: 'ana' });
  });

  test('an Editor who owns nothing sees the report read-only', async () => {
    signIn({ ...editorUser, email: 'eli@example.com' });
    await renderPage({ user: editorUser });
    expect(screen.queryByTestId(testIds.reports.signOff)).not.toBeInTheDocument();
    expect(sections()[0]).toHaveTextContent('only the business owner can sign off');
  });

  test('the running month is in progress: read up to now, not kept, not to be signed off', async () => {
    const { server } = await renderPage({ period: '2026-12', figures: {} });
    expect(screen.getByTestId(testIds.reports.status)).toHaveTextContent('In progress');
    expect(screen.queryByTestId(testIds.reports.signOff)).not.toBeInTheDocument();
    expect(await readFrozenReport(apiAs(server, adminUser), '2026-12')).toEqual({ ok: true });
  });

  test('a failed query is named and the report is not kept', async () => {
    const { server } = await renderPage({ fail: 'days' });
    expect(screen.getByTestId(testIds.reports.failures)).toHaveTextContent('worst days: bad_data: refused g0.days');
    expect(screen.getByTestId(testIds.reports.status)).toHaveTextContent('Ended, not kept');
    expect(await readFrozenReport(apiAs(server, adminUser), '2026-11')).toEqual({ ok: true });
  });

  test('a period Prometheus holds nothing of says so, and is not kept', async () => {
    const { server } = await renderPage({ period: '2026-10', figures: {} });
    expect(screen.getByTestId(testIds.reports.noData)).toHaveTextContent('No recorded data for 2026-10');
    expect(await readFrozenReport(apiAs(server, adminUser), '2026-10')).toEqual({ ok: true });
  });

  test('a registry without SLOs has a clear empty state', async () => {
    await renderPage({ registry: { ...doc, slos: [] }, figures: {} });
    expect(screen.getByTestId(testIds.reports.empty)).toHaveTextContent('once the services have SLOs');
  });

  test('the CSV download holds the report shown', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderPage();
    fireEvent.click(screen.getByTestId(testIds.reports.download));
    expect(click).toHaveBeenCalled();
    const text = await readFileText(blobs[0]);
    expect(text.split('\r\n')[1]).toContain('2026-11,ended,slo,Ana Lima,Checkout,checkout-availability');
    click.mockRestore();
  });
});
