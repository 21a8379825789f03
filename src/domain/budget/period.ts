/**
 * Calendar periods in a time zone: the week (ISO, from Monday), month or quarter that holds an
 * instant, as the half-open UTC interval [start, end), and their names (`2026-W49`, `2026-11`,
 * `2026-Q4`). Time zones are IANA names (`Europe/Berlin`), read through `Intl`, so daylight saving
 * moves the boundaries as it moves local midnight.
 */

export type CalendarUnit = 'week' | 'month' | 'quarter';

export const CALENDAR_UNITS: readonly CalendarUnit[] = ['week', 'month', 'quarter'];

/** A half-open interval of time, `[start, end)`. */
export interface Period {
  start: Date;
  end: Date;
}

export const DEFAULT_TIME_ZONE = 'UTC';

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let known = formatters.get(timeZone);
  if (!known) {
    known = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, known);
  }
  return known;
}

/** Whether `timeZone` is an IANA time zone this runtime knows (`UTC`, `Europe/Berlin`, …). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone !== timeZone.trim()) {
    return false;
  }
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in `timeZone` at `at`. */
export function wallTime(at: Date, timeZone = DEFAULT_TIME_ZONE): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Offset of `timeZone` from UTC at `at`, in milliseconds (Berlin in winter: 3,600,000). */
export function zoneOffsetMs(timeZone: string, at: Date): number {
  const wall = wallTime(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of local midnight starting `year-month-day` in `timeZone` (month 1–12; days may overflow). */
export function localMidnight(year: number, month: number, day: number, timeZone = DEFAULT_TIME_ZONE): Date {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - zoneOffsetMs(timeZone, new Date(guess));
  const second = guess - zoneOffsetMs(timeZone, new Date(first));
  return new Date(second);
}

/** Day of the week of a wall date, Monday 0 to Sunday 6. */
function isoWeekday(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The calendar week, month or quarter in `timeZone` that holds `at`. */
export function calendarPeriod(unit: CalendarUnit, at: Date, timeZone = DEFAULT_TIME_ZONE): Period {
  const { year, month, day } = wallTime(at, timeZone);
  if (unit === 'week') {
    const monday = day - isoWeekday(year, month, day);
    return {
      start: localMidnight(year, month, monday, timeZone),
      end: localMidnight(year, month, monday + 7, timeZone),
    };
  }
  const months = unit === 'month' ? 1 : 3;
  const first = unit === 'month' ? month : month - ((month - 1) % 3);
  return {
    start: localMidnight(year, first, 1, timeZone),
    end: localMidnight(year, first + months, 1, timeZone),
  };
}

/** The period before the one that holds `at`. */
export function previousCalendarPeriod(unit: CalendarUnit, at: Date, timeZone = DEFAULT_TIME_ZONE): Period {
  const current = calendarPeriod(unit, at, timeZone);
  return calendarPeriod(unit, new Date(current.start.getTime() - 1), timeZone);
}

/** Length of a period in days, rounded to whole days (a month of 31 days with a daylight-saving change is 31). */
export function periodDays(period: Period): number {
  return Math.round((period.end.getTime() - period.start.getTime()) / DAY_MS);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** ISO week-numbering year and week of a wall date. */
function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const thursday = new Date(date.getTime() + (3 - isoWeekday(year, month, day)) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const firstThursday = Date.UTC(weekYear, 0, 1) + ((3 - isoWeekday(weekYear, 1, 1) + 7) % 7) * DAY_MS;
  return { year: weekYear, week: Math.round((thursday.getTime() - firstThursday) / (7 * DAY_MS)) + 1 };
}

/** The name of the period that holds `at`: `2026-11`, `2026-Q4` or `2026-W49` (ISO week). */
export function periodName(unit: CalendarUnit, at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const start = wallTime(calendarPeriod(unit, at, timeZone).start, timeZone);
  if (unit === 'month') {
    return `${start.year}-${pad(start.month)}`;
  }
  if (unit === 'quarter') {
    return `${start.year}-Q${Math.floor((start.month - 1) / 3) + 1}`;
  }
  const { year, week } = isoWeek(start.year, start.month, start.day);
  return `${year}-W${pad(week)}`;
}

const MONTH_NAME = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_NAME = /^(\d{4})-Q([1-4])$/;
const WEEK_NAME = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

/**
 * The period a name stands for (`2026-11`, `2026-Q4`, `2026-W49`) in `timeZone`, or a message
 * saying which forms are accepted.
 */
export function parsePeriodName(
  name: string,
  timeZone = DEFAULT_TIME_ZONE
): { unit: CalendarUnit; name: string; period: Period } | { message: string } {
  const trimmed = name.trim();
  const month = MONTH_NAME.exec(trimmed);
  if (month) {
    const period = calendarPeriod('month', localMidnight(Number(month[1]), Number(month[2]), 1, timeZone), timeZone);
    return { unit: 'month', name: trimmed, period };
  }
  const quarter = QUARTER_NAME.exec(trimmed);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const period = calendarPeriod('quarter', localMidnight(Number(quarter[1]), first, 1, timeZone), timeZone);
    return { unit: 'quarter', name: trimmed, period };
  }
  const week = WEEK_NAME.exec(trimmed);
  if (week) {
    const year = Number(week[1]);
    // ISO week 1 holds 4 January.
    const jan4 = isoWeekday(year, 1, 4);
    const day = 4 - jan4 + (Number(week[2]) - 1) * 7;
    const period = calendarPeriod('week', localMidnight(year, 1, day, timeZone), timeZone);
    if (periodName('week', period.start, timeZone) !== trimmed) {
      return { message: `${trimmed} is not a week of ${year}: that year has 52 weeks` };
    }
    return { unit: 'week', name: trimmed, period };
  }
  return {
    message: `"${name}" is not a period: use a month such as 2026-11, a quarter such as 2026-Q4 or an ISO week such as 2026-W49`,
  };
}

/**
 * The months (1–12) whose first day starts on daylight-saving time in `timeZone`, and how far the
 * clocks move then, from the year that holds `at`: what the rules need to place month boundaries
 * at local midnight all year with PromQL's UTC date functions (rules/calendar.ts).
 */
export function daylightSavingMonths(
  timeZone: string,
  at: Date
): { months: number[]; shiftMs: number; standardMs: number } {
  const year = wallTime(at, timeZone).year;
  const offsets = Array.from({ length: 12 }, (_, index) =>
    zoneOffsetMs(timeZone, localMidnight(year, index + 1, 1, timeZone))
  );
  const standardMs = Math.min(...offsets);
  const shiftMs = Math.max(...offsets) - standardMs;
  const months = shiftMs === 0 ? [] : offsets.flatMap((offset, index) => (offset === standardMs ? [] : [index + 1]));
  return { months, shiftMs, standardMs };
}
