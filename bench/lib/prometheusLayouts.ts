/**
 * The rule layout Sloth generates (its default, "optimized" SLI rules), written here for
 * comparison (same SLIs, Sloth's names and labels; checked against Sloth's generator): per SLO
 * three groups at the global evaluation interval,
 *
 * - `sloth-slo-sli-recordings-<id>`: the error ratio over the seven alert windows (5m, 30m, 1h, 2h,
 *   6h, 1d, 3d), each `(<error query>) / (<total query>)` over the raw series, and the period ratio
 *   averaging the 5-minute ratio over the period (`sum_over_time(…[30d]) / count_over_time(…[30d])`);
 * - `sloth-slo-meta-recordings-<id>`: objective, error budget, period days, current and period burn
 *   rates, budget remaining and `sloth_slo_info`;
 * - `sloth-slo-alerts-<id>`: two multiwindow, multi-burn-rate alerts (page: 14.4× over 1h/5m or 6×
 *   over 6h/30m; ticket: 3× over 1d/2h or 1× over 3d/6h), with Sloth's title and summary templates.
 */
import { Slo } from '../../src/domain/model';
import { RecordingRule, RuleFile, RuleGroup } from '../../src/domain/rules';

export const SLOTH_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

function labelsOf(slo: Slo): Record<string, string> {
  return { sloth_id: slo.id, sloth_service: slo.serviceId, sloth_slo: slo.id.slice(slo.serviceId.length + 1) };
}

function matcherOf(slo: Slo): string {
  const { sloth_id, sloth_service, sloth_slo } = labelsOf(slo);
  return `{sloth_id="${sloth_id}", sloth_service="${sloth_service}", sloth_slo="${sloth_slo}"}`;
}

/**
 * The SLI as a Sloth user writes it (`errorQuery` and `totalQuery` with `{{.window}}`), rendered for
 * `window` in Sloth's events form: `(<errors>)\n/\n(<total>)`.
 */
function slothSliExpr(slo: Slo, window: string): string {
  const sli = slo.sli;
  let errors: string;
  let total: string;
  if (sli.kind === 'ratio' && sli.bad !== undefined) {
    errors = `sum(rate(${sli.bad}[${window}]))`;
    total = `sum(rate(${sli.total}[${window}]))`;
  } else if (sli.kind === 'latency') {
    const bucket = (le: string) => sli.histogram.replace(/}$/, `,le="${le}"}`);
    total = `sum(rate(${bucket('+Inf')}[${window}]))`;
    errors = `${total} - sum(rate(${bucket(String(sli.threshold))}[${window}]))`;
  } else {
    throw new Error(`${slo.id}: no Sloth-style rules for ${sli.kind} SLIs`);
  }
  return `(${errors})\n/\n(${total})\n`;
}

/** The 5-minute error ratio rule of an SLO: the series whose history the period ratio re-reads. */
export function slothRatio5m(slo: Slo): RecordingRule {
  return {
    record: 'slo:sli_error:ratio_rate5m',
    expr: slothSliExpr(slo, '5m'),
    labels: { ...labelsOf(slo), sloth_window: '5m' },
  };
}

function slothGroups(slo: Slo): RuleGroup[] {
  const labels = labelsOf(slo);
  const m = matcherOf(slo);
  const objective = slo.objective / 100;
  const budget = (100 - slo.objective) / 100;
  const period = slo.window;
  const sli: RecordingRule[] = SLOTH_WINDOWS.map((window) => ({
    record: `slo:sli_error:ratio_rate${window}`,
    expr: slothSliExpr(slo, window),
    labels: { ...labels, sloth_window: window },
  }));
  sli.push({
    record: `slo:sli_error:ratio_rate${period}`,
    expr:
      `sum_over_time(slo:sli_error:ratio_rate5m${m}[${period}])\n/ ignoring (sloth_window)\n` +
      `count_over_time(slo:sli_error:ratio_rate5m${m}[${period}])\n`,
    labels: { ...labels, sloth_window: period },
  });
  const meta: RecordingRule[] = [
    { record: 'slo:objective:ratio', expr: `vector(${objective})`, labels },
    { record: 'slo:error_budget:ratio', expr: `vector(1-${objective})`, labels },
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
    {
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: {
        ...labels,
        sloth_mode: 'cli-gen-prom',
        sloth_spec: 'prometheus/v1',
        sloth_version: 'v0.11.0',
        sloth_objective: String(slo.objective),
      },
    },
  ];
  // Sloth's multiwindow, multi-burn-rate template: quick pair or slow pair, each short and long
  const over = (window: string, factor: number) => `(slo:sli_error:ratio_rate${window}${m} > (${factor} * ${budget}))`;
  const pair = (factor: number, short: string, long: string) =>
    `(\n    ${over(short, factor)}\n    and ignoring (sloth_window)\n    ${over(long, factor)}\n)`;
  const alert = (severity: string, quick: [number, string, string], slow: [number, string, string]) => ({
    alert: 'SLOErrorBudgetBurn',
    expr: `${pair(...quick)}\nor ignoring (sloth_window)\n${pair(...slow)}\n`,
    labels: { sloth_severity: severity },
    annotations: {
      title: `(${severity}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`,
      summary: '{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.',
    },
  });
  return [
    { name: `sloth-slo-sli-recordings-${slo.id}`, rules: sli },
    { name: `sloth-slo-meta-recordings-${slo.id}`, rules: meta },
    {
      name: `sloth-slo-alerts-${slo.id}`,
      rules: [alert('page', [14.4, '5m', '1h'], [6, '30m', '6h']), alert('ticket', [3, '2h', '1d'], [1, '6h', '3d'])],
    },
  ];
}

/** Sloth-style rules for every SLO. */
export function slothRuleFile(slos: Slo[]): RuleFile {
  return { groups: slos.flatMap(slothGroups) };
}
