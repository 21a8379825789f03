/**
 * Period and metadata recordings: the period error ratio, objective, budget, burn rates, budget
 * left and the `slo:info` series. They read recorded series only, so they live in the Prometheus
 * file for every SLI kind (Loki's ruler writes log SLIs to the same Prometheus).
 */
import { objectiveRatio } from '../budget/budget';
import { SloContext } from './context';
import {
  CURRENT_BURN_RATE,
  CURRENT_WINDOW,
  ERROR_BUDGET_RATIO,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  OBJECTIVE_RATIO,
  PERIOD_BUDGET_REMAINING,
  PERIOD_BURN_RATE,
  SLI_ERROR_INCREASE_1H,
  SLI_TOTAL_INCREASE_1H,
  SLO_INFO,
  TILE_WINDOW,
  TIME_PERIOD_DAYS,
  sliErrorRatioName,
} from './names';
import { recording } from './sli-rules';
import { RecordingRule, RuleGroup } from './types';

const JOIN = `on (${LABEL_ID}, ${LABEL_SLO}, ${LABEL_SERVICE}) group_left`;

/** The meta group of one SLO: `slo-<id>-meta`. */
export function buildMetaGroup(ctx: SloContext): RuleGroup {
  const { slo, matcher, period } = ctx;
  const burnRate = (window: string) =>
    `${sliErrorRatioName(window)}${matcher} / ${JOIN} ${ERROR_BUDGET_RATIO}${matcher}`;
  const rules: RecordingRule[] = [
    ...periodRatio(ctx),
    recording(ctx, OBJECTIVE_RATIO, `vector(${objectiveRatio(slo.objective)})`),
    recording(ctx, ERROR_BUDGET_RATIO, `vector(${ctx.allowed})`),
    recording(ctx, TIME_PERIOD_DAYS, `vector(${ctx.periodDays})`),
    recording(ctx, CURRENT_BURN_RATE, burnRate(CURRENT_WINDOW)),
    recording(ctx, PERIOD_BURN_RATE, burnRate(period)),
    recording(ctx, PERIOD_BUDGET_REMAINING, `1 - ${PERIOD_BURN_RATE}${matcher}`),
    {
      record: SLO_INFO,
      expr: 'vector(1)',
      labels: { ...ctx.labels, objective: String(slo.objective), slo_window: slo.window, slo_name: slo.name },
    },
  ];
  return { name: `slo-${slo.id}-meta`, rules };
}

/**
 * The error ratio over the whole period. Countable SLIs divide summed error tiles by summed event
 * tiles, so a busy hour weighs more than a quiet one; a freeform SLI has no counts and averages
 * its 1h ratio instead (every hour weighs the same). When the period is also an alert window, the
 * SLI group already records it.
 */
function periodRatio(ctx: SloContext): RecordingRule[] {
  const { slo, matcher, period } = ctx;
  if (ctx.sliWindows.includes(period)) {
    return [];
  }
  const expr =
    slo.sli.kind === 'freeform'
      ? `avg_over_time(${sliErrorRatioName(TILE_WINDOW)}${matcher}[${period}])`
      : `sum_over_time(${SLI_ERROR_INCREASE_1H}${matcher}[${period}]) / sum_over_time(${SLI_TOTAL_INCREASE_1H}${matcher}[${period}])`;
  return [recording(ctx, sliErrorRatioName(period), expr, period)];
}
