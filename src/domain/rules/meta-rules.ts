/**
 * The per-SLO meta rules, every `SLOW_INTERVAL`: the `slo:info` series that carries the SLO's
 * objective, window and name, and the share of the period's budget left. They read recorded series
 * only, so they live in the Prometheus file for every SLI kind.
 */
import { isCountableSli } from '../query/sli';
import { SloContext } from './context';
import {
  CURRENT_WINDOW,
  INFO_NAME,
  INFO_OBJECTIVE,
  INFO_WINDOW,
  PERIOD_BUDGET_REMAINING,
  SLO_INFO,
  sliErrorRatioName,
} from './names';
import { exactRange } from './ranges';
import { recording } from './sli-rules';
import { RecordingRule, RuleGroup } from './types';
import { withMatcher } from './text';
import { summedErrorRatio } from './windowRatio';

export { INFO_NAME, INFO_OBJECTIVE, INFO_WINDOW } from './names';

/**
 * The meta rules of one SLO (`slo-<id>-meta`; on Prometheus they join the SLO's `slo-<id>-1m`
 * group): `slo:info`, and, with `sloth` (the registry records Sloth's series), a freeform SLI's
 * period ratio, which Sloth's period burn rate reads. The budget left is {@link budgetLeftRule}.
 */
export function buildMetaGroup(ctx: SloContext, sloth = false): RuleGroup {
  const { slo } = ctx;
  const rules: RecordingRule[] = [
    ...(sloth ? freeformPeriodRatio(ctx) : []),
    {
      record: SLO_INFO,
      expr: 'vector(1)',
      labels: {
        ...ctx.labels,
        [INFO_OBJECTIVE]: String(slo.objective),
        [INFO_WINDOW]: slo.window,
        [INFO_NAME]: slo.name,
      },
    },
  ];
  return { name: `slo-${slo.id}-meta`, rules };
}

/**
 * The share of the period's budget left (`slo:period_error_budget_remaining:ratio`), in the SLO's
 * every-minute group after `slo:info`: one minute keeps it fresh for instant queries (Prometheus
 * looks back 5 minutes) whatever the evaluation interval. Readers use `budgetLeft` (windowRatio.ts).
 */
export function budgetLeftRule(ctx: SloContext): RecordingRule {
  return recording(ctx, PERIOD_BUDGET_REMAINING, budgetLeftExpr(ctx), ctx.period);
}

/** The share of the period's budget left, written once per SLI shape, period and objective (text.ts). */
function budgetLeftExpr(ctx: SloContext): string {
  const shape = `left ${isCountableSli(ctx.slo.sli)} ${ctx.period} ${ctx.allowed}`;
  return withMatcher(shape, ctx.matcher, (matcher) => `1 - ${periodErrorRatio(ctx, matcher)} / ${ctx.allowed}`);
}

/**
 * The error ratio over the period. A countable SLI divides its summed error tiles by its summed
 * event tiles: traffic-weighted. A freeform SLI has no counts, so no traffic weighting: its period
 * ratio is Sloth's, the mean of its 5-minute ratio over the period (every 5 minutes weigh the same,
 * busy or quiet), which counts a burn in full 5 minutes after it ends, where the mean of a 1h ratio
 * took an hour (promtool scenario "the period ratio of a freeform SLI").
 */
function periodErrorRatio(ctx: SloContext, matcher = ctx.matcher): string {
  const { period } = ctx;
  if (isCountableSli(ctx.slo.sli)) {
    return summedErrorRatio(period, matcher);
  }
  return `avg_over_time(${sliErrorRatioName(CURRENT_WINDOW)}${matcher}[${exactRange(period)}])`;
}

/** Sloth's series `slo:sli_error:ratio_rate<period>` of a freeform SLI, unless an alert window records it. */
function freeformPeriodRatio(ctx: SloContext): RecordingRule[] {
  const { slo, period } = ctx;
  if (slo.sli.kind !== 'freeform' || ctx.sliWindows.includes(period)) {
    return [];
  }
  return [recording(ctx, sliErrorRatioName(period), periodErrorRatio(ctx), period)];
}
