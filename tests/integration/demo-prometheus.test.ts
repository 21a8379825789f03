/**
 * The embedded demo data source (sandbox/demoPrometheus): PromQL semantics over a small table of
 * series. The demo model's counts, the recorded series and the HTTP API shapes are tested in
 * demo-prometheus-model.test.ts.
 */
import { parsePromql } from '../../sandbox/demoPrometheus/ast';
import { Evaluator } from '../../sandbox/demoPrometheus/evaluate';
import type { SeriesSource } from '../../sandbox/demoPrometheus/source';
import { Labels, Matcher, Sample, Series, Value, matchesAll } from '../../sandbox/demoPrometheus/values';

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

  it.each<[string, Record<string, number>]>([
    // the name is kept; only samples whose source label matches the anchored regex change
    [
      'label_replace(up, "dst", "x-$1", "job", "(a.*)")',
      {
        '{__name__="up",dst="x-api",instance="a",job="api"}': 1,
        '{__name__="up",instance="b",job="web"}': 0,
      },
    ],
    ['label_replace(up{job="api"}, "dst", "y", "job", "p")', { '{__name__="up",instance="a",job="api"}': 1 }],
    // named groups (Go syntax), braces, $$, and a missing label reading as ""
    [
      'label_replace(up{job="api"}, "dst", "${first}-${2}$$", "job", "(?P<first>.)(.*)")',
      { '{__name__="up",dst="a-pi$",instance="a",job="api"}': 1 },
    ],
    [
      'label_replace(up{job="api"}, "dst", "set", "missing", "")',
      { '{__name__="up",dst="set",instance="a",job="api"}': 1 },
    ],
    // `$1x` names group "1x", which does not exist: empty, so no label is set
    ['label_replace(up{job="api"}, "dst", "$1x", "job", "(.*)")', { '{__name__="up",instance="a",job="api"}': 1 }],
    // an empty result removes the destination label
    ['label_replace(up{job="api"}, "instance", "", "", "")', { '{__name__="up",job="api"}': 1 }],
    [
      'label_replace(sum by (job) (rate(req_total[5m])), "team", "t-$1", "job", "(.*)") / on (job) group_left up',
      { '{job="api",team="t-api"}': 11, '{job="web",team="t-web"}': Infinity },
    ],
    [
      'label_join(up{job="api"}, "both", "/", "job", "instance", "missing")',
      { '{__name__="up",both="api/a/",instance="a",job="api"}': 1 },
    ],
    ['label_join(up{job="api"}, "job", "", "missing")', { '{__name__="up",instance="a"}': 1 }],
  ])('relabels %s', (query, expected) => {
    expect(vector(query)).toEqual(expected);
  });

  // T = 1,000,000 s is off every grid below: the steps are multiples of the step, not of T - range
  it.each<[string, Record<string, number>]>([
    // [996400, 1e6] at 5 minutes: 996600 ... 999900, 12 steps
    ['count_over_time(up{job="api"}[1h:5m])', { '{instance="a",job="api"}': 12 }],
    // both ends are included (Prometheus 2): 999000 and 1000000
    ['count_over_time(up{job="api"}[1000s:1000s])', { '{instance="a",job="api"}': 2 }],
    // no step: the default evaluation interval, 1 minute: 999420 ... 999960
    ['count_over_time(up{job="api"}[10m:])', { '{instance="a",job="api"}': 10 }],
    ['sum_over_time(req_total{code="500"}[1h:30m])', { '{code="500",job="api"}': 997_200 + 999_000 }],
    ['last_over_time(req_total{code="500"}[1h:7m])', { '{__name__="req_total",code="500",job="api"}': 999_600 }],
    [
      'last_over_time(req_total{code="500"}[1h:7m] offset 1h)',
      { '{__name__="req_total",code="500",job="api"}': 996_240 },
    ],
    ['max_over_time(rate(req_total{job="api",code="200"}[5m])[1h:5m])', { '{code="200",job="api"}': 10 }],
    // rate over the steps 996600 ... 999600, extrapolated to the window ends
    ['rate(req_total{job="api",code="200"}[1h:10m])', { '{code="200",job="api"}': 10 }],
    // the inner window [s - 10m, s] of a step s on the 30-minute grid holds 3 five-minute steps
    [
      'max_over_time(sum_over_time(up[10m:5m])[1h:30m])',
      { '{instance="a",job="api"}': 3, '{instance="b",job="web"}': 0 },
    ],
    [
      'sum_over_time(label_replace(up, "kind", "k-$1", "job", "(.*)")[20m:10m])',
      { '{instance="a",job="api",kind="k-api"}': 2, '{instance="b",job="web",kind="k-web"}': 0 },
    ],
    ['absent_over_time(up{job="none"}[1h:5m])', { '{}': 1 }],
  ])('evaluates the subquery %s', (query, expected) => {
    expect(vector(query)).toEqual(expected);
  });

  it('gives a subquery on its own as a range vector of its steps', () => {
    expect(evaluate('req_total{code="500"}[20m:10m]')).toEqual({
      kind: 'matrix',
      series: [
        {
          labels: { __name__: 'req_total', job: 'api', code: '500' },
          points: [
            [999_000, 999_000],
            [999_600, 999_600],
          ],
        },
      ],
    });
  });

  it('evaluates scalars', () => {
    expect(evaluate('2 ^ 3 % 5 + 1')).toEqual({ kind: 'scalar', value: 4 });
    expect(evaluate('1 > bool 0')).toEqual({ kind: 'scalar', value: 1 });
  });

  it.each([
    ['up @ 100', /does not support the @ modifier; run npm run sandbox:prometheus/],
    ['sum_over_time(up[1h:5m] @ 100)', /does not support the @ modifier/],
    ['quantile(0.5, up)', /does not support the aggregation quantile/],
    ['quantile_over_time(0.5, up[1h:5m])', /does not support the function quantile_over_time\(\)/],
    ['up[5m][1h:5m]', /subquery is only allowed on instant vector, got matrix instead/],
    ['time()[1h:5m]', /subquery is only allowed on instant vector, got scalar instead/],
    ['label_replace(up, "1dst", "", "", "")', /invalid destination label name in label_replace\(\): 1dst/],
    ['label_replace(up, "dst", "", "job", "(")', /invalid regular expression in label_replace\(\): \(/],
    ['label_replace(req_total, "code", "", "", "")', /vector cannot contain metrics with the same labelset/],
    ['label_replace(up, "dst", "", "job")', /wrong number of arguments in call to "label_replace"/],
    ['label_replace(up, "dst", 1, "job", "")', /expected type string in call to function "label_replace", got scalar/],
    ['label_join(up, "dst", "-", "bad-name")', /invalid source label name in label_join\(\): bad-name/],
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
