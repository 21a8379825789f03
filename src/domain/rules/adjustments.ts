/**
 * Budget adjustments in PromQL: a mask that is non-empty exactly while the evaluation time is inside
 * one of an SLO's approved adjustment windows, and the period's error ratio and budget left with the
 * masked 5-minute increases left out.
 *
 * The mask reads nothing but `time()`, so it holds at past instants too: inside a subquery each
 * step evaluates it at its own time, which is how the adjusted budget leaves out the history of a
 * window. A one-off window is `vector(time()) >= <start> < <end>`. A weekly window places the
 * local clock with the zone's offset: the seconds since local Sunday 00:00 are
 * `(time() + offset + 4 days) % 1 week` (the Unix epoch began on a Thursday), and the window holds
 * while that, less the window's start in the week, is under its duration. PromQL has no time zones,
 * so daylight saving is written per month, as calendar windows write it (calendar.ts `localTime`):
 * months whose first day is on summer time use its offset, the others standard time. In the weeks
 * between a clock change and the next month's first day a weekly window is therefore placed by the
 * other offset (an hour early or late in most zones); UTC and zones without daylight saving are exact.
 */
import { adjustmentCoversSlo, isApproved, startMinutes } from '../adjustments/adjustments';
import { AdjustmentRecurrence, BudgetAdjustment } from '../model';
import { parsePromDuration } from '../query/duration';
import { BASE_WINDOW, LABEL_WINDOW, SLI_ERROR_INCREASE_5M, SLI_TOTAL_INCREASE_5M, sliErrorRatioName } from './names';
import { localTime } from './calendar';
import type { SloContext } from './context';
import { exactRange } from './ranges';

/**
 * The budget left without the adjustments, recorded beside `slo:period_error_budget_remaining:ratio`
 * for SLOs whose recorded budget left is the adjusted one.
 */
export const PERIOD_BUDGET_REMAINING_RAW = 'slo:period_error_budget_remaining_raw:ratio';

const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;
/** Seconds from Sunday 00:00 to the Unix epoch, a Thursday. */
const EPOCH_WEEKDAY_S = 4 * DAY_S;
/** An increase recorded at T counts the 5 minutes before T: the mask is asked about their start. */
export const INCREASE_SPAN_S = 300;

/** Options of {@link adjustmentMask}. */
export interface MaskOptions {
  /**
   * Seconds to look back from the evaluation time: `300` asks whether the 5 minutes a recorded
   * increase counts started inside a window, so that exactly the window's events are masked.
   */
  lagSeconds?: number;
}

const number = (value: number) => String(Math.round(value * 1000) / 1000);

/**
 * The mask of a weekly window: one term per weekday, `or`-ed, each on the local clock of the
 * window's time zone (calendar.ts `localTime`: the zone's offset, daylight saving per month).
 */
function weeklyMask(recurrence: AdjustmentRecurrence, reference: Date, lagSeconds: number): string | undefined {
  const minutes = startMinutes(recurrence.start);
  const durationMs = parsePromDuration(recurrence.duration);
  if (minutes === undefined || durationMs === undefined || recurrence.weekdays.length === 0) {
    return undefined;
  }
  const local = localTime(recurrence.timeZone, -lagSeconds, reference);
  return [...new Set(recurrence.weekdays)]
    .sort((a, b) => a - b)
    .map((day) => {
      const shift = (((EPOCH_WEEKDAY_S - day * DAY_S - minutes * 60) % WEEK_S) + WEEK_S) % WEEK_S;
      return `((${local} + ${shift}) % ${WEEK_S} < ${number(durationMs / 1000)})`;
    })
    .join(' or ');
}

/** The mask of one adjustment, or `undefined` when its times cannot be read. */
function oneMask(adjustment: BudgetAdjustment, lagSeconds: number): string | undefined {
  if (adjustment.recurrence) {
    return weeklyMask(adjustment.recurrence, new Date(Date.parse(adjustment.at) || 0), lagSeconds);
  }
  const start = Date.parse(adjustment.start ?? '');
  const end = Date.parse(adjustment.end ?? '');
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    return undefined;
  }
  const time = lagSeconds ? `time() - ${lagSeconds}` : 'time()';
  return `(vector(${time}) >= ${number(start / 1000)} < ${number(end / 1000)})`;
}

