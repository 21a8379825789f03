/**
 * The embedded demo data source (sandbox/demoPrometheus): PromQL semantics over a small table of
 * series, the demo model's exact counts, the registry's recorded series and the HTTP API shapes.
 */
import { errorRatio, requestsBetween } from '../../src/demo';
import { DemoPrometheus } from '../../sandbox/demoPrometheus/api';
import { parsePromql } from '../../sandbox/demoPrometheus/ast';
import { Evaluator } from '../../sandbox/demoPrometheus/evaluate';
import type { SeriesSource } from '../../sandbox/demoPrometheus/source';
import { Labels, Matcher, Sample, Series, Value, labelsKey, matchesAll } from '../../sandbox/demoPrometheus/values';
import { readDemoRegistry } from '../../scripts/demo/provisioning';

const HOUR = 3600;
const DAY = 86_400;

/** Series whose value at `t` is `base + slope × t`: counters (slope > 0) or constants. */
const TABLE: Array<{ labels: Labels; base: number; slope?: number }> = [
  { labels: { __name__: 'req_total', job: 'api', code: '200' }, base: 0, slope: 10 },
  { labels: { __name__: 'req_total', job: 'api', code: '500' }, base: 0, slope: 1 },
  { labels: { __name__: 'req_total', job: 'web', code: '200' }, base: 0, slope: 4 },
  { labels: { __name__: 'up', job: 'api', instance: 'a' }, base: 1 },
  { labels: { __name__: 'up', job: 'web', instance: 'b' }, base: 0 },
  { labels: { __name__: 'owner', job: 'api', team: 'red' }, base: 1 },
  { labels: { __name__: 'owner', job: 'web', team: 'blue' }, base: 1 },
  ...['0.1', '0.5', '1', '+Inf'].map((le, i) => ({
    labels: { __name__: 'lat_bucket', job: 'api', le },
    base: [50, 80, 95, 100][i],
  })),
];

class TableSource implements SeriesSource {
  instant(matchers: Matcher[], t: number): Sample[] {
    return TABLE.filter((s) => matchesAll(s.labels, matchers)).map((s) => ({
      labels: s.labels,
      value: s.base + (s.slope ?? 0) * t,
    }));
  }
  range(matchers: Matcher[], start: number, end: number): Series[] {
    return this.instant(matchers, end).map((sample) => ({
      labels: sample.labels,
      points: [start, end].map((t) => [t, this.instant(matchers, t).find((s) => s.labels === sample.labels)!.value]),
    }));
  }
  series(matchers: Matcher[]): Labels[] {
    return this.instant(matchers, 0).map((s) => s.labels);
  }
}

const T = 1_000_000;
const table = new Evaluator([new TableSource()]);

function evaluate(query: string): Value {
  return table.evaluate(parsePromql(query), T);
}

/** A vector result as `labels → value`, labels written like `{a="b"}`. */
function vector(query: string): Record<string, number> {
  const value = evaluate(query);
  if (value.kind !== 'vector') {
    throw new Error(`${query} gave a ${value.kind}`);
  }
  const format = (labels: Labels) =>
    `{${Object.keys(labels)
      .sort()
      .map((name) => `${name}="${labels[name]}"`)
      .join(',')}}`;
  return Object.fromEntries(value.samples.map((s) => [format(s.labels), s.value]));
}

