import { checkPromQL } from '../query/promql';
import { baseService, baseSlo } from '../testing/builders';
import { HOUR, MINUTE } from './fixtures';
import {
  budgetInputsQuery,
  firingFromForState,
  incidentEventsQuery,
  pageAlertsQuery,
  readBudgetInputs,
  readEventBuckets,
  readRevenue,
  revenueQuery,
} from './queries';
import { revenueKpi } from './revenue';

const slos = [baseSlo('ratio'), baseSlo('latency', { objective: 99, window: '28d' })];
const revenue = revenueKpi(baseService());

describe('queries', () => {
  it('reads every page alert in one query, whatever the SLO count', () => {
    expect(pageAlertsQuery(7.5 * HOUR)).toBe('ALERTS_FOR_STATE{sloth_severity="page", burn_tier!=""}[7h29m59s999ms]');
  });

  it('reads the 5-minute increases of the SLOs with incidents at every 5-minute mark', () => {
    expect(incidentEventsQuery(['checkout-ratio', 'a.b'], 2 * HOUR)).toBe(
      '{__name__=~"slo:sli_error:increase5m|slo:sli_total:increase5m", sloth_id=~"checkout-ratio|a\\\\.b"}[1h59m59s999ms:5m]'
    );
  });

  it('reads window errors and period events from the hourly tiles, one term per period', () => {
    const query = budgetInputsQuery(slos, 7 * 24 * HOUR);
    expect(query).toBe(
      '(label_replace((sum by (sloth_id) (sum_over_time(slo:sli_error:increase1h[6d23h59m59s999ms]))), "measure", "window_errors", "", "")' +
        ' or label_replace((sum by (sloth_id) (sum_over_time(slo:sli_total:increase1h{sloth_id=~"checkout-latency"}[27d23h59m59s999ms]))), "measure", "period_events", "", ""))' +
        ' or label_replace((sum by (sloth_id) (sum_over_time(slo:sli_total:increase1h{sloth_id=~"checkout-ratio"}[29d23h59m59s999ms]))), "measure", "period_events", "", "")'
    );
  });

  it('averages each revenue KPI over the window, labelled with its service', () => {
    expect(revenueQuery([{ serviceId: 'checkout', revenue: revenue! }], 24 * HOUR)).toBe(
      'label_replace((avg_over_time((sum(sum(rate(checkout_revenue_usd_total{service="checkout"}[1h])) * 3600))[23h59m59s999ms:1h])), "sloth_service", "checkout", "", "")'
    );
  });

  it.each([
    ['alerts', pageAlertsQuery(HOUR)],
    ['events', incidentEventsQuery(['a', 'b'], HOUR)],
    ['budget', budgetInputsQuery(slos, HOUR)],
    ['revenue', revenueQuery([{ serviceId: 'checkout', revenue: revenue! }], HOUR)],
  ])('writes valid PromQL: %s', (_, query) => {
    expect(checkPromQL(query)).toEqual([]);
  });
});

describe('reading the answers', () => {
  it('sums the groups of an SLO per 5-minute mark', () => {
    const buckets = readEventBuckets([
      { labels: { __name__: 'slo:sli_error:increase5m', sloth_id: 'a', route: '/x' }, samples: [[300_000, 1]] },
      { labels: { __name__: 'slo:sli_error:increase5m', sloth_id: 'a', route: '/y' }, samples: [[300_000, 2]] },
      {
        labels: { __name__: 'slo:sli_total:increase5m', sloth_id: 'a' },
        samples: [
          [0, 5],
          [300_000, 10],
        ],
      },
      { labels: { __name__: 'other', sloth_id: 'a' }, samples: [[300_000, 99]] },
    ]);
    expect(buckets.get('a')).toEqual([
      { end: 0, errors: 0, total: 5 },
      { end: 300_000, errors: 3, total: 10 },
    ]);
  });

  it('turns period events into the failed events the objective allows', () => {
    const inputs = readBudgetInputs(
      [
        { labels: { sloth_id: 'checkout-ratio', measure: 'period_events' }, samples: [[0, 2_000_000]] },
        { labels: { sloth_id: 'checkout-ratio', measure: 'window_errors' }, samples: [[0, 42]] },
        { labels: { sloth_id: 'checkout-latency', measure: 'period_events' }, samples: [[0, 1000]] },
        { labels: { sloth_id: 'unknown', measure: 'period_events' }, samples: [[0, 1]] },
      ],
      slos
    );
    expect(inputs.get('checkout-ratio')?.periodAllowedFailures).toBeCloseTo(2000, 9);
    expect(inputs.get('checkout-ratio')?.windowFailures).toBe(42);
    expect(inputs.get('checkout-latency')?.periodAllowedFailures).toBeCloseTo(10, 9);
    expect(inputs.has('unknown')).toBe(false);
  });

  it('reads a revenue rate per second from a KPI per hour', () => {
    const rates = readRevenue(
      [{ labels: { sloth_service: 'checkout' }, samples: [[0, 7200]] }],
      new Map([['checkout', revenue!]])
    );
    expect(rates.get('checkout')).toEqual({ perSecond: 2, currency: 'USD' });
  });
});

