/**
 * A hand-written day of alert history for tests: three incidents of the `checkout` service, given
 * as firing periods, acknowledgements, silences and 5-minute increases. Unit tests feed it to the
 * domain; the Prometheus integration test writes the same history as series and reads it back.
 *
 * | incident | SLO | pages | acknowledged | resolved |
 * |---|---|---|---|---|
 * | A | checkout-availability | page-fast 10:00–10:20 and 10:26–10:45 (a 6-minute gap), page-slow 10:05–10:15 | 10:04 in the app | 10:45 |
 * | B | checkout-latency | page-fast 13:00–13:30 | 13:25, a silence | 13:30 |
 * | C | checkout-availability | page-slow from 16:00 | no (a silence for page-fast only) | open at 17:00 |
 *
 * The window is 09:30–17:00 UTC. Outside the incidents every 5 minutes carry 2 failed events in
 * 10,000 (availability) and 1 in 1,000 (latency); during A 300, during C 50, during B 500 in 1,000.
 */
import { Slo } from '../model';
import { baseRegistry, baseService, baseSlo } from '../testing/builders';
import { incidentId } from './detect';
import { IncidentInputs } from './report';
import { Acknowledgement, EventBucket, FiringSeries, Silence } from './types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const AVAILABILITY = 'checkout-availability';
export const LATENCY = 'checkout-latency';

/** Events over each SLO's 30-day period: the budget allows 10,000 failed events for both. */
export const PERIOD_EVENTS: Record<string, number> = { [AVAILABILITY]: 10_000_000, [LATENCY]: 1_000_000 };
/** The revenue KPI's value: 36,000 USD per hour, 10 USD a second. */
export const REVENUE_PER_HOUR = 36_000;
export const REVENUE_GAUGE = 'checkout_revenue_usd_per_hour';

const at = (day: number, hours: number, minutes = 0) => day + hours * HOUR + minutes * MINUTE;

function pageLabels(sloId: string, tier: string, severity = 'page'): Record<string, string> {
  return {
    alertname: 'SLOErrorBudgetBurn',
    sloth_id: sloId,
    sloth_service: 'checkout',
    sloth_slo: sloId.replace('checkout-', ''),
    burn_tier: tier,
    sloth_severity: severity,
    severity: severity === 'page' ? 'critical' : 'warning',
    business_owner: 'ana',
  };
}

/** The registry: `checkout` (owner ana) with its revenue KPI and the postmortem of incident B. */
export function incidentRegistry(day: number) {
  const slos: Slo[] = [
    baseSlo('ratio', { id: AVAILABILITY, name: 'Checkout availability' }),
    baseSlo('latency', { id: LATENCY, name: 'Checkout latency', objective: 99 }),
  ];
  const registry = baseRegistry({ slos });
  const checkout = baseService({
    kpis: [
      {
        id: 'revenue-per-hour',
        name: 'Revenue per hour',
        query: `sum(${REVENUE_GAUGE})`,
        unit: 'currencyUSD',
        direction: 'higher',
      },
    ],
    links: [
      ...baseService().links,
      {
        type: 'postmortem',
        title: `Postmortem ${incidentId(LATENCY, at(day, 13))}: slow card checks`,
        url: 'https://wiki.example.com/postmortems/checkout-latency',
      },
    ],
  });
  return { ...registry, services: [checkout, registry.services[1]] };
}

/** The firing periods of the alert series, a ticket alert among them (not a page: ignored). */
export function incidentAlerts(day: number): FiringSeries[] {
  return [
    {
      labels: pageLabels(AVAILABILITY, 'page-fast'),
      intervals: [
        { start: at(day, 10), end: at(day, 10, 20) },
        { start: at(day, 10, 26), end: at(day, 10, 45) },
      ],
    },
    {
      labels: pageLabels(AVAILABILITY, 'page-slow'),
      intervals: [{ start: at(day, 10, 5), end: at(day, 10, 15) }, { start: at(day, 16) }],
    },
    { labels: pageLabels(LATENCY, 'page-fast'), intervals: [{ start: at(day, 13), end: at(day, 13, 30) }] },
    {
      labels: pageLabels(AVAILABILITY, 'ticket-slow', 'ticket'),
      intervals: [{ start: at(day, 10), end: at(day, 12) }],
    },
  ];
}

/** The reporting window: 09:30 to 17:00 of the day, read at 17:00. */
export function incidentWindow(day: number) {
  return { from: at(day, 9, 30), to: at(day, 17) };
}

/** Acknowledged in the app: A at 10:04; an acknowledgement before B started does not count. */
export function incidentAcknowledgements(day: number): Acknowledgement[] {
  return [
    { sloId: AVAILABILITY, at: at(day, 10, 4), by: 'ana', source: 'app' },
    { sloId: LATENCY, at: at(day, 12, 55), by: 'bruno', source: 'app' },
  ];
}

/**
 * Silences: bruno's at 13:25 acknowledges B; the maintenance silence from 12:00 does not (it
 * started before B); carol's at 16:30 selects page-fast alerts, and C fires page-slow only.
 */
