import {
  buildCostDashboard,
  buildDebugDashboard,
  buildExecutiveDashboard,
  buildOnCallDashboard,
  Dashboard,
  dashboardQueries,
} from '../../domain/dashboards';
import { buildSloDashboard } from '../../domain/dashboards/sloPage';
import { demoRegistry } from '../../domain/dashboards/testing/fixtures';
import { planGate } from '../../domain/gate';
import { lookbackQuery, planPolicyStates } from '../../domain/policy/policyQueries';
import { buildSloContext, indexRegistry } from '../../domain/rules/context';
import { generateRuleFiles } from '../../domain/rules/generate';
import { PERIOD_BUDGET_REMAINING } from '../../domain/rules/names';
import { isAlertingRule } from '../../domain/rules/types';
import { BUDGET_LEFT_LOOKBACK, readBudgetLeft } from '../../domain/rules/windowRatio';
import { recordedQueries } from './recorded';

const doc = demoRegistry();
const serviceIds = doc.services.map((service) => service.id);

/** What is left of `expr` once its reads through {@link readBudgetLeft} and its `label_values(…)` are taken out. */
function withoutTolerantReads(expr: string): string {
  const read = new RegExp(
    String.raw`last_over_time\(${PERIOD_BUDGET_REMAINING}(\{[^{}]*\})?\[${BUDGET_LEFT_LOOKBACK}\]( offset \w+| @ [\d.]+)?\)`,
    'g'
  );
  return expr.replace(read, '').replace(/label_values\([^)]*\)/g, '');
}

function dashboardExprs(dashboard: Dashboard): string[] {
  return [
    ...dashboardQueries(dashboard).map(({ query }) => query.expr),
    ...dashboard.variables.flatMap((variable) => (variable.query ? [variable.query] : [])),
    ...dashboard.annotations.map((annotation) => annotation.expr),
  ];
}

/** Every query the plugin sends and every rule that reads the budget left, by where it comes from. */
function readers(): Array<[string, string]> {
  const index = indexRegistry(doc);
  const dashboards: Array<[string, Dashboard]> = [
    ['executive', buildExecutiveDashboard(doc)],
    ...serviceIds.flatMap((id): Array<[string, Dashboard]> => [
      [`on-call ${id}`, buildOnCallDashboard(doc, id)],
      [`debug ${id}`, buildDebugDashboard(doc, id)],
      [`cost ${id}`, buildCostDashboard(doc, id)],
    ]),
    ...doc.slos.map((slo): [string, Dashboard] => [`SLO page ${slo.id}`, buildSloDashboard(doc, slo.id)]),
  ];
  const gates = serviceIds.flatMap((service) =>
    [planGate({ service }), planGate({ service, registry: { doc, name: 'registry' } })].flatMap((planned) =>
      'plan' in planned && planned.plan ? planned.plan.queries.map((query) => query.promql) : []
    )
  );
  const policy = planPolicyStates(doc, serviceIds)?.queries.map((query) => query.promql) ?? [];
  const withPolicy = doc.slos.filter((slo) => slo.budgetPolicy?.enabled);
  const alerts = generateRuleFiles(doc)
    .prometheus.flatMap((file) => file.file.groups.flatMap((group) => group.rules))
    .filter(isAlertingRule)
    .map((rule) => rule.expr);
  return [
    ...dashboards.flatMap(([name, dashboard]) =>
      dashboardExprs(dashboard).map((expr): [string, string] => [name, expr])
    ),
    ...gates.map((expr): [string, string] => ['release gate', expr]),
    ...policy.map((expr): [string, string] => ['policy state', expr]),
    ['policy look-back', lookbackQuery(withPolicy.map((slo) => buildSloContext(slo, index)))],
    ...alerts.map((expr): [string, string] => ['alerting rule', expr]),
    ...recordedQueries(doc).map(({ expr }): [string, string] => ['recorded values', expr]),
  ];
}

describe('readers of the budget left', () => {
  test('all go through the tolerant read: no query or rule reads the bare series', () => {
    const reading = readers().filter(([, expr]) => expr.includes(PERIOD_BUDGET_REMAINING));
    // the dashboards, the gate, the policy, the freeze alert and the SLO list all read it
    expect(new Set(reading.map(([where]) => where.split(' ')[0]))).toEqual(
      new Set(['executive', 'on-call', 'debug', 'SLO', 'release', 'policy', 'alerting', 'recorded'])
    );
    expect(reading.filter(([, expr]) => withoutTolerantReads(expr).includes(PERIOD_BUDGET_REMAINING))).toEqual([]);
  });

  test('the tolerant read looks back two hours, at the query time or at the one a modifier sets', () => {
    expect(readBudgetLeft('{sloth_id="a"}')).toBe(
      'last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="a"}[2h])'
    );
    expect(readBudgetLeft('', 'offset 30d')).toBe(
      'last_over_time(slo:period_error_budget_remaining:ratio[2h] offset 30d)'
    );
  });
});
