/**
 * Budget adjustments as the registry records them on a service (`budgetPolicy.adjustments`): which
 * SLOs one covers, whether the business owner approved it, when its windows fall, and how it reads
 * in one line. Only approved adjustments change the adjusted budget, the rules and the alerts.
 */
import { zoneOffsetMs, wallTime } from '../budget/period';
import { AdjustmentKind, BudgetAdjustment, Person, RegistryDocument, Service, Weekday } from '../model';
import { parsePromDuration } from '../query/duration';

/** How each kind of adjustment reads in a sentence. */
export const ADJUSTMENT_KIND_TEXT: Record<AdjustmentKind, string> = {
  maintenance: 'maintenance',
  knownCause: 'known cause',
  dependency: 'dependency',
};

/** Short English names of `day_of_week` numbers, Sunday 0. */
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  0: 'Sun',
  1: 'Mon',
  2: 'Tue',
  3: 'Wed',
  4: 'Thu',
  5: 'Fri',
  6: 'Sat',
};

/** A half-open window of time in epoch ms, `[start, end)`. */
export interface AdjustmentWindow {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether the business owner approved it: only then does it take effect. */
export function isApproved(adjustment: BudgetAdjustment): boolean {
  return adjustment.approval !== undefined;
}

/** Whether the adjustment covers the SLO: every SLO of its service when it names none. */
export function adjustmentCoversSlo(adjustment: BudgetAdjustment, sloId: string): boolean {
  return !adjustment.sloIds?.length || adjustment.sloIds.includes(sloId);
}

/** The adjustments of the SLO's service that cover it, pending ones included, in recorded order. */
export function sloAdjustments(doc: Pick<RegistryDocument, 'services' | 'slos'>, sloId: string): BudgetAdjustment[] {
  const slo = doc.slos.find((candidate) => candidate.id === sloId);
  const service = slo && doc.services.find((candidate) => candidate.id === slo.serviceId);
  return (service?.budgetPolicy?.adjustments ?? []).filter((adjustment) => adjustmentCoversSlo(adjustment, sloId));
}

/** The approved adjustments that cover the SLO: those the adjusted budget leaves out. */
export function approvedAdjustments(doc: RegistryDocument, sloId: string): BudgetAdjustment[] {
  return sloAdjustments(doc, sloId).filter(isApproved);
}

/** `HH:MM` as minutes after midnight, or `undefined` when it is no such time. */
export function startMinutes(start: string): number | undefined {
  const match = START_TIME.exec(start);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The instant at which the wall clock of `timeZone` shows the given local date and minute. */
function localInstant(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const first = guess - zoneOffsetMs(timeZone, new Date(guess));
  return guess - zoneOffsetMs(timeZone, new Date(first));
}

/**
 * The adjustment's windows that overlap `[from, to)` (epoch ms), earliest first: the one-off
 * window, or each weekly occurrence at its local start time in its time zone (daylight saving
 * moves it with the local clock). An adjustment with unreadable times has none.
 */
export function adjustmentWindows(adjustment: BudgetAdjustment, from: number, to: number): AdjustmentWindow[] {
  const { recurrence } = adjustment;
  if (!recurrence) {
    const start = Date.parse(adjustment.start ?? '');
    const end = Date.parse(adjustment.end ?? '');
    return start < to && end > from ? [{ start, end }] : [];
  }
  const duration = parsePromDuration(recurrence.duration);
  const minutes = startMinutes(recurrence.start);
  if (duration === undefined || minutes === undefined) {
    return [];
  }
  const first = wallTime(new Date(from - duration - DAY_MS), recurrence.timeZone);
  const windows: AdjustmentWindow[] = [];
  for (let offset = 0; ; offset++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
    const start = localInstant(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      minutes,
      recurrence.timeZone
    );
    if (start >= to) {
      return windows;
    }
    const weekday = date.getUTCDay() as Weekday;
    if (recurrence.weekdays.includes(weekday) && start + duration > from) {
      windows.push({ start, end: start + duration });
    }
  }
}

/** Whether one of the adjustment's windows holds `at` (epoch ms). */
export function isInWindow(adjustment: BudgetAdjustment, at: number): boolean {
  return adjustmentWindows(adjustment, at, at + 1).length > 0;
}

/** An ISO 8601 time to the minute in UTC, `2026-11-27 10:00 UTC`. */
function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * When the adjustment applies, in one line: `2026-11-27 10:00 UTC to 2026-11-27 12:00 UTC`, or
 * `every Sun, Wed at 02:00 for 2h (Europe/Berlin)`.
 */
export function describeSchedule(adjustment: BudgetAdjustment): string {
  const { recurrence } = adjustment;
  if (recurrence) {
    const days = [...recurrence.weekdays]
      .sort((a, b) => a - b)
      .map((day) => WEEKDAY_NAMES[day])
      .join(', ');
    return `every ${days} at ${recurrence.start} for ${recurrence.duration} (${recurrence.timeZone})`;
  }
  return `${utcMinute(Date.parse(adjustment.start ?? ''))} to ${utcMinute(Date.parse(adjustment.end ?? ''))}`;
}

/** `maintenance: Database upgrade CHG-311`. */
export function describeAdjustment(adjustment: BudgetAdjustment): string {
  return `${ADJUSTMENT_KIND_TEXT[adjustment.kind]}: ${adjustment.reason}`;
}

/** The signed-in user as Grafana knows them: a login and, when known, an email. */
export interface SignedInUser {
  login: string;
  email?: string;
}

/** The service's business owner, as a person of the registry. */
export function businessOwnerOf(service: Service, people: Person[]): Person | undefined {
  return people.find((person) => person.id === service.owners.businessOwner);
}

/**
 * Whether the signed-in user is the service's business owner: their login is the owner's person
 * id, or their email the owner's email (case aside). Only they approve its adjustments.
 */
export function isBusinessOwner(user: SignedInUser, service: Service, people: Person[]): boolean {
  const owner = businessOwnerOf(service, people);
  if (!owner) {
    return false;
  }
  const email = user.email?.trim().toLowerCase();
  return user.login === owner.id || (email !== undefined && email !== '' && email === owner.email.toLowerCase());
}
