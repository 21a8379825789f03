import { baseRegistry, baseSlo } from '../../domain/testing/builders';
import { installFakeDataSources } from '../testing/fakeDataSource';
import { fetchSloValues } from './fetchSloValues';

function registry() {
  const doc = baseRegistry();
  doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
  return doc;
}

const CURRENT_RATIO =
  'max by (sloth_id) (max without (sloth_window) (slo:sli_error:increase5m / slo:sli_total:increase5m) or max without (sloth_window) (slo:sli_error:ratio_rate5m))';

/** Checkout's SLOs all hold a policy limiting the burn rate, measured over 3 days from the hourly tiles. */
const POLICY_BURN = (ids: string) =>
  `max by (sloth_id) ((max without (sloth_window) (sum_over_time(slo:sli_error:increase1h{sloth_id=~"${ids}"}[2d23h59m59s999ms]) / sum_over_time(slo:sli_total:increase1h{sloth_id=~"${ids}"}[2d23h59m59s999ms])) or max without (sloth_window) (slo:sli_error:ratio_rate3d{sloth_id=~"${ids}"})))`;
const CHECKOUT_IDS = 'checkout-ratio|checkout-latency|checkout-freeform|checkout-logratio';

const recordedOnlyFor = (id: string) => (expr: string) => {
  if (expr === 'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h]))') {
    return [{ labels: { sloth_id: id }, value: 0.6 }];
  }
  if (expr === 'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h] offset 30d))') {
    return [{ labels: { sloth_id: id }, value: -0.2 }];
  }
  if (expr === CURRENT_RATIO) {
    // 2.5 times the 0.1 % an objective of 99.9 % allows
    return [{ labels: { sloth_id: id }, value: 0.0025 }];
  }
  if (expr === POLICY_BURN(CHECKOUT_IDS)) {
    // 1.2 times over the policy's 3 days
    return [{ labels: { sloth_id: id }, value: 0.0012 }];
  }
  if (expr.startsWith('count by (sloth_id, alertname, alertstate, sloth_severity) (ALERTS')) {
    // a renamed burn alert (alerting.name), told apart by sloth_severity
    return [
      { labels: { sloth_id: id, alertname: 'CheckoutBurn', alertstate: 'firing', sloth_severity: 'ticket' }, value: 1 },
    ];
  }
  return [];
};