/**
 * The windows of one adjustment, approved or not, as a mask: what a graph annotates. `undefined`
 * when its times cannot be read.
 */
export function windowMask(adjustment: BudgetAdjustment): string | undefined {
  return oneMask(adjustment, 0);
}

/**
 * A PromQL expression without labels that is non-empty exactly when the evaluation time (less
 * `lagSeconds`) is inside one of the approved adjustments' windows; `undefined` when none is
 * approved. Pending adjustments have no effect. Use it as `<expr> unless on() (<mask>)`.
 */
export function adjustmentMask(adjustments: BudgetAdjustment[], options: MaskOptions = {}): string | undefined {
  const masks = adjustments
    .filter(isApproved)
    .map((adjustment) => oneMask(adjustment, options.lagSeconds ?? 0))
    .filter((mask): mask is string => mask !== undefined);
  return masks.length > 0 ? masks.map((mask) => `(${mask})`).join(' or ') : undefined;
}

/** The mask of the adjustments that also hold the SLO's alerts back (`silenceAlerts`). */
export function silenceMask(adjustments: BudgetAdjustment[]): string | undefined {
  return adjustmentMask(adjustments.filter((adjustment) => adjustment.silenceAlerts));
}

/**
 * The error ratio over `period` (e.g. `30d`) of the SLOs `selector` picks, without the events of
 * the approved adjustments' windows: one 5-minute increase every 5 minutes, each left out when the
 * 5 minutes it counts started in a window, errors and events alike. Without a countable SLI
 * (`countable` false: a freeform SLI) it is the mean of the recorded 5-minute ratio over the
 * steps outside the windows. Without approved adjustments it is the same sum unmasked: the raw
 * figure to show beside it.
 */
export function adjustedErrorRatio(
  period: string,
  selector: string,
  adjustments: BudgetAdjustment[],
  countable = true
): string {
  const mask = adjustmentMask(adjustments, { lagSeconds: INCREASE_SPAN_S });
  const masked = (series: string) => (mask ? `(${series}${selector} unless on() (${mask}))` : `${series}${selector}`);
  const range = `[${exactRange(period)}:${BASE_WINDOW}]`;
  if (!countable) {
    return `max without (${LABEL_WINDOW}) (avg_over_time(${masked(sliErrorRatioName(BASE_WINDOW))}${range}))`;
  }
  return (
    `max without (${LABEL_WINDOW}) (` +
    `sum_over_time(${masked(SLI_ERROR_INCREASE_5M)}${range}) / sum_over_time(${masked(SLI_TOTAL_INCREASE_5M)}${range}))`
  );
}

/** The share of the period's budget left with the adjustments' windows left out; `allowed` is the allowed error ratio. */
export function adjustedBudgetLeft(
  period: string,
  selector: string,
  adjustments: BudgetAdjustment[],
  allowed: number,
  countable = true
): string {
  return `1 - ${adjustedErrorRatio(period, selector, adjustments, countable)} / ${allowed}`;
}

/** The approved adjustments of the SLO's service that cover it. */
export function approvedFor(ctx: Pick<SloContext, 'slo' | 'service'>): BudgetAdjustment[] {
  return (ctx.service?.budgetPolicy?.adjustments ?? []).filter(
    (adjustment) => isApproved(adjustment) && adjustmentCoversSlo(adjustment, ctx.slo.id)
  );
}

/**
 * The adjustments the every-minute budget-left rule leaves out itself: the approved ones of a
 * rolling window. A calendar window's period ratio, summed hourly from the period's start, leaves
 * them out instead (meta-rules.ts `calendarPeriodGroup`), and its budget left reads it.
 */
export function recordedAdjustments(ctx: Pick<SloContext, 'slo' | 'service' | 'calendar'>): BudgetAdjustment[] {
  return ctx.calendar ? [] : approvedFor(ctx);
}

/**
 * A burn alert's expression held back while an approved adjustment that silences alerts is in its
 * window: `(<expr>) unless on() (<mask>)`; the expression itself otherwise.
 */
export function unlessSilenced(ctx: Pick<SloContext, 'slo' | 'service'>, expr: string): string {
  const mask = silenceMask(approvedFor(ctx));
  return mask ? `(${expr})\nunless on() (${mask})` : expr;
}