describe('firing periods from ALERTS_FOR_STATE', () => {
  const labels = {
    __name__: 'ALERTS_FOR_STATE',
    alertname: 'SLOErrorBudgetBurn',
    sloth_id: 'a',
    burn_tier: 'page-fast',
  };
  const minutes = (from: number, to: number, activeAt: number) =>
    Array.from({ length: to - from + 1 }, (_, i): [number, number] => [
      (from + i) * MINUTE,
      (activeAt * MINUTE) / 1000,
    ]);

  it('starts at the activation time, ends an evaluation after the last sample, splits on a new activation', () => {
    const [series] = firingFromForState(
      [{ labels, samples: [...minutes(10, 19, 10), ...minutes(20, 29, 20)] }],
      60 * MINUTE
    );
    expect(series.labels).toEqual({ alertname: 'SLOErrorBudgetBurn', sloth_id: 'a', burn_tier: 'page-fast' });
    // back to back: the alert resolved and fired again between two evaluations
    expect(series.intervals).toEqual([
      { start: 10 * MINUTE, end: 20 * MINUTE },
      { start: 20 * MINUTE, end: 30 * MINUTE },
    ]);
  });

  it('knows the start of an alert active before the range read', () => {
    const [series] = firingFromForState([{ labels, samples: minutes(30, 40, 5) }], 60 * MINUTE);
    expect(series.intervals).toEqual([{ start: 5 * MINUTE, end: 41 * MINUTE }]);
  });

  it('keeps a period open when its last sample is at most two evaluations old', () => {
    const read = (at: number) => firingFromForState([{ labels, samples: minutes(30, 40, 30) }], at)[0].intervals;
    expect(read(42 * MINUTE)).toEqual([{ start: 30 * MINUTE }]);
    expect(read(43 * MINUTE)).toEqual([{ start: 30 * MINUTE, end: 41 * MINUTE }]);
  });

  it('reads each series at its own interval: a tier every 20 s beside one every minute', () => {
    const everyCycle = Array.from({ length: 31 }, (_, i): [number, number] => [
      30 * MINUTE + i * 20_000,
      (30 * MINUTE) / 1000,
    ]);
    const slow = { labels: { ...labels, burn_tier: 'page-slow' }, samples: minutes(30, 40, 30) };
    // 90 s after the last samples: the slow tier's last sample is 1.5 of its intervals old, still firing;
    // the 20-second tier's is 4.5 of its own, ended 20 s after it
    const [fast, slowTier] = firingFromForState([{ labels, samples: everyCycle }, slow], 41.5 * MINUTE);
    expect(fast.intervals).toEqual([{ start: 30 * MINUTE, end: 40 * MINUTE + 20_000 }]);
    expect(slowTier.intervals).toEqual([{ start: 30 * MINUTE }]);
    // a series with one sample takes the closest interval of any series
    const [, single] = firingFromForState(
      [
        { labels, samples: everyCycle },
        { labels, samples: minutes(35, 35, 35) },
      ],
      36 * MINUTE
    );
    expect(single.intervals).toEqual([{ start: 35 * MINUTE, end: 35 * MINUTE + 20_000 }]);
  });

  it('keeps one period across missing samples while the activation time stays', () => {
    const samples = [...minutes(0, 2, 0), ...minutes(9, 10, 0)];
    expect(firingFromForState([{ labels, samples }], 60 * MINUTE)[0].intervals).toEqual([
      { start: 0, end: 11 * MINUTE },
    ]);
  });
});
