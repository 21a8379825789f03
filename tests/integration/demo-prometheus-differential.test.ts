/**
 * Differential test of the embedded demo data source against a real Prometheus 2.42 holding the
 * backfilled demo history (samples every 5 minutes): the same queries at the same instants.
 *
 * Tolerances:
 * - On the 5-minute grid both sides see the same counter values at both window ends, so
 *   Prometheus' extrapolation adds nothing: answers must agree to 1e-9 (relative).
 * - 150 s off the grid Prometheus sees the samples of a window shortened by 5 minutes and
 *   extrapolates them to the whole window, while the demo source reads the exact counters at the
 *   ends. For windows of 1 h and more the answers must agree within 5 % (the model's fastest
 *   traffic wave has a 40-minute period and 4 % amplitude); 5-minute windows are skipped there
 *   (Prometheus sees one sample and returns nothing).
 */
import {
  exactRange,
  generateRuleFiles,
  isAlertingRule,
  RecordingRule,
  standaloneRuleFile,
} from '../../src/domain/rules';
import { summedErrorRatio, summedEventCount } from '../../src/domain/rules/windowRatio';
import { DemoPrometheus } from '../../sandbox/demoPrometheus/api';
import { readDemoRegistry } from '../../scripts/demo/provisioning';
import { RunningPrometheus, startPrometheus } from '../helpers/prometheus';

const DAY = 86_400;
const HOUR = 3_600;

type Answer = Map<string, number>;

function toAnswer(body: any, query: string): Answer {
  if (body.status !== 'success') {
    throw new Error(`${query}: ${body.error}`);
  }
  const result = body.data.resultType === 'scalar' ? [{ metric: {}, value: body.data.result }] : body.data.result;
  return new Map(
    result.map((s: { metric: Record<string, string>; value: [number, string] }) => [
      JSON.stringify(Object.entries(s.metric).sort()),
      Number(s.value[1]),
    ])
  );
}

/** Differences beyond `relative` between two answers: series on one side only, or values apart. */
function differences(demo: Answer, real: Answer, relative: number): string[] {
  const problems: string[] = [];
  for (const key of new Set([...demo.keys(), ...real.keys()])) {
    const [a, b] = [demo.get(key), real.get(key)];
    if (a === undefined || b === undefined) {
      problems.push(`${key}: demo ${a}, prometheus ${b}`);
    } else if (
      !(Number.isNaN(a) && Number.isNaN(b)) &&
      !(Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + 1e-12)
    ) {
      problems.push(`${key}: demo ${a}, prometheus ${b} (${((a / b - 1) * 100).toFixed(4)} %)`);
    }
  }
  return problems;
}