describe('demo PromQL over a table of series', () => {
  it.each<[string, Record<string, number>]>([
    ['up{job="api"}', { '{__name__="up",instance="a",job="api"}': 1 }],
    ['up{job!="api"}', { '{__name__="up",instance="b",job="web"}': 0 }],
    ['req_total{code=~"5.."}', { '{__name__="req_total",code="500",job="api"}': T }],
    [
      '{__name__=~"up|owner",job!~"a.*"}',
      { '{__name__="up",instance="b",job="web"}': 0, '{__name__="owner",job="web",team="blue"}': 1 },
    ],
    ['up{missing=""}', { '{__name__="up",instance="a",job="api"}': 1, '{__name__="up",instance="b",job="web"}': 0 }],
    ['req_total{job="web"} offset 1000', { '{__name__="req_total",code="200",job="web"}': 4 * (T - 1000) }],
  ])('selects %s', (query, expected) => {
    expect(vector(query)).toEqual(expected);
  });

  it.each<[string, Record<string, number>]>([
    ['sum(rate(req_total[5m]))', { '{}': 15 }],
    ['sum by (job) (rate(req_total[5m]))', { '{job="api"}': 11, '{job="web"}': 4 }],
    ['sum without (code) (rate(req_total[5m]))', { '{job="api"}': 11, '{job="web"}': 4 }],
    ['avg(up)', { '{}': 0.5 }],
    ['min(up)', { '{}': 0 }],
    ['max by (job) (up)', { '{job="api"}': 1, '{job="web"}': 0 }],
    ['count(req_total)', { '{}': 3 }],
    ['topk(1, rate(req_total[1h]))', { '{code="200",job="api"}': 10 }],
    ['bottomk(1, rate(req_total[1h]))', { '{code="500",job="api"}': 1 }],
    ['increase(req_total{code="500"}[1h])', { '{code="500",job="api"}': 3600 }],
  ])('aggregates %s', (query, expected) => {
    expect(vector(query)).toEqual(expected);
  });

  it.each<[string, Record<string, number>]>([
    // arithmetic drops the metric name, filtering comparisons keep it, bool gives 0/1
    ['up * 2', { '{instance="a",job="api"}': 2, '{instance="b",job="web"}': 0 }],
    ['up > 0', { '{__name__="up",instance="a",job="api"}': 1 }],
    ['up > bool 0', { '{instance="a",job="api"}': 1, '{instance="b",job="web"}': 0 }],
    ['1 - up', { '{instance="a",job="api"}': 0, '{instance="b",job="web"}': 1 }],
    ['-up{job="api"}', { '{instance="a",job="api"}': -1 }],
    ['sum by (job) (rate(req_total{code="500"}[5m])) / sum by (job) (rate(req_total[5m]))', { '{job="api"}': 1 / 11 }],
    [
      'rate(req_total[5m]) / on (job) group_left up',
      { '{code="200",job="api"}': 10, '{code="500",job="api"}': 1, '{code="200",job="web"}': Infinity },
    ],
    [
      'up * on (job) group_left (team) owner',
      { '{instance="a",job="api",team="red"}': 1, '{instance="b",job="web",team="blue"}': 0 },
    ],
    ['owner * on (job) group_right up', { '{instance="a",job="api"}': 1, '{instance="b",job="web"}': 0 }],
    ['up and on (job) owner{team="red"}', { '{__name__="up",instance="a",job="api"}': 1 }],
    ['up unless on (job) owner{team="red"}', { '{__name__="up",instance="b",job="web"}': 0 }],
    [
      'up{job="api"} or on (job) owner',
      { '{__name__="up",instance="a",job="api"}': 1, '{__name__="owner",job="web",team="blue"}': 1 },
    ],
    ['sum(up) or vector(0)', { '{}': 1 }],
    ['sum(up{job="none"}) or vector(0)', { '{}': 0 }],
  ])('operates %s', (query, expected) => {
    expect(vector(query)).toEqual(expected);
  });

  it.each<[string, Record<string, number>]>([
    ['histogram_quantile(0.5, lat_bucket)', { '{job="api"}': 0.1 }],
    ['histogram_quantile(0.9, lat_bucket)', { '{job="api"}': 0.5 + 0.5 * (10 / 15) }],
    ['histogram_quantile(0.99, lat_bucket)', { '{job="api"}': 1 }],
    ['clamp_max(up, 0.5)', { '{instance="a",job="api"}': 0.5, '{instance="b",job="web"}': 0 }],
    ['clamp_min(up, 0.5)', { '{instance="a",job="api"}': 1, '{instance="b",job="web"}': 0.5 }],
    ['abs(-up{job="api"})', { '{instance="a",job="api"}': 1 }],
    ['absent(up{job="none",instance="x"})', { '{instance="x",job="none"}': 1 }],
    ['absent(up)', {}],
    ['vector(time())', { '{}': T }],
    ['vector(scalar(up{job="api"}) + 1)', { '{}': 2 }],
    ['max_over_time(up[1h])', { '{instance="a",job="api"}': 1, '{instance="b",job="web"}': 0 }],
    ['last_over_time(up{job="api"}[1h])', { '{__name__="up",instance="a",job="api"}': 1 }],
  ])('calls %s', (query, expected) => {
    expect(vector(query)).toEqual(expected);
  });

  it('evaluates scalars', () => {
    expect(evaluate('2 ^ 3 % 5 + 1')).toEqual({ kind: 'scalar', value: 4 });
    expect(evaluate('1 > bool 0')).toEqual({ kind: 'scalar', value: 1 });
  });

  it.each([
    ['foo[1h:5m]', /does not support subqueries; run npm run sandbox:prometheus/],
    ['up @ 100', /does not support the @ modifier/],
    ['label_replace(up, "a", "$1", "job", "(.*)")', /does not support the function label_replace\(\)/],
    ['quantile(0.5, up)', /does not support the aggregation quantile/],
    ['changes(up[1h])', /does not support the function changes\(\)/],
    ['sum(up', /parse error/],
    ['1 > 0', /comparisons between scalars must use BOOL modifier/],
    ['rate(up)', /expected type range vector in call to function "rate"/],
    ['sum(rate(req_total[5m])) and 1', /set operator "and" not allowed/],
    ['req_total / on (job) up', /many-to-many matching not allowed|many-to-one matching must be explicit/],
  ])('refuses %s', (query, message) => {
    expect(() => evaluate(query)).toThrow(message);
  });
});

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
    const result = instant('slo:sli_error:ratio_rate1h{sloth_id="checkout-availability"}').data.result;
    expect(result).toHaveLength(1);
    expect(result[0].metric).toMatchObject({
      __name__: 'slo:sli_error:ratio_rate1h',
      sloth_service: 'checkout',
      sloth_window: '1h',
    });
    expect(Number(result[0].value[1])).toBeCloseTo(errorRatio('checkout', now - HOUR, now), 12);
  });

  it('builds the 28-day period SLI from hourly recorded increases: 673 evaluations cover (t - 28d - 1h, t]', () => {
    const period = value('slo:sli_error:ratio_rate28d{sloth_id="payments-availability"}');
    expect(period).toBeCloseTo(errorRatio('payments', now - 28 * DAY - HOUR, now), 10);
    const budget = value('slo:period_error_budget_remaining:ratio{sloth_id="payments-availability"}');
    expect(budget).toBeCloseTo(1 - period / 0.001, 8);
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
    expect(demo.handle('GET', 'api/v1/query', new URLSearchParams({ query: 'x[5m:1m]' }))).toEqual({
      status: 400,
      body: {
        status: 'error',
        errorType: 'bad_data',
        error: 'the demo data source does not support subqueries; run npm run sandbox:prometheus for a real Prometheus',
      },
    });
    expect(demo.handle('GET', 'api/v1/series', new URLSearchParams()).status).toBe(400);
    expect(demo.handle('GET', 'api/v1/rules', new URLSearchParams()).status).toBe(404);
    const tooMany = new URLSearchParams({ query: 'up', start: '0', end: String(now), step: '1' });
    expect((demo.handle('GET', 'api/v1/query_range', tooMany).body as any).error).toMatch(/11,000 points/);
  });

  it('labelsKey does not depend on label order', () => {
    expect(labelsKey({ a: '1', b: '2' })).toBe(labelsKey({ b: '2', a: '1' }));
  });
});
