import { SloWindow } from '../model';
import { Problem } from '../problems';
import { Fields, isFields } from '../validation/checker';
import { entityPath } from './migrationReport';
import { fields, SourceDoc, text } from './sourceDoc';

/** An OpenSLO duration: a whole number and a unit (minutes, hours, days, weeks, months, quarters, years). */
const DURATION = /^(\d+)([mhdwMQY])$/;
/** `2024-01-01 00:00:00` (OpenSLO's format) or ISO 8601 with a `T`: the first of a month at midnight. */
const MONTH_START = /^\d{4}-\d{2}-01(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;
/** The time zones in which the app's calendar months start (its budget maths reads months in UTC). */
const UTC_ZONES = ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Z'];

/**
 * Why a calendar window (`isRolling: false`) is not a calendar month as the app measures it, or
 * `undefined` when it is: `1M`, starting on the first of a month at midnight.
 */
function notAMonth(duration: string, calendar: Fields | undefined): string | undefined {
  const match = DURATION.exec(duration);
  if (!match) {
    return `"${duration}" is not an OpenSLO duration such as 1M`;
  }
  if (match[1] !== '1' || match[2] !== 'M') {
    return `the app's calendar windows are calendar months (duration 1M), got ${duration}; use 1M, or a rolling window in days`;
  }
  const start = text(calendar, 'startTime');
  if (start !== undefined && !MONTH_START.test(start.trim())) {
    return `calendar.startTime "${start}" does not start a month: the app's calendar months start on the 1st at 00:00`;
  }
  return undefined;
}

/**
 * The window of an SLO's `spec.timeWindow[0]`: a rolling window in whole days or weeks (weeks count
 * as 7 days), or a calendar window of one month (`duration: 1M, isRolling: false`), which becomes
 * `calendar-month`. Other calendar windows (a quarter, a week, a month from the 15th) are refused
 * with the reason; a time zone other than UTC is imported with a warning, since the app's months
 * start at 00:00 UTC. `undefined` (with a problem) when the window cannot be imported or is absent.
 */
export function convertTimeWindow(
  spec: Fields,
  sloId: string,
  src: SourceDoc,
  problems: Problem[]
): SloWindow | undefined {
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
      return `${Number(match[1]) * (match[2] === 'w' ? 7 : 1)}d`;
    }
    problems.push(
      src.problem(
        path,
        `timeWindow ${JSON.stringify(duration)} is not supported: use a rolling window in days (e.g. 28d) or a 1M calendar window`
      )
    );
    return undefined;
  }
  const calendar = fields(first, 'calendar');
  const why = notAMonth(duration, calendar);
  if (why) {
    problems.push(src.problem(path, `calendar timeWindow cannot be imported: ${why}`));
    return undefined;
  }
  problems.push(...src.unmapped(calendar, ['startTime', 'timeZone'], [...path, 'calendar']));
  src.mapped(path, target, 'a calendar month');
  const zone = text(calendar, 'timeZone');
  if (zone !== undefined && !UTC_ZONES.includes(zone)) {
    problems.push(
      src.drop([...path, 'calendar', 'timeZone'], `timeZone "${zone}": the app's calendar months start at 00:00 UTC`)
    );
  }
  return 'calendar-month';
}
