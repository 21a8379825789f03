/**
 * From firing alert series to incidents. An incident is a period during which at least one of an
 * SLO's page burn alerts fired (any tier, any group of a grouped SLO). Periods that overlap, or
 * that follow each other within the merge gap, are one incident: a burn hovering around its
 * threshold resolves and fires again within minutes as the 5-minute short window crosses it, and
 * that is the same outage for whoever was paged.
 */
import { LABEL_BURN_TIER, LABEL_ID, LABEL_SERVICE, LABEL_SLOTH_SEVERITY } from '../rules/names';
import { FiringInterval, FiringSeries, Incident } from './types';

/**
 * Default merge gap: 10 minutes, two short windows (5m) of the page tiers. A page alert that
 * resolves and fires again within it is counted once.
 */
export const DEFAULT_MERGE_GAP_MS = 10 * 60_000;

/**
 * Whether an alert series is a page burn alert of the generated rules: it carries `burn_tier`
 * and `sloth_severity="page"` (the rules write both on every burn alert; `severity` may be set
 * otherwise by an SLO's labels, `sloth_severity` may not).
 */
export function isPageBurnAlert(labels: Record<string, string>): boolean {
  return Boolean(labels[LABEL_BURN_TIER]) && labels[LABEL_SLOTH_SEVERITY] === 'page' && Boolean(labels[LABEL_ID]);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `<slo id>-<yyyymmdd>-<hhmm>`: the SLO and the minute the incident started, in UTC. */
export function incidentId(sloId: string, start: number): string {
  const date = new Date(start);
  const day = `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
  return `${sloId}-${day}-${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}`;
}

interface Period extends FiringInterval {
  labels: Record<string, string>;
}

function endOf(period: FiringInterval): number {
  return period.end ?? Infinity;
}

function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((name) => [name, labels[name]])
  );
}

function toIncident(sloId: string, serviceId: string, periods: Period[]): Incident {
  const start = periods[0].start;
  const end = Math.max(...periods.map(endOf));
  const alerts = new Map(periods.map((period) => [labelKey(period.labels), period.labels]));
  const tiers = [...new Set(periods.map((period) => period.labels[LABEL_BURN_TIER]))].sort();
  return {
    id: incidentId(sloId, start),
    sloId,
    serviceId,
    start,
    ...(end === Infinity ? {} : { end }),
    alerts: [...alerts.values()],
    tiers,
  };
}

export interface DetectOptions {
  /** Firing periods of one SLO less than this apart are one incident; default 10 minutes. */
  mergeGapMs?: number;
  /** The service of an SLO from the registry; the alert's `sloth_service` otherwise. */
  serviceOf?: (sloId: string) => string | undefined;
}

/** Merges one SLO's periods, sorted by start, into incidents. */
function mergePeriods(periods: Period[], gap: number): Period[][] {
  const groups: Period[][] = [];
  let end = -Infinity;
  for (const period of periods) {
    const current = groups[groups.length - 1];
    if (current && period.start <= end + gap) {
      current.push(period);
      end = Math.max(end, endOf(period));
    } else {
      groups.push([period]);
      end = endOf(period);
    }
  }
  return groups;
}

/**
 * The incidents of the page burn alerts among `series`, oldest first. Series of other alerts are
 * ignored, so the whole `ALERTS_FOR_STATE` or state history of a Grafana can be passed in.
 */
export function detectIncidents(series: FiringSeries[], options: DetectOptions = {}): Incident[] {
  const gap = options.mergeGapMs ?? DEFAULT_MERGE_GAP_MS;
  const bySlo = new Map<string, Period[]>();
  for (const { labels, intervals } of series) {
    if (!isPageBurnAlert(labels)) {
      continue;
    }
    const periods = bySlo.get(labels[LABEL_ID]) ?? [];
    periods.push(...intervals.map((interval) => ({ ...interval, labels })));
    bySlo.set(labels[LABEL_ID], periods);
  }
  const incidents: Incident[] = [];
  for (const [sloId, periods] of bySlo) {
    periods.sort((a, b) => a.start - b.start || endOf(a) - endOf(b));
    const serviceId = options.serviceOf?.(sloId) ?? periods[0].labels[LABEL_SERVICE] ?? '';
    incidents.push(...mergePeriods(periods, gap).map((group) => toIncident(sloId, serviceId, group)));
  }
  return incidents.sort((a, b) => a.start - b.start || a.sloId.localeCompare(b.sloId));
}