const RAW_QUERIES = [
  'sum by (service) (rate(http_requests_total[1h]))',
  'sum by (service) (increase(http_requests_total{code=~"5.."}[6h])) / sum by (service) (increase(http_requests_total[6h]))',
  'histogram_quantile(0.99, sum by (le, service) (rate(http_request_duration_seconds_bucket[1h])))',
  'histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket{service="search"}[1d])))',
  'sum by (service) (rate(http_request_duration_seconds_sum[1h])) / sum by (service) (rate(http_request_duration_seconds_count[1h]))',
  'sum by (service, resource) (increase(cloud_cost_usd_total[1d]))',
  'topk(2, sum by (route) (rate(http_requests_total{code="200"}[2h])))',
  'sum(rate(http_requests_total{code=~"5.."}[1h])) by (service) / on (service) group_left sum by (service) (rate(http_requests_total[1h])) > bool 0.001',
  'count by (service) (deploy_info)',
  'sum by (service) (business_revenue_usd_total offset 1d)',
  // label functions: regex groups, templates, an empty source label, joins
  'label_replace(sum by (service) (rate(http_requests_total[1h])), "team", "team-$1", "service", "(ch.*|pay.*)")',
  'label_replace(sum by (service, code) (increase(http_requests_total[6h])), "class", "${1}xx", "code", `(\\d)..`)',
  'label_replace(label_replace(sum(rate(cloud_cost_usd_total{cost_center="checkout"}[1h])) * 3600, "sloth_service", "checkout", "", ""), "kpi", "spend", "", "")',
  'label_join(sum by (service, code) (rate(http_requests_total[1h])), "key", "/", "service", "code")',
  // subqueries: steps on the 5-minute grid of the history, so both sides read the same samples
  'max_over_time(sum by (service) (rate(http_requests_total[5m]))[6h:5m])',
  'sum_over_time(sum by (service) (increase(http_requests_total{code=~"5.."}[1h]))[1d:1h])',
  'rate(sum by (service) (http_requests_total)[2h:10m])',
  'avg_over_time(histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket{service="checkout"}[30m])))[6h:30m])',
  // like the executive's top cost movers, over 3 days: the oldest time compared reads 26 days back
  'sort_desc(sum_over_time(sum by (service) (rate(cloud_cost_usd_total[1h]))[3d:1h]) - sum_over_time(sum by (service) (rate(cloud_cost_usd_total[1h]))[3d:1h] offset 3d))',
  // the shapes of the app's window, budget and burn-rate queries (rules/windowRatio.ts), over raw series
  'max without (code) (sum by (service, code) (rate(http_requests_total[1h])))',
  'max without (route) (sum_over_time(sum by (service, route) (increase(http_requests_total{code=~"5.."}[5m]))[5h59m59s999ms:5m]) / sum_over_time(sum by (service, route) (increase(http_requests_total[5m]))[5h59m59s999ms:5m]))',
  'sum by (service) (sum_over_time(sum by (service) (increase(http_requests_total[5m]))[59m59s999ms:5m]))',
  'group by (service) (http_requests_total)',
  '(0.001 * group by (service) (deploy_info{service="checkout"})) or (0.005 * group by (service) (deploy_info{service!="checkout"}))',
  'sum by (service, route) (rate(http_requests_total{code=~"5.."}[1h])) / on (service) group_left () ((0.001 * group by (service) (deploy_info{service="checkout"})) or (0.005 * group by (service) (deploy_info{service!="checkout"})))',
  '(sum by (service) (rate(http_requests_total{service="checkout"}[1h])) or sum by (service) (rate(http_request_duration_seconds_count[1h])))',
];

