/**
 * The per-SLO meta rules: the `slo:info` series that carries the SLO's objective, window and name,
 * every `SLOW_INTERVAL`, and the share of the period's budget left, hourly after the tiles it sums
 * or every `SLOW_INTERVAL` ({@link hasHourlyBudgetLeft}). They read recorded series only, so they
 * live in the Prometheus file for every SLI kind.
 */
import { isCountableSli } from '../query/sli';
import { namesOf } from './alert-rules';
import {
  adjustedBudgetLeft,
  adjustmentMask,
  approvedFor,
  INCREASE_SPAN_S,
  PERIOD_BUDGET_REMAINING_RAW,
  recordedAdjustments,
} from './adjustments';
import { CalendarWindow, firstHourOfPeriod, periodMean, periodTileSum, TILE_SHIFT_SECONDS } from './calendar';
import { SloContext } from './context';
import {
  CURRENT_WINDOW,
  INFO_NAME,
  INFO_OBJECTIVE,
  INFO_OWNER_CONTACT,
  INFO_RUNBOOK,
  INFO_SERVICE_NAME,
  INFO_WINDOW,
  LABEL_WINDOW,
  PERIOD_BUDGET_REMAINING,
  PERIOD_ERROR_RATIO,
  PERIOD_ERROR_RAW_RATIO,
  SLI_ERROR_INCREASE_1H,
  SLI_TOTAL_INCREASE_1H,
  SLO_INFO,
  TILE_WINDOW,
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
 * period ratio, which Sloth's period burn rate reads, and the raw budget left of an SLO with approved
 * budget adjustments. The budget left is {@link budgetLeftRule}.
 */
export function buildMetaGroup(ctx: SloContext, sloth = false): RuleGroup {
  const { slo } = ctx;
  const { ownerContact } = namesOf(ctx);
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
        [INFO_SERVICE_NAME]: ctx.service?.name ?? slo.serviceId,
        ...(ctx.runbookUrl ? { [INFO_RUNBOOK]: ctx.runbookUrl } : {}),
        ...(ownerContact ? { [INFO_OWNER_CONTACT]: ownerContact } : {}),
      },
    },
    ...rawBudgetLeftRules(ctx),
  ];
  return { name: `slo-${slo.id}-meta`, rules };
}

/**
 * The share of the period's budget left (`slo:period_error_budget_remaining:ratio`). Where
 * {@link hasHourlyBudgetLeft}, it joins the SLO's hourly tiles group after the tiles, so it reads
 * the tile recorded at the same evaluation; otherwise the every-minute group, after `slo:info`.
 * Readers look back 2 hours (`readBudgetLeft`, windowRatio.ts), so an hourly sample answers instant
 * queries until the next one, or the one after if an evaluation is missed.
 */
export function budgetLeftRule(ctx: SloContext): RecordingRule {
  const adjustments = recordedAdjustments(ctx);
  const expr =
    adjustments.length > 0
      ? adjustedBudgetLeft(ctx.period, ctx.matcher, adjustments, ctx.allowed, isCountableSli(ctx.slo.sli))
      : budgetLeftExpr(ctx);
  return recording(ctx, PERIOD_BUDGET_REMAINING, expr, ctx.period);
}

/**
 * Whether the budget left is recorded hourly: a countable SLI over a rolling window without
 * recorded budget adjustments sums its hourly tiles only, so its value changes once an hour, when
 * a tile is recorded. Recorded every minute, it cost 1,000 rules a minute at 1,000 SLOs and 10,080
 * samples per SLO and week read by the executive "Error budget burn" panel (bench/RESULTS.md).
 * A calendar SLO's first hour of a period, a freeform SLI's 5-minute ratios and an adjustment
 * window's edges move it within the hour: those stay every minute. So do SLIs whose tiles Loki
 * records (`loki`): its ruler cannot evaluate PromQL after them in their group.
 */
export function hasHourlyBudgetLeft(ctx: SloContext, loki: boolean): boolean {
  return !loki && !ctx.calendar && isCountableSli(ctx.slo.sli) && recordedAdjustments(ctx).length === 0;
}

/**
 * With approved budget adjustments the recorded budget left is the adjusted one (adjustments.ts);
 * the raw one is then recorded too, as `slo:period_error_budget_remaining_raw:ratio`.
 */
