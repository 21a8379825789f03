import { PLUGIN_ID } from '../../constants';
import { answersFor, NOW, reportRegistry } from '../../domain/reports/fixtures';
import { planReport } from '../../domain/reports/plan';
import { reportQueries } from '../../domain/reports/queries';
import { ReportQuery, SloReport } from '../../domain/reports/types';
import { apiAs } from '../../storage/testing/asUser';
import { createFakeGrafana } from '../../storage/testing/fakeGrafana';
import { adminUser } from '../../storage/testing/users';
import { STATE_HISTORY_URL } from '../incidents/stateHistory';
import { installFakeBackend, on } from '../testing/fakeBackend';
import { fetchReport } from './fetchReport';

const doc = reportRegistry();
const plan = planReport(doc, '2026-11', NOW);
if ('message' in plan) {
  throw new Error(plan.message);
}
const answers = answersFor(plan, { 'checkout-availability': { period: { errors: 30, total: 100_000 } } });
const ids = new Map(reportQueries(plan).map((query) => [query.expr, query.id]));
const labels = {
  sloth_id: 'checkout-availability',
  sloth_service: 'checkout',
  burn_tier: 'page-fast',
  sloth_severity: 'page',
};
const nov = (day: number, hour: number) => Date.UTC(2026, 10, day, hour);

/** Grafana's state-history frame of these transitions (time, line), as its Loki backend answers. */
function history(rows: Array<[number, string, string]>) {
  return {
    schema: { name: 'states', fields: [{ name: 'time' }, { name: 'line' }, { name: 'labels' }] },
    data: {
      values: [
        rows.map(([time]) => time),
        rows.map(([, previous, current]) => ({ previous, current, labels })),
        rows.map(() => ({})),
      ],
    },
  };
}

async function read(frame: unknown) {
  installFakeBackend([on('GET', STATE_HISTORY_URL, { status: 200, body: frame })]);
  const asked: ReportQuery[] = [];
  const result = await fetchReport(doc, {
    period: '2026-11',
    now: NOW,
    api: apiAs(createFakeGrafana(PLUGIN_ID, { registry: doc }), adminUser),
    canWrite: false,
    login: 'ana',
    run: async (query) => {
      asked.push(query);
      return { ok: true, series: answers[ids.get(query.expr) ?? ''] ?? [] };
    },
  });
  if (!result.ok) {
    throw new Error(result.message);
  }
  const slos = result.report.owners.flatMap((owner) => owner.services.flatMap((service) => service.slos));
  const availability = slos.find((slo) => slo.sloId === 'checkout-availability') as SloReport;
  return { asked, availability };
}

describe('fetchReport', () => {
  test('incidents come from Grafana’s alert state history when it holds the page alerts; Prometheus’ is not asked', async () => {
    const { asked, availability } = await read(
      history([
        [nov(3, 10), 'Normal', 'Alerting'],
        [nov(3, 11), 'Alerting', 'Normal'],
        [nov(20, 8), 'Normal', 'Alerting'],
        [nov(20, 9), 'Alerting', 'Normal'],
      ])
    );
    expect(availability.incidents).toBe(2);
    expect(asked.map((query) => query.id)).toEqual(['g0.figures', 'g0.days', 'g1.figures', 'g1.days']);
  });

  test('without a history backend, the incidents are read from Prometheus’ ALERTS_FOR_STATE', async () => {
    const { asked, availability } = await read({ schema: { fields: [] }, data: { values: [] } });
    expect(availability.incidents).toBe(0);
    expect(asked.map((query) => query.id)).toContain('incidents');
  });
});
