/**
 * Calendar windows in PromQL: sums over the current week, month or quarter in the SLO's time zone,
 * from the start of the period to the evaluation time, so a calendar SLO's budget resets when its
 * period starts rather than rolling over the last 30 days.
 *
 * A range selector has a fixed length, so the period is a mask instead: a subquery steps through
 * the last 32 days (93 for a quarter, 8 for a week) one hour at a time, takes the hourly tile
 * recorded in each step's hour (`last_over_time(tile[59m59s999ms])`: the tile group records one sample an hour, so
 * each is read once) and keeps it only when the step falls in the same period as the evaluation
 * time. The evaluation time's period is read with the `@ end()` modifier (Prometheus 2.33 and
 * later, Mimir, Thanos, VictoriaMetrics), which pins it inside the subquery where `time()` is the
 * step's own time. Both sides number periods with PromQL's UTC date functions shifted by the
 * zone's offset: the standard offset, plus the daylight-saving shift in the months whose first
 * day starts on summer time, so month and quarter boundaries fall on local midnight all year; a
 * week boundary in the week after a clock change can be an hour off.
 *
 * A tile covers the hour before its sample, so a step counts in the period of the half hour before
 * it: an hour of events around the boundary may land in the neighbouring period, under 0.2% of a
 * month. In the first hour of a period no tile belongs to it yet, and the period holds no events:
 * its budget is whole.
 */
import { CalendarUnit, daylightSavingMonths } from '../budget/period';
import { exactRange } from './ranges';

/** Days a period's subquery looks back: the longest period plus the step shift, in whole days. */
const LOOKBACK_DAYS: Record<CalendarUnit, number> = { week: 8, month: 32, quarter: 93 };

/** ISO weeks start on Monday; the Unix epoch was a Thursday, four days later than a Monday. */
const EPOCH_TO_MONDAY_SECONDS = 4 * 86_400;
const WEEK_SECONDS = 7 * 86_400;

/** The tile recorded in a step's hour: 1 ms short of an hour, so a range that includes both ends reads one tile (ranges.ts). */
const TILE_RANGE = exactRange('1h');

/** A tile's events are counted in the period of the half hour before its step. */
export const TILE_SHIFT_SECONDS = 1800;

export interface CalendarWindow {
  unit: CalendarUnit;
  timeZone: string;
}

/** `expr` with `seconds` added, written without a sign when there is nothing to add. */
function plus(expr: string, seconds: number): string {
  if (seconds === 0) {
    return expr;
  }
  return seconds > 0 ? `${expr} + ${seconds}` : `${expr} - ${-seconds}`;
}

/** `1` when `month` (a PromQL expression of 1–12) is in `months`, else `0`: one term per run of months. */
function inMonths(month: string, months: number[]): string {
  const runs: Array<[number, number]> = [];
  for (const value of months) {
    const last = runs[runs.length - 1];
    if (last && last[1] === value - 1) {
      last[1] = value;
    } else {
      runs.push([value, value]);
    }
  }
  return runs
    .map(([from, to]) =>
      from === to ? `(${month} == bool ${from})` : `(${month} >= bool ${from}) * (${month} <= bool ${to})`
    )
    .join(' + ');
}

/**
 * The local time in `timeZone` of `time()` shifted by `shiftSeconds`, as a one-element vector of
 * seconds since the epoch, for PromQL's date functions (which read UTC).
 */
export function localTime(timeZone: string, shiftSeconds: number, at: Date): string {
  const { months, shiftMs, standardMs } = daylightSavingMonths(timeZone, at);
  const base = plus('time()', shiftSeconds + standardMs / 1000);
  if (months.length === 0) {
    return `vector(${base})`;
  }
  const summer = shiftMs / 1000;
  // Which offset applies is decided by the month on summer time: it is the local month whenever
  // summer time applies, and a month that starts on winter time starts before it would on summer time.
  const month = `month(vector(${plus(base, summer)}))`;
  return `(vector(${base}) + ${summer} * (${inMonths(month, months)}))`;
}

/** A number that identifies the period holding the local time `local` (a vector expression). */
export function periodNumber(unit: CalendarUnit, local: string): string {
  if (unit === 'week') {
    return `floor((${local} - ${EPOCH_TO_MONDAY_SECONDS}) / ${WEEK_SECONDS})`;
  }
  if (unit === 'quarter') {
    return `(year(${local}) * 4 + floor((month(${local}) - 1) / 3))`;
  }
  return `(year(${local}) * 12 + month(${local}))`;
}

