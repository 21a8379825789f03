/**
 * Checks of a service's budget adjustments (`budgetPolicy.adjustments`): each one-off window ends
 * after it starts, each weekly one lasts more than zero and at most a week in a known time zone,
 * and adjustments that overlap for the same SLO are allowed but warned about.
 */
import { adjustmentCoversSlo, adjustmentWindows, startMinutes } from '../adjustments/adjustments';
import { isTimeZone } from '../budget/period';
import { ADJUSTMENT_KINDS, BudgetAdjustment } from '../model';
import { parsePromDuration } from '../query/duration';
import { at, Checker, Fields, isFields, shown } from './checker';
import { checkDuplicateIds } from './context';
import { checkId } from './formats';
import { checkTime } from './servicePolicy';

const WEEK_MS = 7 * 86_400_000;
/** How far ahead two weekly adjustments are compared for overlaps: two weeks hold every pairing. */
const OVERLAP_SPAN_MS = 2 * WEEK_MS;

function checkWeekdays(c: Checker, recurrence: Fields, path: string): void {
  const weekdays = c.list(recurrence, 'weekdays', path, true);
  if (Array.isArray(recurrence.weekdays) && weekdays.length === 0) {
    c.add(at(path, 'weekdays'), 'weekdays must name at least one day (0 Sunday to 6 Saturday)');
  }
  const seen = new Set<unknown>();
  weekdays.forEach((day, index) => {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 0 || day > 6) {
      c.add(at(at(path, 'weekdays'), index), `weekdays entries must be 0 (Sunday) to 6 (Saturday), got ${shown(day)}`);
    } else if (seen.has(day)) {
      c.add(at(at(path, 'weekdays'), index), `weekday ${day} is listed twice`);
    }
    seen.add(day);
  });
}

function checkRecurrence(c: Checker, recurrence: Fields, path: string): void {
  checkWeekdays(c, recurrence, path);
  const start = c.string(recurrence, 'start', path, true);
  if (start !== undefined && start.trim() !== '' && startMinutes(start) === undefined) {
    c.add(at(path, 'start'), `start must be a local time HH:MM such as "02:00", got ${JSON.stringify(start)}`);
  }
  const duration = c.string(recurrence, 'duration', path, true);
  if (duration !== undefined && duration.trim() !== '') {
    const ms = parsePromDuration(duration);
    if (ms === undefined || ms > WEEK_MS) {
      c.add(
        at(path, 'duration'),
        `duration must be a Prometheus duration more than zero and at most a week (7d), such as "2h", got ${JSON.stringify(duration)}`
      );
    }
  }
  const timeZone = c.string(recurrence, 'timeZone', path, true);
  if (timeZone !== undefined && timeZone.trim() !== '' && !isTimeZone(timeZone)) {
    c.add(
      at(path, 'timeZone'),
      `timeZone must be an IANA time zone such as "Europe/Berlin" or "UTC", got ${JSON.stringify(timeZone)}`
    );
  }
}

function checkWindow(c: Checker, adjustment: Fields, path: string): void {
  const recurrence = c.object(adjustment, 'recurrence', path);
  if (recurrence) {
    if (adjustment.start !== undefined || adjustment.end !== undefined) {
      c.add(
        at(path, 'recurrence'),
        'an adjustment is either one-off (start and end) or weekly (recurrence), not both: remove start and end or the recurrence'
      );
    }
    checkRecurrence(c, recurrence, at(path, 'recurrence'));
    return;
  }
  const start = checkTime(c, adjustment, 'start', path);
  const end = checkTime(c, adjustment, 'end', path);
  if (start !== undefined && end !== undefined && end <= start) {
    c.add(
      at(path, 'end'),
      `end must be after start (${String(adjustment.start)}): a window lasts from its start to its end; swap them or correct the date`
    );
  }
}

