/**
 * The rule layout of Sloth-style generators, written here for comparison (same SLIs, same label
 * names): per SLO, the error ratio over seven windows (5m, 30m, 1h, 2h, 6h, 1d, 3d) from the raw
 * series, a period ratio averaging 30 days of the 5-minute ratio, seven metadata series and two
 * multiwindow burn-rate alerts (page: 14.4× over 1h/5m or 6× over 6h/30m; ticket: 3× over 1d/2h or
 * 1× over 3d/6h). Every group runs at the global evaluation interval.
 */
import { Slo } from '../../src/domain/model';
import { errorRatioQuery } from '../../src/domain/query/sli';
import { RecordingRule, RuleFile, RuleGroup } from '../../src/domain/rules';

export const SLOTH_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

function labelsOf(slo: Slo): Record<string, string> {
  return { sloth_id: slo.id, sloth_service: slo.serviceId, sloth_slo: slo.id.slice(slo.serviceId.length + 1) };
}

function matcherOf(slo: Slo): string {
  return `{sloth_id="${slo.id}", sloth_service="${slo.serviceId}"}`;
}

/** The 5-minute error ratio rule of an SLO: the series whose history the period ratio re-reads. */
export function slothRatio5m(slo: Slo): RecordingRule {
  return {
    record: 'slo:sli_error:ratio_rate5m',
    expr: errorRatioQuery(slo.sli, '5m'),
    labels: { ...labelsOf(slo), sloth_window: '5m' },
  };
}

function slothGroups(slo: Slo): RuleGroup[] {
  const labels = labelsOf(slo);
  const m = matcherOf(slo);
  const budget = (100 - slo.objective) / 100;
  const period = slo.window;
  const sli: RecordingRule[] = SLOTH_WINDOWS.map((window) => ({
    record: `slo:sli_error:ratio_rate${window}`,
    expr: errorRatioQuery(slo.sli, window),
    labels: { ...labels, sloth_window: window },
  }));
  sli.push({
    record: `slo:sli_error:ratio_rate${period}`,
    expr:
      `sum_over_time(slo:sli_error:ratio_rate5m${m}[${period}]) / ignoring (sloth_window) ` +
      `count_over_time(slo:sli_error:ratio_rate5m${m}[${period}])`,
    labels: { ...labels, sloth_window: period },
  });
  const meta: RecordingRule[] = [
    { record: 'slo:objective:ratio', expr: `vector(${slo.objective / 100})`, labels },
    { record: 'slo:error_budget:ratio', expr: `vector(${budget})`, labels },
    { record: 'slo:time_period:days', expr: `vector(${parseInt(period, 10)})`, labels },
    {
      record: 'slo:current_burn_rate:ratio',
      expr: `slo:sli_error:ratio_rate5m${m} / on (sloth_id, sloth_slo, sloth_service) group_left slo:error_budget:ratio${m}`,
      labels,
    },
    {
      record: 'slo:period_burn_rate:ratio',
      expr: `slo:sli_error:ratio_rate${period}${m} / on (sloth_id, sloth_slo, sloth_service) group_left slo:error_budget:ratio${m}`,
      labels,
    },
    { record: 'slo:period_error_budget_remaining:ratio', expr: `1 - slo:period_burn_rate:ratio${m}`, labels },
    { record: 'sloth_slo_info', expr: 'vector(1)', labels: { ...labels, sloth_objective: String(slo.objective) } },
  ];
  const burning = (factor: number, long: string, short: string) =>
    `(max(slo:sli_error:ratio_rate${long}${m} > (${factor} * ${budget})) without (sloth_window) and ` +
    `max(slo:sli_error:ratio_rate${short}${m} > (${factor} * ${budget})) without (sloth_window))`;
  const alert = (severity: string, pairs: Array<[number, string, string]>) => ({
    alert: 'SLOErrorBudgetBurn',
    expr: pairs.map(([factor, long, short]) => burning(factor, long, short)).join(' or '),
    labels: { ...labels, severity },
  });
  return [
    { name: `sloth-slo-sli-recordings-${slo.id}`, rules: sli },
    { name: `sloth-slo-meta-recordings-${slo.id}`, rules: meta },
    {
      name: `sloth-slo-alerts-${slo.id}`,
      rules: [
        alert('page', [
          [14.4, '1h', '5m'],
          [6, '6h', '30m'],
        ]),
        alert('ticket', [
          [3, '1d', '2h'],
          [1, '3d', '6h'],
        ]),
      ],
    },
  ];
}

/** Sloth-style rules for every SLO. */
export function slothRuleFile(slos: Slo[]): RuleFile {
  return { groups: slos.flatMap(slothGroups) };
}
