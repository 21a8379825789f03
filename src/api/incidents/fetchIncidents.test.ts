import { FiringSeries } from '../../domain/incidents';
import {
  AVAILABILITY,
  LATENCY,
  incidentAcknowledgements,
  incidentAlerts,
  incidentRegistry,
  incidentSilences,
  incidentWindow,
} from '../../domain/incidents/fixtures';
import { installFakeBackend, on } from '../testing/fakeBackend';
import { incidentPrometheus, QUERY_URL } from '../testing/fakeIncidents';
import { fetchIncidents } from './fetchIncidents';

const DAY = Date.UTC(2024, 4, 1);
const { from, to } = incidentWindow(DAY);
const HISTORY_URL = '/api/v1/rules/history';
const SILENCES_URL = '/api/alertmanager/grafana/api/v2/silences';

const doc = () => ({
  ...incidentRegistry(DAY),
  settings: { ...incidentRegistry(DAY).settings, prometheus: { uid: 'prom' } },
});

const prometheus = incidentPrometheus(DAY, to);

const silences = incidentSilences(DAY).map((silence) => ({
  ...silence,
  startsAt: new Date(silence.startsAt).toISOString(),
  endsAt: new Date(silence.endsAt).toISOString(),
  status: { state: 'expired' },
}));

/** The state history frame of the fixture's alerts: Normal → Alerting at each start, back at each end. */
function historyFrame(series: FiringSeries[]) {
  const rows = series
    .flatMap(({ labels, intervals }) =>
      intervals.flatMap(({ start, end }) => [
        [start, { previous: 'Normal', current: 'Alerting', labels, ruleUID: 'r' }] as const,
        ...(end === undefined
          ? []
          : [[end, { previous: 'Alerting', current: 'Normal', labels, ruleUID: 'r' }] as const]),
      ])
    )
    .sort((a, b) => a[0] - b[0]);
  return {
    schema: { name: 'states', fields: [{ name: 'time' }, { name: 'line' }, { name: 'labels' }] },
    data: { values: [rows.map(([time]) => time), rows.map(([, line]) => line), rows.map(() => ({}))] },
  };
}