describe('the demo data source answers like a real Prometheus over the same history', () => {
  let prometheus: RunningPrometheus;
  let demo: DemoPrometheus;
  let demoSloth: DemoPrometheus;
  const registry = readDemoRegistry();
  const slothRegistry = { ...registry, settings: { ...registry.settings, slothSeries: true } };
  const slothRules = generateRuleFiles(slothRegistry)
    .prometheus.flatMap(({ file }) => standaloneRuleFile(file).groups.flatMap((group) => group.rules))
    .filter((rule): rule is RecordingRule => !isAlertingRule(rule));
  const rules = generateRuleFiles(registry)
    .prometheus.flatMap(({ file }) => standaloneRuleFile(file).groups.flatMap((group) => group.rules))
    .filter((rule): rule is RecordingRule => !isAlertingRule(rule));
  // The SLI rules read raw series only (standalone: each error count reads its SLI's total again
  // instead of the total its group records first): 5-minute and hourly increases, guard counts, and
  // every window of freeform SLIs.
  const sliRules = rules.filter((rule) => !rule.expr.includes('slo:') && !rule.expr.startsWith('vector('));
  // Period rules (the budget left) and the app's window queries sum recorded increases; Prometheus
  // has no recorded history, so it gets the same sum as a subquery of the raw rule expression, over
  // 2 days instead of 30 for periods.
  const periodRules = rules.filter((rule) => /_over_time\(slo:/.test(rule.expr));

  beforeAll(async () => {
    prometheus = await startPrometheus({ days: 30 });
    demo = new DemoPrometheus({ registry: () => registry, scrapeInterval: 300 });
    demoSloth = new DemoPrometheus({ registry: () => slothRegistry, scrapeInterval: 300 });
  }, 300_000);

  afterAll(async () => {
    await prometheus?.stop();
  });

  async function both(
    demoQuery: string,
    realQuery: string,
    time: number,
    kind: 'app' | 'period' | 'shared' = 'app'
  ): Promise<[Answer, Answer]> {
    const params = new URLSearchParams({ query: realQuery, time: String(time) });
    const real = toAnswer(await (await fetch(`${prometheus.url}/api/v1/query?${params}`)).json(), realQuery);
    // Sloth's shared rules exist in the demo source of a registry that records Sloth's series
    const source = kind === 'shared' ? demoSloth : demo;
    const mine = source.handle('GET', 'api/v1/query', new URLSearchParams({ query: demoQuery, time: String(time) }));
    return [toAnswer(mine.body, demoQuery), real];
  }

  const onGrid = () => [prometheus.end - DAY, prometheus.end - 9 * DAY - 7 * HOUR, prometheus.end - 20 * DAY - 300];

  it('has SLI rules and period rules to compare', () => {
    expect(sliRules.length).toBeGreaterThan(30);
    expect(periodRules.length).toBeGreaterThan(4);
    expect(periodRules.every((rule) => rule.record === 'slo:period_error_budget_remaining:ratio')).toBe(true);
  });

  it.each(RAW_QUERIES)('on the grid: %s', async (query) => {
    for (const time of onGrid()) {
      const [mine, real] = await both(query, query, time);
      expect(real.size).toBeGreaterThan(0);
      expect(differences(mine, real, 1e-9)).toEqual([]);
    }
  });

  it('on the grid: every SLI recording rule expression', async () => {
    for (const rule of sliRules) {
      for (const time of onGrid()) {
        const [mine, real] = await both(rule.expr, rule.expr, time);
        expect({ rule: rule.expr, time, problems: differences(mine, real, 1e-9) }).toEqual({
          rule: rule.expr,
          time,
          problems: [],
        });
      }
    }
  });

  it('off the grid, within 5 %: SLI rules of 30m and longer windows and the raw queries', async () => {
    const time = prometheus.end - 3 * DAY + 150;
    const queries = [
      ...RAW_QUERIES.filter((q) => !q.includes('deploy_info') && !q.includes('offset')),
      ...sliRules.filter((r) => !/\[5m\]/.test(r.expr)).map((r) => r.expr),
    ];
    for (const query of queries) {
      const [mine, real] = await both(query, query, time);
      expect({ query, problems: differences(mine, real, 0.05) }).toEqual({ query, problems: [] });
    }
  });

  it('subquery steps are multiples of the step, not offsets from the query time: exact off the grid too', async () => {
    // 150 s off the history's grid, the steps still fall on it; steps counted back from the query
    // time would read windows of one sample, where Prometheus answers nothing for [5m].
    const time = prometheus.end - 3 * DAY + 150;
    for (const query of RAW_QUERIES.filter((q) => /\[\w+:\w+\]/.test(q) && !q.includes('offset'))) {
      const [mine, real] = await both(query, query, time);
      expect(real.size).toBeGreaterThan(0);
      expect({ query, problems: differences(mine, real, 1e-9) }).toEqual({ query, problems: [] });
    }
  });

  it('window and period queries: recorded series sampled at their evaluation interval, like a subquery of the raw rule', async () => {
    const TWO_DAYS = exactRange('2d');
    // A recorded series over a window is its rule evaluated at every multiple of the group's
    // interval in the window (5 minutes for groups without one in the demo source).
    const groups = generateRuleFiles(registry).prometheus.flatMap(({ file }) => standaloneRuleFile(file).groups);
    const definitions = new Map(
      groups.flatMap((group) =>
        group.rules
          .filter((rule): rule is RecordingRule => !isAlertingRule(rule))
          .map((rule) => [`${rule.record}|${rule.labels?.sloth_id}`, { expr: rule.expr, step: group.interval ?? '5m' }])
      )
    );
    // The app's queries per SLO: every alert window and the period summed from the increases, the
    // low-traffic guard's event count, and the budget left each SLO records (a period rule).
    const windows = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];
    const appQueries = registry.slos.flatMap((slo) => {
      const selector = `{sloth_id="${slo.id}"}`;
      return [
        ...windows.map((window) => summedErrorRatio(window, selector)),
        summedErrorRatio(slo.window === 'calendar-month' ? '30d' : slo.window, selector),
        summedEventCount('1h', selector),
      ];
    });
    // With Sloth's series, a shared rule reads the series of every SLO: compare it SLO by SLO.
    const sharedQueries = slothRules
      .filter((rule) => /_over_time\(slo:/.test(rule.expr) && !rule.expr.includes('{sloth_id='))
      .flatMap((rule) => registry.slos.map((slo) => rule.expr.replace(/(slo:[\w:]+)\[/g, `$1{sloth_id="${slo.id}"}[`)));
    const compared = { app: 0, period: 0, shared: 0 };
    const cases = [
      ...appQueries.map((expr) => ({ expr, kind: 'app' as const })),
      ...periodRules.map((rule) => ({ expr: rule.expr, kind: 'period' as const })),
      ...sharedQueries.map((expr) => ({ expr, kind: 'shared' as const })),
    ];
    for (const { expr, kind } of cases) {
      // Windows of two days and more (1 ms short, `[29d23h59m59s999ms]`) read two days of history.
      const demoQuery = expr.replace(/\[\d+d[\dhms]*\]/g, `[${TWO_DAYS}]`);
      let complete = true;
      // a window read at every evaluation of a group run every minute has steps off the history's
      // 5-minute grid, where the demo source's rate() may differ from Prometheus' in the 5th digit
      let offGrid = false;
      const definition = (name: string, id: string) => {
        const found = definitions.get(`${name}|${id}`);
        complete &&= found !== undefined && !found.expr.includes('slo:');
        return found;
      };
      // a subquery of a recorded series (`[6h:5m]`, at a multiple of its interval) reads the rule at
      // the subquery's steps; an instant selector, at a multiple of 5 minutes, the rule at that time
      const realQuery = expr
        .replace(
          /(slo:[\w:]+)\{sloth_id="([^"]+)"\}\[(\w+)(?::(\w+))?\]/g,
          (_, name: string, id: string, range: string, step: string | undefined) => {
            const found = definition(name, id);
            const over = /^\d+d/.test(range) ? TWO_DAYS : range;
            const every = step ?? found?.step ?? '5m';
            const minutes = /^(\d+)m$/.exec(every);
            offGrid ||= minutes !== null && Number(minutes[1]) % 5 !== 0;
            return found ? `(${found.expr})[${over}:${every}]` : 'absent_series';
          }
        )
        .replace(/(slo:[\w:]+)\{sloth_id="([^"]+)"\}(?!\[)/g, (_, name: string, id: string) => {
          const found = definition(name, id);
          return found ? `(${found.expr})` : 'absent_series';
        });
      if (!complete) {
        continue; // recorded by Loki (log SLIs) or not at all (freeform SLIs have no counts)
      }
      // Recorded series carry the rule labels, the subquery's results do not: compare values only.
      const [mine, real] = await both(`sum(${demoQuery})`, `sum(${realQuery})`, prometheus.end - 2 * DAY, kind);
      expect(real.size).toBe(1);
      expect({ query: expr, problems: differences(mine, real, offGrid ? 1e-4 : 1e-9) }).toEqual({
        query: expr,
        problems: [],
      });
      compared[kind]++;
    }
    // six SLOs on Prometheus with increases, nine queries each; the budget left of each; Sloth's
    // shared window ratios of each
    expect(compared.app).toBeGreaterThanOrEqual(40);
    expect(compared.period).toBeGreaterThanOrEqual(5);
    expect(compared.shared).toBeGreaterThanOrEqual(30);
  });

  it('can fail: a query that differs by its window is caught', async () => {
    const [mine] = await both(
      'sum(rate(http_requests_total[1h]))',
      'sum(rate(http_requests_total[1h]))',
      prometheus.end - DAY
    );
    const [, other] = await both(
      'sum(rate(http_requests_total[1h]))',
      'sum(rate(http_requests_total[2h]))',
      prometheus.end - DAY
    );
    expect(differences(mine, other, 1e-9)).not.toEqual([]);
  });
});