export function incidentSilences(day: number): Silence[] {
  return [
    {
      id: 'maintenance',
      createdBy: 'ops',
      startsAt: at(day, 12),
      endsAt: at(day, 14),
      matchers: [{ name: 'sloth_id', value: 'checkout-.*', isRegex: true, isEqual: true }],
    },
    {
      id: 'latency-ack',
      createdBy: 'bruno',
      startsAt: at(day, 13, 25),
      endsAt: at(day, 15),
      matchers: [{ name: 'sloth_id', value: LATENCY, isRegex: false, isEqual: true }],
    },
    {
      id: 'fast-only',
      createdBy: 'carol',
      startsAt: at(day, 16, 30),
      endsAt: at(day, 18),
      matchers: [
        { name: 'sloth_id', value: AVAILABILITY, isRegex: false, isEqual: true },
        { name: 'burn_tier', value: 'page-fast', isRegex: false, isEqual: true },
      ],
    },
  ];
}

function failedAt(sloId: string, end: number, day: number): number {
  const within = (from: number, to: number) => end > from && end - 5 * MINUTE < to;
  if (sloId === LATENCY) {
    return within(at(day, 13), at(day, 13, 30)) ? 500 : 1;
  }
  if (within(at(day, 10), at(day, 10, 45))) {
    return 300;
  }
  return within(at(day, 16), at(day, 17)) ? 50 : 2;
}

/** Each SLO's 5-minute increases from 00:05 to 17:00 of the day. */
export function incidentBuckets(day: number): Map<string, EventBucket[]> {
  const buckets = new Map<string, EventBucket[]>();
  for (const sloId of [AVAILABILITY, LATENCY]) {
    const total = sloId === LATENCY ? 1000 : 10_000;
    const list: EventBucket[] = [];
    for (let end = at(day, 0, 5); end <= at(day, 17); end += 5 * MINUTE) {
      list.push({ end, errors: failedAt(sloId, end, day), total });
    }
    buckets.set(sloId, list);
  }
  return buckets;
}

/**
 * The page and ticket alerts as Prometheus records them: `ALERTS_FOR_STATE` written at every
 * evaluation (`stepMs`) while firing, valued with the activation time in Unix seconds; an open
 * alert up to `readAt`.
 */
export function incidentForStateSeries(day: number, stepMs: number, readAt: number) {
  return incidentAlerts(day).map(({ labels, intervals }) => ({
    labels: { __name__: 'ALERTS_FOR_STATE', ...labels },
    samples: intervals.flatMap(({ start, end }) => {
      const samples: Array<[number, number]> = [];
      for (let time = start; end === undefined ? time <= readAt : time < end; time += stepMs) {
        samples.push([time, start / 1000]);
      }
      return samples;
    }),
  }));
}

/**
 * Each SLO's hourly tiles: the sum of the 5-minute increases of each hour, stamped at its end, and
 * one older tile ten days before with the rest of the period's events, so that the 30 days before
 * the window's end hold {@link PERIOD_EVENTS}.
 */
export function incidentHourlyTiles(day: number) {
  const tiles = new Map<string, { errors: Array<[number, number]>; total: Array<[number, number]> }>();
  for (const [sloId, buckets] of incidentBuckets(day)) {
    const errors: Array<[number, number]> = [];
    const total: Array<[number, number]> = [];
    for (let end = at(day, 1); end <= at(day, 17); end += HOUR) {
      const hour = buckets.filter((bucket) => bucket.end > end - HOUR && bucket.end <= end);
      errors.push([end, hour.reduce((sum, bucket) => sum + bucket.errors, 0)]);
      total.push([end, hour.reduce((sum, bucket) => sum + bucket.total, 0)]);
    }
    const rest = PERIOD_EVENTS[sloId] - total.reduce((sum, [, value]) => sum + value, 0);
    tiles.set(sloId, {
      errors: [[day - 10 * 24 * HOUR, 0], ...errors],
      total: [[day - 10 * 24 * HOUR, rest], ...total],
    });
  }
  return tiles;
}

/**
 * Everything the report of the day reads, as the caller would read it: the window errors are those
 * of the hourly tiles 09:00–17:00, 96 five-minute spans. Availability: A's 9 × 300 = 2,700, C's
 * 12 × 50 = 600 and 75 others × 2 = 150; latency: B's 6 × 500 = 3,000 and 90 others × 1.
 */
export function incidentInputs(day: number): IncidentInputs {
  return {
    doc: incidentRegistry(day),
    window: incidentWindow(day),
    series: incidentAlerts(day),
    acknowledgements: incidentAcknowledgements(day),
    silences: incidentSilences(day),
    buckets: incidentBuckets(day),
    budgets: new Map([
      // 99.9 %: 0.001 × 10,000,000 = 10,000 failed events allowed; 99 %: 0.01 × 1,000,000 = 10,000
      [AVAILABILITY, { periodAllowedFailures: 0.001 * PERIOD_EVENTS[AVAILABILITY], windowFailures: 3450 }],
      [LATENCY, { periodAllowedFailures: 0.01 * PERIOD_EVENTS[LATENCY], windowFailures: 3090 }],
    ]),
    revenue: new Map([['checkout', { perSecond: REVENUE_PER_HOUR / 3600, currency: 'USD' }]]),
  };
}
