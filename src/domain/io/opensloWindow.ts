import { CalendarUnit, isTimeZone } from '../budget/period';
import { calendarWindowName } from '../budget/window';
import { SloWindow } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { entityPath } from './migrationReport';
import { fields, SourceDoc, text } from './sourceDoc';

/** An OpenSLO duration: a whole number and a unit (minutes, hours, days, weeks, months, quarters, years). */
const DURATION = /^(\d+)([mhdwMQY])$/;
/** `2024-01-01 00:00:00` (OpenSLO's format) or ISO 8601 with a `T`, at midnight: year, month, day. */
const START_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;
/** Zones that are UTC under another name. */
const UTC_ZONES = ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z'];

const UNITS: Record<string, CalendarUnit> = { w: 'week', M: 'month', Q: 'quarter' };
const UNIT_START: Record<CalendarUnit, string> = {
  week: 'a week starts on Monday at 00:00',
  month: 'a month starts on the 1st at 00:00',
  quarter: 'a quarter starts on 1 January, April, July or October at 00:00',
};

/**
 * The calendar unit of a calendar window (`isRolling: false`): one week (`1w`, ISO weeks from
 * Monday), month (`1M`) or quarter (`1Q`), starting where such periods start; or why not.
 */
function calendarUnit(duration: string, calendar: Fields | undefined): CalendarUnit | { why: string } {
  const match = DURATION.exec(duration);
  if (!match) {
    return { why: `"${duration}" is not an OpenSLO duration such as 1M` };
  }
  const unit = UNITS[match[2]];
  if (match[1] !== '1' || !unit) {
    return {
      why: `the app's calendar windows are one week (1w), month (1M) or quarter (1Q), got ${duration}; use one of those, or a rolling window in days`,
    };
  }
  const start = text(calendar, 'startTime');
  if (start === undefined) {
    return unit;
  }
  const date = START_TIME.exec(start.trim());
  const [year, month, day] = date ? [Number(date[1]), Number(date[2]), Number(date[3])] : [0, 0, 0];
  const starts =
    date !== null &&
    (unit === 'week'
      ? new Date(Date.UTC(year, month - 1, day)).getUTCDay() === 1
      : day === 1 && (unit === 'month' || (month - 1) % 3 === 0));
  return starts ? unit : { why: `calendar.startTime "${start}" does not start a ${unit}: ${UNIT_START[unit]}` };
}

/**
 * The window of an SLO's `spec.timeWindow[0]`: a rolling window in whole days or weeks (weeks count
 * as 7 days), or a calendar window of one week, month or quarter (`duration: 1M, isRolling: false`),
 * which becomes `calendar-week`, `calendar-month` or `calendar-quarter`, with the calendar's time
 * zone. Other calendar windows (two months, a month from the 15th) are refused with the reason; a
 * time zone this runtime does not know is dropped with a warning (the periods then start at 00:00
 * UTC). `undefined` (with a problem) when the window cannot be imported or is absent.
 */
export function convertTimeWindow(
  spec: Fields,
  sloId: string,
  src: SourceDoc,
  problems: Problem[]
): { window: SloWindow; timeZone?: string } | undefined {
  const windows = Array.isArray(spec.timeWindow) ? spec.timeWindow : [];
  const first = isFields(windows[0]) ? windows[0] : undefined;
  if (!first) {
    return undefined;
  }
  const path = ['spec', 'timeWindow', 0];
  const target = entityPath('slos', sloId, 'window');
  windows.slice(1).forEach((_, index) => {
    const reason = `time window ${index + 2} of ${windows.length}: an SLO has one window`;
    problems.push(src.drop(['spec', 'timeWindow', index + 1], reason));
  });
  problems.push(...src.unmapped(first, ['duration', 'isRolling', 'calendar'], path));
  const duration = text(first, 'duration') ?? '';
  if (first.isRolling === true) {
    const match = DURATION.exec(duration);
    if (match && (match[2] === 'd' || match[2] === 'w')) {
      src.mapped(path, target, 'a rolling window');
      return { window: `${Number(match[1]) * (match[2] === 'w' ? 7 : 1)}d` };
    }
    problems.push(
      src.problem(
        path,
        `timeWindow ${JSON.stringify(duration)} is not supported: use a rolling window in days (e.g. 28d) or a 1w, 1M or 1Q calendar window`
      )
    );
    return undefined;
  }
  const calendar = fields(first, 'calendar');
  const unit = calendarUnit(duration, calendar);
  if (typeof unit !== 'string') {
    problems.push(src.problem(path, `calendar timeWindow cannot be imported: ${unit.why}`));
    return undefined;
  }
  problems.push(...src.unmapped(calendar, ['startTime', 'timeZone'], [...path, 'calendar']));
  src.mapped(path, target, `a calendar ${unit}`);
  const window = calendarWindowName(unit);
  const zone = text(calendar, 'timeZone');
  if (zone === undefined || UTC_ZONES.includes(zone)) {
    return { window };
  }
  if (!isTimeZone(zone)) {
    problems.push(
      src.drop(
        [...path, 'calendar', 'timeZone'],
        `timeZone "${zone}" is not an IANA time zone: the periods start at 00:00 UTC`
      )
    );
    return { window };
  }
  src.mapped([...path, 'calendar', 'timeZone'], entityPath('slos', sloId, 'timeZone'), 'the SLO time zone');
  return { window, timeZone: zone };
}
