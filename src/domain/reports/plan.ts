/**
 * Which period a report covers for each SLO, and whether it is over. A report of `2026-11` covers
 * November in each SLO's own time zone (UTC by default), so SLOs in different zones have different
 * bounds; the queries are made once per distinct pair of bounds, never once per SLO.
 */
import { CalendarUnit, DEFAULT_TIME_ZONE, parsePeriodName, periodName, previousCalendarPeriod } from '../budget/period';
import { RegistryDocument, Slo } from '../model';

/**
 * How long after its end a period is final: the last hourly tile of the period is recorded up to
 * an hour after the hour it counts (its group runs hourly at an offset of its own), so a report
 * read earlier could still miss it.
 */
export const SETTLE_MS = 3_600_000;

/** SLOs sharing the same bounds of the period. */
export interface BoundsGroup {
  /** `g0`, `g1`, …: names the group's queries. */
  key: string;
  /** The period `[start, end)`, Unix ms. */
  start: number;
  end: number;
  /** Where reading stops: the end, or now for a period still running (whole seconds). */
  readEnd: number;
  sloIds: string[];
}

export interface ReportPlan {
  unit: CalendarUnit;
  period: string;
  now: number;
  /** Whether every SLO's period ended more than {@link SETTLE_MS} ago. */
  ended: boolean;
  groups: BoundsGroup[];
  slos: Slo[];
}

/** The name of the last full month, quarter or week before `now` (UTC): what a report shows first. */
export function defaultPeriodName(unit: CalendarUnit, now: Date): string {
  return periodName(unit, previousCalendarPeriod(unit, now, DEFAULT_TIME_ZONE).start, DEFAULT_TIME_ZONE);
}

/**
 * The plan of the report of `name` (`2026-11`, `2026-Q4`, `2026-W49`) at `now`: each SLO's bounds
 * in its time zone, grouped; or the message of a name that is no period. A period that has not
 * started for any SLO is refused too.
 */
export function planReport(doc: RegistryDocument, name: string, now: number): ReportPlan | { message: string } {
  const parsed = parsePeriodName(name);
  if ('message' in parsed) {
    return parsed;
  }
  if (parsed.period.start.getTime() > now + 14 * 3_600_000) {
    return { message: `${parsed.name} has not started yet` };
  }
  const readAt = Math.floor(now / 1000) * 1000;
  const byBounds = new Map<string, BoundsGroup>();
  for (const slo of doc.slos) {
    const zoned = parsePeriodName(parsed.name, slo.timeZone || DEFAULT_TIME_ZONE);
    if ('message' in zoned) {
      continue;
    }
    const start = zoned.period.start.getTime();
    const end = zoned.period.end.getTime();
    const id = `${start}/${end}`;
    let group = byBounds.get(id);
    if (!group) {
      group = { key: `g${byBounds.size}`, start, end, readEnd: Math.min(end, readAt), sloIds: [] };
      byBounds.set(id, group);
    }
    group.sloIds.push(slo.id);
  }
  const groups = [...byBounds.values()].filter((group) => group.start < readAt);
  const open = new Set(groups.flatMap((group) => group.sloIds));
  const latestEnd = Math.max(parsed.period.end.getTime(), ...groups.map((group) => group.end));
  return {
    unit: parsed.unit,
    period: parsed.name,
    now,
    ended: now >= latestEnd + SETTLE_MS,
    groups,
    slos: doc.slos.filter((slo) => open.has(slo.id)),
  };
}

/** The names of the `count` periods up to the one running at `now` (UTC), newest first. */
export function recentPeriods(unit: CalendarUnit, now: Date, count: number): string[] {
  const names: string[] = [];
  let at = now;
  for (let i = 0; i < count; i++) {
    names.push(periodName(unit, at, DEFAULT_TIME_ZONE));
    at = new Date(previousCalendarPeriod(unit, at, DEFAULT_TIME_ZONE).start.getTime());
  }
  return names;
}
