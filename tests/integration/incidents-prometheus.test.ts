/**
 * Incidents read from a real Prometheus: the fixture's day of alert history (three incidents of
 * `checkout`, src/domain/incidents/fixtures.ts) is backfilled as the series the generated rules
 * record — `ALERTS_FOR_STATE` of the burn alerts at every 1-minute evaluation while they fire, the
 * SLOs' 5-minute increases and hourly tiles — plus the revenue KPI's gauge, with `promtool tsdb
 * create-blocks-from openmetrics`. Then the app's reading code (`fetchIncidents`) runs unchanged:
 * Grafana's backend service (`getBackendSrv`, the only part of `@grafana/runtime` it uses) is
 * replaced by a shim that forwards the data source's resource API to Prometheus' HTTP API, answers
 * the silences as Grafana's Alertmanager API would, and answers the state history as a Grafana
 * without a history backend does (so the report reads the alerts from Prometheus).
 */
import { Observable, from as fromPromise } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';

import { fetchIncidents } from '../../src/api/incidents/fetchIncidents';
import {
  AVAILABILITY,
  HOUR,
  LATENCY,
  MINUTE,
  REVENUE_GAUGE,
  REVENUE_PER_HOUR,
  incidentAcknowledgements,
  incidentBuckets,
  incidentForStateSeries,
  incidentHourlyTiles,
  incidentRegistry,
  incidentSilences,
  incidentWindow,
} from '../../src/domain/incidents/fixtures';
import { GaugeFamily, BackfilledPrometheus, startBackfilledPrometheus, toOpenMetrics } from '../helpers/promBackfill';

/** Two days before the last midnight UTC: a past day, well inside the server's retention. */
const DAY = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR - 2 * 24 * HOUR;
const { from, to } = incidentWindow(DAY);
const RESOURCE_PREFIX = '/api/datasources/uid/prometheus/resources/';

const seconds = (samples: Array<[number, number]>): Array<[number, number]> =>
  samples.map(([time, value]) => [time / 1000, value]);

function families(): GaugeFamily[] {
  const sloLabels = (sloId: string, window: string) => ({
    sloth_id: sloId,
    sloth_service: 'checkout',
    sloth_window: window,
  });
  const buckets = [...incidentBuckets(DAY)];
  const tiles = [...incidentHourlyTiles(DAY)];
  const alerts = incidentForStateSeries(DAY, MINUTE, to).map(({ labels, samples }) => {
    const { __name__: _name, ...own } = labels;
    return { labels: own, samples: seconds(samples) };
  });
  const revenue: Array<[number, number]> = [];
  for (let time = DAY + 8 * HOUR; time <= to; time += MINUTE) {
    revenue.push([time / 1000, REVENUE_PER_HOUR]);
  }
  return [
    { name: 'ALERTS_FOR_STATE', series: alerts },
    {
      name: 'slo:sli_error:increase5m',
      series: buckets.map(([id, list]) => ({
        labels: sloLabels(id, '5m'),
        samples: list.map((b) => [b.end / 1000, b.errors]),
      })),
    },
    {
      name: 'slo:sli_total:increase5m',
      series: buckets.map(([id, list]) => ({
        labels: sloLabels(id, '5m'),
        samples: list.map((b) => [b.end / 1000, b.total]),
      })),
    },
    {
      name: 'slo:sli_error:increase1h',
      series: tiles.map(([id, tile]) => ({ labels: sloLabels(id, '1h'), samples: seconds(tile.errors) })),
    },
    {
      name: 'slo:sli_total:increase1h',
      series: tiles.map(([id, tile]) => ({ labels: sloLabels(id, '1h'), samples: seconds(tile.total) })),
    },
    { name: REVENUE_GAUGE, series: [{ labels: { service: 'checkout' }, samples: revenue }] },
  ];
}

/** Stands in for Grafana's backend service; `installShim` sets its `fetch`. */
const mockBackendSrv: { fetch?: (options: BackendSrvRequest) => Observable<FetchResponse> } = {};
jest.mock('@grafana/runtime', () => ({ getBackendSrv: () => mockBackendSrv }));

interface Shim {
  requests: string[];
}

/** Grafana's backend service for the reading code: resource API → Prometheus, silences, empty history. */
function installShim(prometheusUrl: string): Shim {
  const shim: Shim = { requests: [] };
  const silences = incidentSilences(DAY).map((silence) => ({
    ...silence,
    startsAt: new Date(silence.startsAt).toISOString(),
    endsAt: new Date(silence.endsAt).toISOString(),
  }));
  const answer = async (options: BackendSrvRequest): Promise<FetchResponse> => {
    shim.requests.push(`${options.method ?? 'GET'} ${options.url}`);
    let status = 404;
    let data: unknown = { message: 'Not found' };
    if (options.url.startsWith(RESOURCE_PREFIX)) {
      const response = await fetch(`${prometheusUrl}/${options.url.slice(RESOURCE_PREFIX.length)}`, {
        method: options.method,
        headers: options.headers as Record<string, string>,
        body: String(options.data),
      });
      status = response.status;
      data = await response.json();
    } else if (options.url === '/api/v1/rules/history') {
      // what Grafana answers without a state history backend: an empty frame
      status = 200;
      data = { schema: { name: 'states', fields: [] }, data: { values: [] } };
    } else if (options.url === '/api/alertmanager/grafana/api/v2/silences') {
      status = 200;
      data = silences;
    }
    const response = { data, status, ok: status < 400, statusText: String(status) } as FetchResponse;
    if (status >= 400) {
      throw response;
    }
    return response;
  };
  mockBackendSrv.fetch = (options) => fromPromise(answer(options));
  return shim;
}