/**
 * Non-empty during the first hour of the current period in local time: the hourly period ratio may
 * still be the previous period's then.
 */
export function firstHourOfPeriod(window: CalendarWindow, at: Date): string {
  const local = localTime(window.timeZone, 0, at);
  const midnight = `(hour(${local}) == bool 0)`;
  if (window.unit === 'week') {
    return `((day_of_week(${local}) == bool 1) * ${midnight} == 1)`;
  }
  const first = `(day_of_month(${local}) == bool 1) * ${midnight}`;
  if (window.unit === 'quarter') {
    return `(${first} * ((month(${local}) - 1) % 3 == bool 0) == 1)`;
  }
  return `(${first} == 1)`;
}

/**
 * A filter, for the steps of a subquery: non-empty when the step, shifted by `shiftSeconds`, falls
 * in the same period as the evaluation time.
 */
export function samePeriodAsNow(window: CalendarWindow, shiftSeconds: number, at: Date): string {
  const step = periodNumber(window.unit, localTime(window.timeZone, -shiftSeconds, at));
  const now = periodNumber(window.unit, localTime(window.timeZone, 0, at));
  return `(${step} == scalar(max_over_time(${now}[1s:1s] @ end())))`;
}

/**
 * The sum of the hourly tiles of `series` (name and matchers) from the start of the current period
 * to the evaluation time; one series per SLO and group, without a name; empty in a period's first hour.
 * `exclude`, a mask evaluated at each step (a budget adjustment's, rules/adjustments.ts), leaves out
 * the tiles of the steps where it is non-empty.
 */
export function periodTileSum(series: string, window: CalendarWindow, at: Date, exclude?: string): string {
  const mask = samePeriodAsNow(window, TILE_SHIFT_SECONDS, at);
  const kept = `last_over_time(${series}[${TILE_RANGE}]) and on () ${mask}`;
  const inner = exclude ? `(${kept}) unless on () (${exclude})` : kept;
  return `sum_over_time((${inner})[${LOOKBACK_DAYS[window.unit]}d:1h])`;
}

/**
 * The mean of the recorded `series` (a ratio recorded every evaluation) over the current period,
 * one value every 5 minutes: the period ratio of a freeform SLI.
 */
export function periodMean(series: string, window: CalendarWindow, at: Date, exclude?: string): string {
  const mask = samePeriodAsNow(window, 0, at);
  const kept = `${series} and on () ${mask}`;
  const inner = exclude ? `(${kept}) unless on () (${exclude})` : kept;
  return `avg_over_time((${inner})[${LOOKBACK_DAYS[window.unit]}d:5m])`;
}

/**
 * The share of the current period that has gone by at the evaluation time, 0 to 1, as a one-element
 * vector without labels: seconds since the period's local midnight over its length in local days.
 */
export function periodFraction(window: CalendarWindow, at: Date): string {
  const local = localTime(window.timeZone, 0, at);
  const today = `(hour(${local}) * 3600 + minute(${local}) * 60)`;
  if (window.unit === 'week') {
    // day_of_week: Sunday 0; ISO weeks start on Monday
    return `((((day_of_week(${local}) + 6) % 7) * 86400 + ${today}) / ${WEEK_SECONDS})`;
  }
  if (window.unit === 'month') {
    return `(((day_of_month(${local}) - 1) * 86400 + ${today}) / (days_in_month(${local}) * 86400))`;
  }
  // Days of the year before each quarter and each quarter's days; a leap year (every fourth year
  // from 1901 to 2099) adds a day to the first quarter.
  const quarter = `floor((month(${local}) - 1) / 3)`;
  const leap = `(year(${local}) % 4 == bool 0)`;
  const before = `((${quarter} >= bool 1) * (90 + ${leap}) + (${quarter} >= bool 2) * 91 + (${quarter} >= bool 3) * 92)`;
  const days = `((${quarter} == bool 0) * (90 + ${leap}) + (${quarter} == bool 1) * 91 + (${quarter} >= bool 2) * 92)`;
  return `(((day_of_year(${local}) - 1 - ${before}) * 86400 + ${today}) / (${days} * 86400))`;
}
