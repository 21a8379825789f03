/**
 * SLO windows: a rolling number of whole days (`7d`, `28d`, `30d`, `90d`) or the calendar month.
 */
import { Problem } from '../problems';

export const CALENDAR_MONTH = 'calendar-month';

/** A parsed SLO window. */
export type ParsedWindow = { kind: 'rolling'; days: number } | { kind: 'calendar-month' };

const ROLLING_PATTERN = /^([1-9]\d{0,3})d$/;

/**
 * Parses an SLO window. Returns a problem (at `path`) for anything else than `Nd` with N a whole
 * number of days from 1 to 9999, or `calendar-month`.
 */
export function parseSloWindow(window: string, path = 'window'): ParsedWindow | Problem {
  if (window === CALENDAR_MONTH) {
    return { kind: 'calendar-month' };
  }
  const match = ROLLING_PATTERN.exec(window);
  if (!match) {
    return {
      path,
      message: `"${window}" is not a window: use a whole number of days such as 28d or 30d, or ${CALENDAR_MONTH}`,
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
 * Length in days of a window as it applies at `at`: a rolling window is always the same, a calendar
 * month has 28 to 31 days.
 */
export function windowDays(window: ParsedWindow, at: Date = new Date()): number {
  return window.kind === 'rolling' ? window.days : daysInMonth(at);
}

/**
 * Length in days used for Prometheus rules, which need one fixed range: a calendar month is
 * evaluated as a rolling 30 days there (range selectors cannot follow month boundaries); the UI
 * shows the exact calendar-month figures with {@link windowDays}.
 */
export function ruleWindowDays(window: ParsedWindow): number {
  return window.kind === 'rolling' ? window.days : 30;
}

/** Start of the window that contains `at`: the first of the month, or `days` before `at`. */
export function windowStart(window: ParsedWindow, at: Date): Date {
  if (window.kind === 'calendar-month') {
    return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  }
  return new Date(at.getTime() - window.days * 86400_000);
}
