/**
 * The embedded demo data source (sandbox/demoPrometheus) over the demo model and the demo
 * registry: the model's exact counts, the registry's recorded series, the windows the app sums from
 * them, and the HTTP API shapes.
 */
import { errorRatio, requestsBetween } from '../../src/demo';
import { DemoPrometheus } from '../../sandbox/demoPrometheus/api';
import { labelsKey } from '../../sandbox/demoPrometheus/values';
import { readDemoRegistry } from '../../scripts/demo/provisioning';
import {
  allowedRatioBySlo,
  errorRatio as anyErrorRatio,
  readBudgetLeft,
  summedErrorRatio,
  summedEventCount,
} from '../../src/domain/rules/windowRatio';

const errorRatio1h = (selector: string) => anyErrorRatio('1h', selector);

const HOUR = 3600;
const DAY = 86_400;

describe('demo PromQL over the demo model and the demo registry', () => {
  const registry = readDemoRegistry();
  // an hour boundary in the past: the model has no samples after "now"
  const now = Math.floor(Date.now() / 1000 / DAY) * DAY - 2 * DAY;
  const demo = new DemoPrometheus({ registry: () => registry, now: () => now });

  function instant(query: string, time = now): any {
    const answer = demo.handle('GET', 'api/v1/query', new URLSearchParams({ query, time: String(time) }));
    return answer.body;
  }

  const value = (query: string, time = now) => Number(instant(query, time).data.result[0].value[1]);

  it('rate and increase read the exact counters at the window ends', () => {
    expect(value('sum(increase(http_requests_total{service="checkout"}[1h]))')).toBeCloseTo(
      requestsBetween('checkout', now - HOUR, now),
      6
    );
    const ratio = value(
      'sum(rate(http_requests_total{service="payments",code=~"5.."}[6h])) / sum(rate(http_requests_total{service="payments"}[6h]))'
    );
    expect(ratio).toBeCloseTo(errorRatio('payments', now - 6 * HOUR, now), 12);
  });

  it('records each SLI rule as a virtual series with its rule labels', () => {
    const result = instant('slo:sli_total:increase5m{sloth_id="checkout-availability"}').data.result;
    expect(result).toHaveLength(1);
    expect(result[0].metric).toMatchObject({
      __name__: 'slo:sli_total:increase5m',
      sloth_service: 'checkout',
      sloth_window: '5m',
    });
    expect(Number(result[0].value[1])).toBeCloseTo(requestsBetween('checkout', now - 300, now), 6);
  });

  it('sums the windows of the alerts and panels from the recorded increases, as the app queries them', () => {
    const selector = '{sloth_id="checkout-availability"}';
    const ratio = (window: string) => instant(summedErrorRatio(window, selector)).data.result;
    for (const [window, seconds] of [
      ['5m', 300],
      ['1h', HOUR],
      ['6h', 6 * HOUR],
      ['1d', DAY],
      ['3d', 3 * DAY],
    ] as const) {
      const result = ratio(window);
      expect(result).toHaveLength(1);
      // the series' labels without the window and the name
      expect(result[0].metric).not.toHaveProperty('sloth_window');
      expect(result[0].metric).not.toHaveProperty('__name__');
      expect(result[0].metric).toMatchObject({ sloth_id: 'checkout-availability', sloth_service: 'checkout' });
      expect([window, Number(result[0].value[1])]).toEqual([
        window,
        expect.closeTo(errorRatio('checkout', now - seconds, now), 12),
      ]);
    }
    expect(value(summedEventCount('1h', selector))).toBeCloseTo(requestsBetween('checkout', now - HOUR, now), 6);
    // no recorded ratio for a countable SLI by default; the freeform SLO has its own
    expect(instant('slo:sli_error:ratio_rate1h{sloth_id="checkout-availability"}').data.result).toHaveLength(0);
    expect(instant(errorRatio1h('{sloth_service="checkout"}')).data.result.map((s: any) => s.metric.sloth_id)).toEqual(
      expect.arrayContaining(['checkout-availability', 'checkout-payment-step'])
    );
  });

  it('builds the 28-day period ratio from hourly recorded increases: 672 evaluations cover (t - 28d, t]', () => {
    const period = value(summedErrorRatio('28d', '{sloth_id="payments-availability"}'));
    expect(period).toBeCloseTo(errorRatio('payments', now - 28 * DAY, now), 10);
    const budget = value('slo:period_error_budget_remaining:ratio{sloth_id="payments-availability"}');
    expect(budget).toBeCloseTo(1 - period / 0.001, 8);
    const allowed = value(allowedRatioBySlo([99.9], '{sloth_id="payments-availability"}'));
    expect(allowed).toBe(0.001);
  });

  it('records the budget left hourly, which the app still reads 40 minutes after its evaluation', () => {
    const series = 'slo:period_error_budget_remaining:ratio{sloth_id="payments-availability"}';
    const budget = value(series);
    expect(instant(series, now + 2400).data.result).toHaveLength(0);
    expect(value(readBudgetLeft('{sloth_id="payments-availability"}'), now + 2400)).toBe(budget);
    // 40 minutes after an earlier evaluation, that one's value: an hour whose budget differs from the next
    // hour's, since the demo's traffic repeats and on some days two evaluations in a row agree
    const at = (time: number) => value(series, time);
    let earlier = now - HOUR;
    while (at(earlier) === at(earlier + HOUR) && earlier > now - DAY) {
      earlier -= HOUR;
    }
    expect(at(earlier)).not.toBe(at(earlier + HOUR));
    expect(value(readBudgetLeft('{sloth_id="payments-availability"}'), earlier + 2400)).toBe(at(earlier));
  });

  it('shows an hourly recorded series only within the 5-minute lookback after its evaluation', () => {
    expect(instant('slo:sli_total:increase1h{sloth_id="checkout-availability"}', now + 240).data.result).toHaveLength(
      1
    );
    expect(instant('slo:sli_total:increase1h{sloth_id="checkout-availability"}', now - 600).data.result).toHaveLength(
      0
    );
  });

  it('answers range queries as a matrix sorted by labels', () => {
    const params = new URLSearchParams({
      query: 'sum by (service) (rate(http_requests_total[5m]))',
      start: String(now - HOUR),
      end: String(now),
      step: '15m',
    });
    const body: any = demo.handle('GET', 'api/v1/query_range', params).body;
    expect(body.status).toBe('success');
    expect(body.data.resultType).toBe('matrix');
    expect(body.data.result.map((s: any) => s.metric.service)).toEqual(['catalog', 'checkout', 'payments', 'search']);
    expect(body.data.result[0].values).toHaveLength(5);
    expect(body.data.result[0].values[0][0]).toBe(now - HOUR);
  });

  it('lists labels, label values, series, metadata and build info', () => {
    const get = (path: string, params: Record<string, string> = {}) =>
      (demo.handle('GET', path, new URLSearchParams({ end: String(now), ...params })).body as any).data;
    expect(get('api/v1/labels')).toEqual(
      expect.arrayContaining(['__name__', 'service', 'route', 'code', 'le', 'sloth_id'])
    );
    expect(get('api/v1/label/service/values')).toEqual(['catalog', 'checkout', 'payments', 'search']);
    expect(get('api/v1/label/__name__/values')).toEqual(
      expect.arrayContaining(['http_requests_total', 'slo:sli_error:ratio_rate5m'])
    );
    expect(get('api/v1/series', { 'match[]': 'deploys_total' })).toHaveLength(4);
    expect(get('api/v1/metadata').http_requests_total).toEqual([
      { type: 'counter', help: 'HTTP requests served.', unit: '' },
    ]);
    expect(get('api/v1/status/buildinfo').version).toBe('2.42.0');
  });

  it('answers errors in Prometheus error JSON', () => {
    expect(demo.handle('GET', 'api/v1/query', new URLSearchParams({ query: 'x @ 100' }))).toEqual({
      status: 400,
      body: {
        status: 'error',
        errorType: 'bad_data',
        error:
          'the demo data source does not support the @ modifier; run npm run sandbox:prometheus for a real Prometheus',
      },
    });
    const subquery = new URLSearchParams({ query: 'x[5m:1m]', start: '0', end: '60', step: '60' });
    expect((demo.handle('GET', 'api/v1/query_range', subquery).body as any).error).toBe(
      'invalid expression type "range vector" for range query, must be Scalar or instant Vector'
    );
    expect(demo.handle('GET', 'api/v1/series', new URLSearchParams()).status).toBe(400);
    expect(demo.handle('GET', 'api/v1/rules', new URLSearchParams()).status).toBe(404);
    const tooMany = new URLSearchParams({ query: 'up', start: '0', end: String(now), step: '1' });
    expect((demo.handle('GET', 'api/v1/query_range', tooMany).body as any).error).toMatch(/11,000 points/);
  });

  it('labelsKey does not depend on label order', () => {
    expect(labelsKey({ a: '1', b: '2' })).toBe(labelsKey({ b: '2', a: '1' }));
  });
});
