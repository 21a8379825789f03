/**
 * Incident response per business owner, as the executive page shows it: the owner's figures over
 * the window, the SLO of theirs whose budget incidents used most, and the last weeks one by one,
 * so a falling count or a growing MTTR shows without a chart.
 */
import { incidentStats } from './summary';
import { AssessedIncident, IncidentReport, IncidentStats } from './types';

export const WEEK_MS = 7 * 86_400_000;
/** Weeks in the trend: four fit in a 30-day window. */
export const TREND_WEEKS = 4;

/** Incidents that started in one week, and the MTTR of those resolved. */
export interface WeekStats {
  from: number;
  to: number;
  count: number;
  mttrMs?: number;
}

export interface OwnerResponse {
  /** Person id of the business owner. */
  owner: string;
  serviceIds: string[];
  stats: IncidentStats;
  /** The owner's SLO whose period budget the incidents used most; absent when no share was measured. */
  budget?: { sloId: string; share: number };
  /** The last `weeks` weeks before `to`, oldest first. */
  weeks: WeekStats[];
}

/** The weeks before `to` (Unix ms), oldest first, each with the incidents that started in it. */
export function weeklyStats(incidents: AssessedIncident[], to: number, weeks = TREND_WEEKS): WeekStats[] {
  return Array.from({ length: weeks }, (_, index) => {
    const end = to - (weeks - 1 - index) * WEEK_MS;
    const start = end - WEEK_MS;
    const { count, mttrMs } = incidentStats(
      incidents.filter((incident) => incident.start >= start && incident.start < end)
    );
    return { from: start, to: end, count, ...(mttrMs === undefined ? {} : { mttrMs }) };
  });
}

/** One row per business owner of the report, in its order (by person id). */
export function ownerResponses(report: IncidentReport, weeks = TREND_WEEKS): OwnerResponse[] {
  return report.owners.map(({ owner, serviceIds, stats }) => {
    const shares = report.services
      .filter((service) => serviceIds.includes(service.serviceId))
      .flatMap((service) => service.budget)
      .flatMap((split) => (split.incidents === undefined ? [] : [{ sloId: split.sloId, share: split.incidents }]));
    const budget = shares.reduce<OwnerResponse['budget']>(
      (worst, item) => (worst === undefined || item.share > worst.share ? item : worst),
      undefined
    );
    const own = report.incidents.filter((incident) => serviceIds.includes(incident.serviceId));
    return {
      owner,
      serviceIds,
      stats,
      ...(budget ? { budget } : {}),
      weeks: weeklyStats(own, report.window.to, weeks),
    };
  });
}
