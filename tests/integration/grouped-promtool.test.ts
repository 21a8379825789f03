/**
 * A grouped SLO through `promtool test rules`: an availability SLO per tenant, where tenant "acme"
 * starts failing a third of its requests after three quiet hours and tenant "globex" stays well
 * within its objective. Only acme's burn alerts fire, each carrying its `tenant` label; globex
 * has no alert at all, and each tenant records its own budget left.
 */
import { stringify } from 'yaml';
import { generateRuleFiles, mergeRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { baseDoc, baseSlo } from '../../src/domain/rules/fixtures';
import { requirePromtool, runPromtool, writeTempFiles } from './fixtures/rules/promtool';

const SLO = 'checkout-tenants';

const doc = baseDoc([
  baseSlo({
    id: SLO,
    name: 'Checkout per tenant',
    sli: { kind: 'ratio', bad: 'requests_total{svc="shop",code="500"}', total: 'requests_total{svc="shop"}' },
    groupBy: ['tenant'],
  }),
]);

const series = (tenant: string, code: string, values: string) => ({
  series: `requests_total{svc="shop", tenant="${tenant}", code="${code}"}`,
  values,
});

/** One sample of value 1 when `selector` matches, at `time`. */
const present = (selector: string, time: string) => ({
  expr: `count(${selector})`,
  eval_time: time,
  exp_samples: [{ value: 1 }],
});
const absent = (selector: string, time: string) => ({ expr: selector, eval_time: time, exp_samples: [] });

const alerts = (tenant: string, extra = '') => `ALERTS{sloth_id="${SLO}", tenant="${tenant}"${extra}}`;

/** The scenario's checks; `globexPages` turns the last one around, to show the scenario can fail. */
function checks(globexPages: boolean) {
  return [
    // three quiet hours: nothing fires
    absent(`ALERTS{sloth_id="${SLO}"}`, '170m'),
    // twenty minutes into acme's failures its fast page tier fires, for acme
    present(alerts('acme', ', alertstate="firing", burn_tier="page-fast", sloth_severity="page"'), '200m'),
    // each tenant's own budget: acme's is spent, globex keeps about half of its budget
    present(`slo:period_error_budget_remaining:ratio{sloth_id="${SLO}", tenant="acme"} < 0`, '200m'),
    present(`slo:period_error_budget_remaining:ratio{sloth_id="${SLO}", tenant="globex"} > 0.4`, '200m'),
    globexPages ? present(alerts('globex'), '200m') : absent(alerts('globex'), '200m'),
  ];
}

function runScenario(globexPages: boolean) {
  const prometheus = mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file));
  const tests = {
    rule_files: ['rules.yaml'],
    evaluation_interval: '1m',
    group_eval_order: prometheus.groups.map((group) => group.name),
    tests: [
      {
        name: 'one tenant burns, only its group pages',
        interval: '1m',
        input_series: [
          // acme: 600 good requests a minute; from 180m on, 300 failing ones besides
          series('acme', '200', '0+600x240'),
          series('acme', '500', '0x180 300+300x59'),
          // globex: 600 good requests a minute and 0.3 failing ones, half of what 99.9 % allows
          series('globex', '200', '0+600x240'),
          series('globex', '500', '0+0.3x240'),
        ],
        promql_expr_test: checks(globexPages),
      },
    ],
  };
  const dir = writeTempFiles({ 'rules.yaml': renderRuleFile(prometheus), 'tests.yaml': stringify(tests) });
  return runPromtool(['test', 'rules', 'tests.yaml'], dir);
}

beforeAll(() => {
  requirePromtool();
});

test('a grouped SLO where one tenant burns: only that group pages', () => {
  const result = runScenario(false);
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('the scenario can fail: expecting the quiet tenant to page fails', () => {
  const result = runScenario(true);
  expect(result.output).toContain('FAILED');
  expect(result.status).not.toBe(0);
});