describe('fetchIncidents', () => {
  it('falls back to Prometheus when the state history cannot be read, in six requests', async () => {
    const backend = installFakeBackend([
      on('GET', HISTORY_URL, { status: 500, body: { message: 'ruleUID is required to query annotations' } }),
      on('GET', SILENCES_URL, { status: 200, body: silences }),
      on('POST', QUERY_URL, prometheus),
    ]);
    const result = await fetchIncidents(doc(), { from, to, acknowledgements: incidentAcknowledgements(DAY) });
    if (!result.ok) {
      throw new Error(JSON.stringify(result));
    }
    expect(result.source).toBe('prometheus');
    expect(result.gaps).toEqual([
      { kind: 'stateHistoryUnavailable', message: 'ruleUID is required to query annotations' },
    ]);
    // MTTA (4 + 25) / 2 = 14.5 min, MTTR (45 + 30) / 2 = 37.5 min; A took 27 % of its budget.
    expect(result.report.stats).toMatchObject({ count: 3, mttaMs: 870_000, mttrMs: 2_250_000, postmortemsMissing: 1 });
    expect(result.report.incidents.map((incident) => [incident.id, incident.postmortem.state])).toEqual([
      ['checkout-availability-20240501-1600', 'notRequired'],
      ['checkout-latency-20240501-1300', 'covered'],
      ['checkout-availability-20240501-1000', 'missing'],
    ]);
    expect(result.report.incidents[2].impact.revenueAtRisk?.amount).toBeCloseTo(810, 9);
    expect(backend.requests.map((request) => `${request.method} ${request.url}`).sort()).toEqual([
      `GET ${SILENCES_URL}`,
      `GET ${HISTORY_URL}`,
      `POST ${QUERY_URL}`,
      `POST ${QUERY_URL}`,
      `POST ${QUERY_URL}`,
      `POST ${QUERY_URL}`,
    ]);
    const history = backend.requests.find((request) => request.url === HISTORY_URL);
    expect(history?.params).toEqual({
      from: (from - 86_400_000) / 1000,
      to: to / 1000,
      limit: 5000,
      labels_sloth_severity: 'page',
    });
  });

  it('reads the firing periods from the state history when it holds the page alerts', async () => {
    const backend = installFakeBackend([
      on('GET', HISTORY_URL, { status: 200, body: historyFrame(incidentAlerts(DAY)) }),
      on('GET', SILENCES_URL, { status: 200, body: silences }),
      on('POST', QUERY_URL, prometheus),
    ]);
    const result = await fetchIncidents(doc(), { from, to, acknowledgements: incidentAcknowledgements(DAY) });
    expect(result.ok && result.source).toBe('grafana');
    expect(result.ok && result.report.stats).toMatchObject({ count: 3, mttaMs: 870_000, mttrMs: 2_250_000 });
    const queries = backend.requests.map((request) => new URLSearchParams(String(request.data)).get('query') ?? '');
    expect(queries.some((query) => query.startsWith('ALERTS_FOR_STATE'))).toBe(false);
  });

  it('uses Prometheus when the history is there but holds no page alerts (rules evaluated by Prometheus)', async () => {
    installFakeBackend([
      on('GET', HISTORY_URL, { status: 200, body: { schema: { name: 'states', fields: [] }, data: { values: [] } } }),
      on('GET', SILENCES_URL, { status: 404, body: { message: 'Not found' } }),
      on('POST', QUERY_URL, prometheus),
    ]);
    const result = await fetchIncidents(doc(), { from, to });
    expect(result.ok && result.source).toBe('prometheus');
    // without the silences and the app's acknowledgements nothing is acknowledged
    expect(result.ok && result.gaps).toEqual([{ kind: 'silencesUnavailable', message: 'Not found' }]);
    expect(result.ok && result.report.stats).toMatchObject({ count: 3, acknowledged: 0, mttrMs: 2_250_000 });
  });

  it('reports what failed: the alerts query, or no Prometheus at all', async () => {
    installFakeBackend([
      on('POST', QUERY_URL, { status: 503, body: { status: 'error', error: 'Prometheus is down' } }),
    ]);
    expect(await fetchIncidents(doc(), { from, to, source: 'prometheus' })).toEqual({
      ok: false,
      kind: 'queryFailed',
      message: 'Prometheus is down',
    });
    expect(await fetchIncidents(incidentRegistry(DAY), { from, to, source: 'prometheus' })).toEqual({
      ok: false,
      kind: 'noDataSource',
    });
  });

  it('needs Prometheus when the state history holds no page alerts', async () => {
    installFakeBackend([
      on('GET', HISTORY_URL, { status: 200, body: { schema: { name: 'states', fields: [] }, data: { values: [] } } }),
      on('GET', SILENCES_URL, { status: 200, body: [] }),
    ]);
    expect(await fetchIncidents(incidentRegistry(DAY), { from, to })).toEqual({ ok: false, kind: 'noDataSource' });
    const grafanaOnly = await fetchIncidents(incidentRegistry(DAY), { from, to, source: 'grafana' });
    // asked for Grafana's history only: an empty history is an empty report
    expect(grafanaOnly.ok && grafanaOnly.report.incidents).toEqual([]);
  });

  it('keeps the incidents when their events cannot be read, and says so', async () => {
    installFakeBackend([
      on('GET', SILENCES_URL, { status: 200, body: [] }),
      on('POST', QUERY_URL, (request) =>
        String(request.data).includes('ALERTS_FOR_STATE')
          ? prometheus(request)
          : { status: 422, body: { status: 'error', error: 'query timed out' } }
      ),
    ]);
    const result = await fetchIncidents(doc(), { from, to, source: 'prometheus' });
    expect(result.ok && result.gaps.map((gap) => gap.kind)).toEqual(['eventsFailed', 'budgetFailed', 'revenueFailed']);
    expect(result.ok && result.report.incidents.map((incident) => incident.postmortem.state)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('reads only the SLOs asked for: the others’ alerts are left out, and so are their events and budgets', async () => {
    const backend = installFakeBackend([
      on('GET', SILENCES_URL, { status: 200, body: [] }),
      on('POST', QUERY_URL, prometheus),
    ]);
    const result = await fetchIncidents(doc(), { from, to, source: 'prometheus', sloIds: [LATENCY] });
    expect(result.ok && result.report.incidents.map((incident) => incident.id)).toEqual([
      'checkout-latency-20240501-1300',
    ]);
    const queries = backend.requests
      .map((request) => new URLSearchParams(String(request.data)).get('query') ?? '')
      .filter((query) => !query.startsWith('ALERTS_FOR_STATE'));
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      expect(query).not.toContain(AVAILABILITY);
    }
  });
});
