/**
 * `promtool test rules` scenarios that prove the numbers of the generated rules.
 *
 * promtool evaluates every group at the test's evaluation_interval (1m here) and ignores a group's
 * own `interval:`, so the hourly tile group runs every minute: each event is then counted in ~60
 * overlapping tiles, in the errors and in the totals alike, which leaves the period ratio (a
 * quotient) unchanged. Only ratios are asserted from tiles, never absolute tile sums.
 *
 * The 30-day period cannot be filled in a unit test: with a few hours of input the period rules
 * read what exists, which is what a freshly deployed SLO sees too. Floats are compared with a
 * tolerance inside PromQL (`abs(x - v) < 1e-9`), since promtool compares values exactly.
 */
import { stringify } from 'yaml';
import { generateRuleFiles, mergeRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { requirePromtool, runPromtool, writeTempFiles } from './fixtures/rules/promtool';
import { scenarioDoc } from './fixtures/rules/scenarios';

interface Series {
  series: string;
  values: string;
}

interface ExprTest {
  expr: string;
  eval_time: string;
  exp_samples: Array<{ labels?: string; value: number }>;
}

interface Scenario {
  name: string;
  /** The SLOs whose rules the scenario loads (fewer rules, faster promtool). */
  slos: string[];
  input_series: Series[];
  promql_expr_test: ExprTest[];
}

/** `count(abs(<expr> - value) < 1e-9)`: one sample of value 1 when the expression is close to `value`. */
const near = (expr: string, value: number, evalTime: string): ExprTest => ({
  expr: `count(abs(${expr} - ${value}) < 1e-9)`,
  eval_time: evalTime,
  exp_samples: [{ value: 1 }],
});

const firing = (sloId: string, tier: string) =>
  `ALERTS{alertname="SLOErrorBudgetBurn", alertstate="firing", sloth_id="${sloId}", burn_tier="${tier}"}`;
const fires = (sloId: string, tier: string, evalTime: string): ExprTest => ({
  expr: `count(${firing(sloId, tier)})`,
  eval_time: evalTime,
  exp_samples: [{ value: 1 }],
});
const silent = (expr: string, evalTime: string): ExprTest => ({ expr, eval_time: evalTime, exp_samples: [] });

const requests = (svc: string, code: string, values: string): Series => ({
  series: `requests_total{svc="${svc}", code="${code}"}`,
  values,
});

const SCENARIOS: Scenario[] = [
  {
    // 1 error in 1,000 requests on a 99.9 % SLO: exactly the sustainable pace.
    name: 'steady 0.1 % errors burn the budget at 1x and leave none of it',
    slos: ['steady'],
    input_series: [requests('steady', '200', '0+999x240'), requests('steady', '500', '0+1x240')],
    promql_expr_test: [
      near('slo:sli_error:ratio_rate5m{sloth_id="steady"}', 0.001, '4h'),
      near('slo:sli_error:ratio_rate30d{sloth_id="steady"}', 0.001, '4h'),
      near('slo:current_burn_rate:ratio{sloth_id="steady"}', 1, '4h'),
      near('slo:period_burn_rate:ratio{sloth_id="steady"}', 1, '4h'),
      near('slo:period_error_budget_remaining:ratio{sloth_id="steady"}', 0, '4h'),
      near('slo:error_budget:ratio{sloth_id="steady"}', 0.001, '4h'),
      near('slo:time_period:days{sloth_id="steady"}', 30, '4h'),
    ],
  },
  {
    name: 'a 0.5x burn leaves half the budget and fires nothing',
    slos: ['half'],
    input_series: [requests('half', '200', '0+1999x240'), requests('half', '500', '0+1x240')],
    promql_expr_test: [
      near('slo:period_burn_rate:ratio{sloth_id="half"}', 0.5, '4h'),
      near('slo:period_error_budget_remaining:ratio{sloth_id="half"}', 0.5, '4h'),
      silent('ALERTS{sloth_id="half"}', '1h'),
      silent('ALERTS{sloth_id="half"}', '4h'),
    ],
  },
  {
    // Clean for 2 hours, then 2 % errors (20x). The sub-day windows sum the 5-minute increases
    // recorded each minute: x minutes into the burn they hold 20 (5x − 10) errors (the newest 5
    // minutes ramp in), against 5,000 events per sample. The 1h window (60 samples) crosses
    // 14.4 × 0.1 % when 100 x − 200 > 4,320: x = 46, the 166th minute (raw rates would cross
    // at the 163rd: the ramp delays the long windows by half of 5 minutes). The 6h window (all
    // T samples so far) crosses 6 × 0.1 % when 100 x − 200 > 30 T: about the 175th minute. An
    // alert reads the shared ratios of the same or of the previous evaluation (promtool does not
    // keep the groups' order), so the checks stay a minute or two off the crossings. Ticket tiers
    // are not asserted: their 1d and 3d windows hold only these few hours, so they read the burn
    // sooner than in production.
    name: 'a 20x burn pages after 47 minutes through page-fast, then page-slow',
    slos: ['fast'],
    input_series: [requests('fast', '200', '0+1000x120 120980+980x60'), requests('fast', '500', '0+0x120 20+20x60')],
    promql_expr_test: [
      silent('ALERTS{sloth_id="fast"}', '2h'),
      silent('ALERTS{sloth_id="fast", severity="page"}', '165m'),
      fires('fast', 'page-fast', '168m'),
      silent(firing('fast', 'page-slow'), '172m'),
      fires('fast', 'page-fast', '177m'),
      fires('fast', 'page-slow', '177m'),
    ],
  },
  {
    // 1 % errors (10x) from the start. The 1d and 3d windows are sums of the hourly tiles, not
    // raw rates: their ratio is the events' ratio whatever the number of tiles, and the ticket
    // tiers (3x over 1d and 2h, 1x over 3d and 6h) fire once their raw short windows agree.
    name: 'the 1d and 3d windows read the hourly tiles and drive the ticket alerts',
    slos: ['daily'],
    input_series: [requests('daily', '200', '0+990x240'), requests('daily', '500', '0+10x240')],
    promql_expr_test: [
      near('slo:sli_error:ratio_rate1d{sloth_id="daily"}', 0.01, '4h'),
      near('slo:sli_error:ratio_rate3d{sloth_id="daily"}', 0.01, '4h'),
      near('slo:sli_error:ratio_rate6h{sloth_id="daily"}', 0.01, '4h'),
      fires('daily', 'ticket-fast', '4h'),
      fires('daily', 'ticket-slow', '4h'),
    ],
  },
  {
    // Hour 1: 1,000 requests/min, no errors. Hour 2: 100 requests/min, 1 % errors. Then two
    // idle hours, so that at 4h every tile that saw traffic is complete (promtool's overlapping
    // minute tiles under-weight the newest hour until then). Events give 60 / 66,000 = 0.091 %;
    // averaging the ratios of the two busy hours would give 0.5 %.
    // Thanks to the idle hours, the minute tiles each event falls in are equally many (61).
    name: 'the period ratio is weighted by traffic',
    slos: ['mixed'],
    input_series: [
      requests('mixed', '200', '0+1000x60 60099+99x59 65940+0x120'),
      requests('mixed', '500', '0+0x60 1+1x59 60+0x120'),
    ],
    promql_expr_test: [
      // 60 errors in 66,000 events, exactly.
      near('slo:sli_error:ratio_rate30d{sloth_id="mixed"}', 60 / 66000, '4h'),
      near('slo:period_burn_rate:ratio{sloth_id="mixed"}', 60 / 66, '4h'),
    ],
  },
  {
    // 50 requests/min with 2 % errors: a 20x burn, but only 3,000 events an hour.
    name: 'the low-traffic guard holds the alert back',
    slos: ['quiet-open', 'quiet-guarded'],
    input_series: [requests('quiet', '200', '0+49x120'), requests('quiet', '500', '0+1x120')],
    promql_expr_test: [
      fires('quiet-open', 'page-fast', '90m'),
      silent('ALERTS{sloth_id="quiet-guarded"}', '90m'),
      near('slo:sli_total:count1h{sloth_id="quiet-guarded"}', 3000, '90m'),
    ],
  },
  {
    // Per minute on /pay: 100 requests, 95 within 0.3 s (5 % slow); on /cart: 100, 99 (1 %).
    name: 'the latency SLI reads the ratio from histogram buckets, one series per route',
    slos: ['latency', 'latency-python'],
    input_series: [
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="0.1"}', values: '0+50x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="0.3"}', values: '0+95x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/pay", le="+Inf"}', values: '0+100x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/cart", le="0.3"}', values: '0+99x60' },
      { series: 'request_seconds_bucket{svc="latency", route="/cart", le="+Inf"}', values: '0+100x60' },
      // Python clients write whole bounds as "1.0": the matcher must still find them.
      { series: 'request_seconds_bucket{svc="latency-python", le="1.0"}', values: '0+98x60' },
      { series: 'request_seconds_bucket{svc="latency-python", le="+Inf"}', values: '0+100x60' },
    ],
    promql_expr_test: [
      near('slo:sli_error:ratio_rate5m{sloth_id="latency", route="/pay"}', 0.05, '1h'),
      near('slo:sli_error:ratio_rate5m{sloth_id="latency", route="/cart"}', 0.01, '1h'),
      near('slo:current_burn_rate:ratio{sloth_id="latency", route="/pay"}', 5, '1h'),
      near('slo:sli_error:ratio_rate5m{sloth_id="latency-python"}', 0.02, '1h'),
    ],
  },
];

function runScenarios(scenarios: Scenario[]) {
  const doc = scenarioDoc();
  const wanted = new Set(scenarios.flatMap((scenario) => scenario.slos));
  // the service files and the registry's shared rules, as one Prometheus loads them
  const prometheus = mergeRuleFiles(
    generateRuleFiles({ ...doc, slos: doc.slos.filter((slo) => wanted.has(slo.id)) }).prometheus.map(
      (entry) => entry.file
    )
  );
  const tests = {
    rule_files: ['rules.yaml'],
    evaluation_interval: '1m',
    tests: scenarios.map(({ name, slos, ...rest }) => ({ name, interval: '1m', ...rest })),
  };
  const dir = writeTempFiles({ 'rules.yaml': renderRuleFile(prometheus), 'tests.yaml': stringify(tests) });
  return runPromtool(['test', 'rules', 'tests.yaml'], dir);
}

beforeAll(() => {
  requirePromtool();
});

test.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
  const result = runScenarios([scenario]);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('a wrong expectation fails (the scenarios can fail)', () => {
  const wrong = { ...SCENARIOS[0], promql_expr_test: [near('slo:period_burn_rate:ratio{sloth_id="steady"}', 2, '4h')] };
  const result = runScenarios([wrong]);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('FAILED');
});