describe('incidents from a real Prometheus', () => {
  let prometheus: BackfilledPrometheus | undefined;

  beforeAll(async () => {
    prometheus = await startBackfilledPrometheus(toOpenMetrics(families()));
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
  });

  it('gives the MTTA, MTTR and postmortem flag the definitions say, in six requests', async () => {
    const shim = installShim(prometheus!.url);
    const doc = {
      ...incidentRegistry(DAY),
      settings: { ...incidentRegistry(DAY).settings, prometheus: { uid: 'prometheus' } },
    };
    const result = await fetchIncidents(doc, { from, to, acknowledgements: incidentAcknowledgements(DAY) });
    if (!result.ok) {
      throw new Error(`the report failed: ${JSON.stringify(result)}`);
    }
    expect(result.source).toBe('prometheus');
    expect(result.gaps).toEqual([]);
    const { report } = result;
    const ids = (sloId: string, hour: number) =>
      `${sloId}-${new Date(DAY + hour * HOUR).toISOString().slice(0, 10).replace(/-/g, '')}-${String(hour).padStart(2, '0')}00`;
    expect(report.incidents.map((incident) => incident.id)).toEqual([
      ids(AVAILABILITY, 16),
      ids(LATENCY, 13),
      ids(AVAILABILITY, 10),
    ]);
    const [c, b, a] = report.incidents;
    // A: ALERTS_FOR_STATE of page-fast activated at 10:00 and at 10:26 (last evaluation 10:44, so
    // resolved at 10:45), page-slow 10:05–10:15: one incident 10:00–10:45. B: 13:00–13:30. C: from
    // 16:00, still active at the 17:00 read.
    expect([a.start, a.end, b.start, b.end, c.start, c.end]).toEqual([
      DAY + 10 * HOUR,
      DAY + 10 * HOUR + 45 * MINUTE,
      DAY + 13 * HOUR,
      DAY + 13 * HOUR + 30 * MINUTE,
      DAY + 16 * HOUR,
      undefined,
    ]);
    // MTTA: A acknowledged in the app after 4 min, B by bruno's silence after 25 min, C not at
    // all → (4 + 25) / 2 = 14.5 min. MTTR: A 45 min, B 30 min (C open) → 37.5 min.
    expect(report.stats).toMatchObject({
      count: 3,
      open: 1,
      acknowledged: 2,
      unacknowledged: 1,
      mttaMs: 14.5 * MINUTE,
      mttrMs: 37.5 * MINUTE,
      failedEvents: 6300,
      postmortemsMissing: 1,
    });
    // Budget: 30-day events from the tiles: 10,000,000 at 99.9 % and 1,000,000 at 99 % allow
    // 10,000 failed events each. A's 2,700 are 27 % (over 20 %, no postmortem link: flagged);
    // B's 3,000 are 30 % (its postmortem is linked); C's 600 so far 6 %.
    expect(a.impact.budgetConsumed).toBeCloseTo(0.27, 9);
    expect(b.impact.budgetConsumed).toBeCloseTo(0.3, 9);
    expect(c.impact.budgetConsumed).toBeCloseTo(0.06, 9);
    expect([a, b, c].map((incident) => incident.postmortem.state)).toEqual(['missing', 'covered', 'notRequired']);
    // Revenue at risk: 36,000 USD/h = 10 USD/s × 2,700 s × 3 % failed = 810 USD.
    expect(a.impact.revenueAtRisk?.amount).toBeCloseTo(810, 6);
    // Window errors from the tiles 09:00–17:00: 3,450 (availability), 3,090 (latency).
    const checkout = report.services.find((service) => service.serviceId === 'checkout');
    const split = Object.fromEntries((checkout?.budget ?? []).map((item) => [item.sloId, item]));
    expect(split[AVAILABILITY].incidents).toBeCloseTo(0.33, 9);
    expect(split[AVAILABILITY].background).toBeCloseTo(0.015, 9);
    expect(split[LATENCY].background).toBeCloseTo(0.009, 9);
    expect(report.owners.find((owner) => owner.owner === 'ana')?.stats.mttrMs).toBe(37.5 * MINUTE);
    // the state history (empty), the silences, then alerts, events, budget and revenue: one each
    expect(shim.requests.filter((request) => request.startsWith(`POST ${RESOURCE_PREFIX}`))).toHaveLength(4);
    expect(shim.requests).toHaveLength(6);
  });
});