describe('fetchSloValues', () => {
  test('reads all SLOs in one request of a few queries, from the series the rules record by default', async () => {
    const doc = registry();
    const fake = installFakeDataSources(recordedOnlyFor('checkout-ratio'));
    const values = await fetchSloValues(doc, { rawLimit: 0 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].request.targets.map((target) => (target as unknown as { expr: string }).expr)).toEqual([
      'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h]))',
      'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h] offset 30d))',
      CURRENT_RATIO,
      'count by (sloth_id, alertname, alertstate, sloth_severity) (ALERTS{burn_tier!=""} or ALERTS{alertname="SLOReleaseFreeze"})',
      // the burn rate the budget policies limit, over their window, for the SLOs whose policy limits it
      POLICY_BURN(CHECKOUT_IDS),
    ]);
    expect(values['checkout-ratio']).toEqual({
      source: 'recorded',
      sli: 0.9996,
      budgetLeft: 0.6,
      burnRate: 2.5,
      policyBurn: { rate: 1.2, window: '3d' },
      previousBudgetLeft: -0.2,
      alert: { status: 'firing', severity: 'ticket' },
    });
    expect(values['checkout-latency']).toMatchObject({ source: 'none', reason: { kind: 'skipped', limit: 0 } });
  });

  describe('calendar windows', () => {
    beforeEach(() => {
      // only the clock: promises and timers run as usual
      jest.useFakeTimers({
        now: new Date('2026-12-06T12:00:00Z'),
        doNotFake: [
          'nextTick',
          'setImmediate',
          'setTimeout',
          'setInterval',
          'clearTimeout',
          'clearInterval',
          'queueMicrotask',
        ],
      });
    });
    afterEach(() => jest.useRealTimers());

    test('the previous budget left is the last one of the previous period in the SLO time zone', async () => {
      const doc = registry();
      doc.slos = [
        { ...baseSlo('ratio'), id: 'berlin', window: 'calendar-month', timeZone: 'Europe/Berlin' },
        { ...baseSlo('ratio'), id: 'utc-quarter', window: 'calendar-quarter' },
      ];
      // the minute before 1 December 00:00 in Berlin (30 November 23:00 UTC), and before 1 October UTC
      const december = Date.UTC(2026, 10, 30, 23) / 1000 - 60;
      const october = Date.UTC(2026, 9, 1) / 1000 - 60;
      const fake = installFakeDataSources((expr) => {
        if (expr === 'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h]))') {
          return [
            { labels: { sloth_id: 'berlin' }, value: 0.5 },
            { labels: { sloth_id: 'utc-quarter' }, value: 0.9 },
          ];
        }
        if (expr === `min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h] @ ${december}))`) {
          return [{ labels: { sloth_id: 'berlin' }, value: -0.1 }];
        }
        if (expr === `min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio[2h] @ ${october}))`) {
          return [{ labels: { sloth_id: 'utc-quarter' }, value: 0.3 }];
        }
        return [];
      });
      const values = await fetchSloValues(doc, { rawLimit: 0 });
      expect(fake.requests).toHaveLength(1);
      expect(values.berlin).toMatchObject({ budgetLeft: 0.5, previousBudgetLeft: -0.1 });
      expect(values['utc-quarter']).toMatchObject({ budgetLeft: 0.9, previousBudgetLeft: 0.3 });
    });

    test('without recorded series, the raw query covers the period so far', async () => {
      const doc = registry();
      doc.slos = [{ ...baseSlo('ratio'), window: 'calendar-month', timeZone: 'Europe/Berlin' }];
      const fake = installFakeDataSources(() => []);
      await fetchSloValues(doc, { rawLimit: 5 });
      const exprs = fake.requests.flatMap((r) => r.request.targets.map((t) => (t as unknown as { expr: string }).expr));
      // 5 days and 13 hours since 1 December 00:00 in Berlin (30 November 23:00 UTC)
      expect(exprs.some((expr) => expr.includes(`[${(5 * 24 + 13) * 60}m]`))).toBe(true);
    });
  });

  test('falls back to the raw SLI query only for SLOs without recorded series', async () => {
    const doc = registry();
    doc.slos = [baseSlo('ratio'), baseSlo('latency'), baseSlo('freeform')];
    const fake = installFakeDataSources((expr) => {
      if (expr.includes('code=~"5.."') && expr.includes('[30d]')) {
        return [{ labels: {}, value: 0.0005 }];
      }
      if (expr.includes('code=~"5.."') && expr.includes('[5m]')) {
        return [{ labels: {}, value: 0.002 }];
      }
      if (expr.includes('http_request_duration_seconds_bucket') && expr.includes('[30d]')) {
        return [{ labels: {}, value: NaN }];
      }
      return recordedOnlyFor('checkout-freeform')(expr);
    });
    const values = await fetchSloValues(doc);
    expect(values['checkout-freeform'].source).toBe('recorded');
    expect(values['checkout-ratio']).toEqual({
      source: 'raw',
      sli: 0.9995,
      budgetLeft: 0.5,
      burnRate: 2,
      alert: { status: 'unknown' },
    });
    expect(values['checkout-latency']).toEqual({
      source: 'none',
      alert: { status: 'unknown' },
      reason: { kind: 'noTraffic' },
    });
    // one request for the recorded metrics, one per SLO without them
    expect(fake.requests).toHaveLength(3);
  });

  test('a raw query without series says so; log SLIs without Loki name the missing data source', async () => {
    const doc = registry();
    doc.slos = [baseSlo('ratio'), baseSlo('logRatio')];
    installFakeDataSources(() => []);
    const values = await fetchSloValues(doc);
    expect(values['checkout-ratio'].reason).toEqual({ kind: 'noSeries' });
    expect(values['checkout-logratio'].reason).toEqual({ kind: 'noDataSource', language: 'logql' });
  });

  test('a failing data source marks every SLO as failed with its message, without raw queries', async () => {
    const fake = installFakeDataSources(() => ({ error: 'connection refused' }));
    const values = await fetchSloValues(registry());
    expect(values['checkout-ratio']).toMatchObject({
      source: 'none',
      reason: { kind: 'queryFailed', message: 'connection refused' },
    });
    expect(fake.requests).toHaveLength(1);
  });

  test('without a Prometheus data source nothing is queried', async () => {
    const fake = installFakeDataSources(() => []);
    const values = await fetchSloValues(baseRegistry());
    expect(values['checkout-ratio'].reason).toEqual({ kind: 'noDataSource', language: 'promql' });
    expect(fake.requests).toHaveLength(0);
  });
});