function checkAdjustment(c: Checker, adjustment: unknown, path: string): void {
  if (!isFields(adjustment)) {
    c.add(
      path,
      `an adjustment must be an object with id, kind, reason, start and end or recurrence, silenceAlerts, by and at, got ${shown(adjustment)}`
    );
    return;
  }
  checkId(c, adjustment, path, 'db-upgrade');
  c.oneOf(adjustment, 'kind', path, ADJUSTMENT_KINDS, true);
  c.string(adjustment, 'reason', path, true);
  checkWindow(c, adjustment, path);
  c.list(adjustment, 'sloIds', path).forEach((id, index) => {
    if (typeof id !== 'string' || id.trim() === '') {
      c.add(at(at(path, 'sloIds'), index), `sloIds entries must be SLO ids of the service, got ${shown(id)}`);
    }
  });
  c.boolean(adjustment, 'silenceAlerts', path, true);
  c.string(adjustment, 'by', path, true);
  checkTime(c, adjustment, 'at', path);
  const approval = c.object(adjustment, 'approval', path);
  if (approval) {
    c.string(approval, 'by', at(path, 'approval'), true);
    checkTime(c, approval, 'at', at(path, 'approval'));
  }
}

/** Whether two adjustments cover at least one SLO in common. */
function shareSlo(a: BudgetAdjustment, b: BudgetAdjustment): boolean {
  if (!a.sloIds?.length || !b.sloIds?.length) {
    return true;
  }
  return a.sloIds.some((id) => adjustmentCoversSlo(b, id));
}

/** The span over which two adjustments are compared: a one-off's own window, else two weeks from the later record. */
function comparedSpan(a: BudgetAdjustment, b: BudgetAdjustment): { from: number; to: number } {
  const oneOff = [a, b].find((adjustment) => !adjustment.recurrence);
  if (oneOff) {
    return { from: Date.parse(oneOff.start ?? ''), to: Date.parse(oneOff.end ?? '') };
  }
  const from = Math.max(Date.parse(a.at), Date.parse(b.at));
  return { from, to: from + OVERLAP_SPAN_MS };
}

function overlap(a: BudgetAdjustment, b: BudgetAdjustment): boolean {
  const { from, to } = comparedSpan(a, b);
  if (Number.isNaN(from) || Number.isNaN(to)) {
    return false;
  }
  const theirs = adjustmentWindows(b, from, to);
  return adjustmentWindows(a, from, to).some((mine) =>
    theirs.some((other) => mine.start < other.end && other.start < mine.end)
  );
}

/** Warns about each adjustment whose windows overlap an earlier one's for an SLO they share. */
function checkOverlaps(c: Checker, adjustments: unknown[], path: string): void {
  const valid = new Checker();
  adjustments.forEach((adjustment, index) => checkAdjustment(valid, adjustment, at(path, index)));
  if (valid.problems.length > 0) {
    return;
  }
  const typed = adjustments as BudgetAdjustment[];
  typed.forEach((adjustment, index) => {
    const earlier = typed.slice(0, index).find((other) => shareSlo(adjustment, other) && overlap(adjustment, other));
    if (earlier) {
      c.add(
        at(path, index),
        `overlaps adjustment "${earlier.id}" for the same SLO: allowed, and the time they share is left out once`,
        'warning'
      );
    }
  });
}

/** Checks a service's optional `budgetPolicy.adjustments`, each at `budgetPolicy.adjustments[i]`. */
export function checkAdjustments(c: Checker, service: Fields, path: string): void {
  if (!isFields(service.budgetPolicy)) {
    return;
  }
  const where = at(at(path, 'budgetPolicy'), 'adjustments');
  const adjustments = c.list(service.budgetPolicy, 'adjustments', at(path, 'budgetPolicy'));
  adjustments.forEach((adjustment, index) => checkAdjustment(c, adjustment, at(where, index)));
  checkDuplicateIds(c, adjustments, where, 'adjustment');
  checkOverlaps(c, adjustments, where);
}
