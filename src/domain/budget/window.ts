/**
 * SLO windows: a rolling number of whole days (`7d`, `28d`, `30d`, `90d`) or a calendar week,
 * month or quarter (`calendar-week`, `calendar-month`, `calendar-quarter`) in the SLO's time zone.
 */
import { Problem } from '../problems';
import { calendarPeriod, CalendarUnit, DEFAULT_TIME_ZONE, Period, periodDays } from './period';

export const CALENDAR_MONTH = 'calendar-month';
export const CALENDAR_QUARTER = 'calendar-quarter';
export const CALENDAR_WEEK = 'calendar-week';

/** The calendar windows by their name in the registry. */
export const CALENDAR_WINDOWS: Record<string, CalendarUnit> = {
  [CALENDAR_WEEK]: 'week',
  [CALENDAR_MONTH]: 'month',
  [CALENDAR_QUARTER]: 'quarter',
};

/** A parsed SLO window. */
export type ParsedWindow = { kind: 'rolling'; days: number } | { kind: 'calendar'; unit: CalendarUnit };

const ROLLING_PATTERN = /^([1-9]\d{0,3})d$/;

/** The registry's name of a calendar unit's window, e.g. `calendar-month`. */
export function calendarWindowName(unit: CalendarUnit): string {
  return `calendar-${unit}`;
}

/**
 * Parses an SLO window. Returns a problem (at `path`) for anything else than `Nd` with N a whole
 * number of days from 1 to 9999, or a calendar window.
 */
export function parseSloWindow(window: string, path = 'window'): ParsedWindow | Problem {
  const unit = CALENDAR_WINDOWS[window];
  if (unit) {
    return { kind: 'calendar', unit };
  }
  const match = ROLLING_PATTERN.exec(window);
  if (!match) {
    return {
      path,
      message: `"${window}" is not a window: use a whole number of days such as 28d or 30d, or ${CALENDAR_WEEK}, ${CALENDAR_MONTH} or ${CALENDAR_QUARTER}`,
    };
  }
  return { kind: 'rolling', days: Number(match[1]) };
}

/** Whether a parse result is a problem rather than a window. */
export function isProblem(value: ParsedWindow | Problem): value is Problem {
  return 'message' in value;
}

/** Number of days in the UTC calendar month that contains `at`. */
export function daysInMonth(at: Date): number {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
}

/**
 * The period of a window that holds `at`: for a rolling window the `days` before `at`, for a
 * calendar window the whole week, month or quarter in `timeZone` (its end is after `at`).
 */
export function sloPeriod(window: ParsedWindow, at: Date, timeZone = DEFAULT_TIME_ZONE): Period {
  if (window.kind === 'calendar') {
    return calendarPeriod(window.unit, at, timeZone);
  }
  return { start: new Date(at.getTime() - window.days * 86400_000), end: at };
}

/**
 * Length in days of a window as it applies at `at`: a rolling window is always the same, a calendar
 * month has 28 to 31 days, a quarter 90 to 92, a week 7.
 */
export function windowDays(window: ParsedWindow, at: Date = new Date(), timeZone = DEFAULT_TIME_ZONE): number {
  return window.kind === 'rolling' ? window.days : periodDays(sloPeriod(window, at, timeZone));
}

/** Nominal days of a calendar unit: what burn-rate presets and Sloth's series are scaled to. */
const NOMINAL_DAYS: Record<CalendarUnit, number> = { week: 7, month: 30, quarter: 90 };

/**
 * Length in days the rules scale alert windows and name Sloth's series by: a rolling window's
 * days; a calendar window's nominal length (week 7, month 30, quarter 90). The budget left of a
 * calendar window is measured from the start of the current period (rules/calendar.ts).
 */
export function ruleWindowDays(window: ParsedWindow): number {
  return window.kind === 'rolling' ? window.days : NOMINAL_DAYS[window.unit];
}

/** Start of the window that contains `at`: the start of the calendar period, or `days` before `at`. */
export function windowStart(window: ParsedWindow, at: Date, timeZone = DEFAULT_TIME_ZONE): Date {
  return sloPeriod(window, at, timeZone).start;
}