function rawBudgetLeftRules(ctx: SloContext): RecordingRule[] {
  if (ctx.calendar) {
    if (approvedFor(ctx).length === 0) {
      return [];
    }
    const raw = calendarErrorRatio(ctx.calendar, ctx.matcher, PERIOD_ERROR_RAW_RATIO);
    return [recording(ctx, PERIOD_BUDGET_REMAINING_RAW, `1 - ${raw} / ${ctx.allowed}`, ctx.period)];
  }
  if (recordedAdjustments(ctx).length === 0) {
    return [];
  }
  return [recording(ctx, PERIOD_BUDGET_REMAINING_RAW, budgetLeftExpr(ctx), ctx.period)];
}

/** The share of the period's budget left, written once per SLI shape, period and objective (text.ts). */
function budgetLeftExpr(ctx: SloContext): string {
  const calendar = ctx.calendar ? `${ctx.calendar.unit} ${ctx.calendar.timeZone}` : ctx.period;
  const shape = `left ${isCountableSli(ctx.slo.sli)} ${calendar} ${ctx.allowed}`;
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
  const { period, calendar } = ctx;
  if (calendar) {
    return calendarErrorRatio(calendar, matcher);
  }
  if (isCountableSli(ctx.slo.sli)) {
    return summedErrorRatio(period, matcher);
  }
  return `avg_over_time(${sliErrorRatioName(CURRENT_WINDOW)}${matcher}[${exactRange(period)}])`;
}

/**
 * The error ratio from the start of a calendar SLO's current period (calendar.ts), recorded every
 * hour in `slo-<id>-period`, after the tiles it sums: summed tiles, errors over events, or the mean
 * 5-minute ratio of a freeform SLI. Summing a period takes one subquery step per hour of the last
 * 32 days (93 for a quarter): once an hour rather than every minute, since the tiles change hourly.
 * In the period's first hour no tile belongs to it yet: the ratio is then 0 (the budget is whole).
 */
export function calendarPeriodGroup(ctx: SloContext): RuleGroup | undefined {
  const { calendar, matcher, slo } = ctx;
  if (!calendar) {
    return undefined;
  }
  const at = new Date();
  const countable = isCountableSli(slo.sli);
  const ratio = (exclude?: string) => {
    if (countable) {
      const errors = periodTileSum(`${SLI_ERROR_INCREASE_1H}${matcher}`, calendar, at, exclude);
      const total = periodTileSum(`${SLI_TOTAL_INCREASE_1H}${matcher}`, calendar, at, exclude);
      return `(${errors} / ${total}) or (0 * last_over_time(${SLI_TOTAL_INCREASE_1H}${matcher}[2h]))`;
    }
    const recorded = `${sliErrorRatioName(CURRENT_WINDOW)}${matcher}`;
    return `${periodMean(recorded, calendar, at, exclude)} or (0 * ${recorded})`;
  };
  // approved budget adjustments: a tile counts in the window of the half hour before its step, a
  // 5-minute ratio in that of its 5 minutes' start; the raw ratio is recorded beside
  const adjustments = approvedFor(ctx);
  const exclude = adjustmentMask(adjustments, { lagSeconds: countable ? TILE_SHIFT_SECONDS : INCREASE_SPAN_S });
  return {
    name: `slo-${slo.id}-period`,
    interval: TILE_WINDOW,
    rules: [
      recording(ctx, PERIOD_ERROR_RATIO, ratio(exclude), slo.window),
      ...(exclude ? [recording(ctx, PERIOD_ERROR_RAW_RATIO, ratio(), slo.window)] : []),
    ],
  };
}

/**
 * A calendar SLO's period ratio as the budget left reads it every minute: the last hourly value,
 * or 0 in the first hour of a period, when that value may still be the previous period's.
 */
function calendarErrorRatio(calendar: CalendarWindow, matcher: string, name = PERIOD_ERROR_RATIO): string {
  const last = `last_over_time(${name}${matcher}[2h])`;
  const firstHour = firstHourOfPeriod(calendar, new Date());
  return `max without (${LABEL_WINDOW}) ((${last} unless on () ${firstHour}) or (0 * ${last}))`;
}

/** Sloth's series `slo:sli_error:ratio_rate<period>` of a freeform SLI, unless an alert window records it. */
function freeformPeriodRatio(ctx: SloContext): RecordingRule[] {
  const { slo, period } = ctx;
  if (slo.sli.kind !== 'freeform' || ctx.sliWindows.includes(period)) {
    return [];
  }
  return [recording(ctx, sliErrorRatioName(period), periodErrorRatio(ctx), period)];
}
