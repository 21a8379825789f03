/**
 * What an incident cost, from the SLO's recorded 5-minute increases:
 *
 * - **Failed events**: the errors of the 5-minute spans that overlap the incident, from its start
 *   to its resolution (or the read time while open). At 5-minute granularity this counts from up to
 *   5 minutes before the first page to up to 5 minutes after the resolution.
 * - **Budget consumed**: those failed events divided by the failed events the objective allows
 *   over the SLO's period, `(1 − objective) × events of the period` (the caller reads the period's
 *   events from the hourly tiles). 0.2 means a fifth of the period's budget.
 * - **Revenue at risk**: the service's revenue rate (its revenue KPI, see revenue.ts) × the
 *   incident's duration × its error ratio (failed over all events during it): the revenue of the
 *   share of traffic that failed, at the typical rate. Absent without a revenue KPI or events.
 */
import { BASE_WINDOW } from '../rules/names';
import { windowSeconds } from '../windows/windows';
import { EventBucket, Incident, IncidentImpact, RevenueRate, SloBudgetInput } from './types';

/** The span of one recorded increase: 5 minutes. */
export const BUCKET_MS = windowSeconds(BASE_WINDOW) * 1000;

/** Errors and events of the buckets whose 5-minute span overlaps [start, end]. */
export function eventsDuring(
  buckets: EventBucket[],
  start: number,
  end: number
): { errors: number; total: number } | undefined {
  const inside = buckets.filter((bucket) => bucket.end > start && bucket.end - BUCKET_MS < end);
  if (inside.length === 0) {
    return undefined;
  }
  return inside.reduce((sum, bucket) => ({ errors: sum.errors + bucket.errors, total: sum.total + bucket.total }), {
    errors: 0,
    total: 0,
  });
}

/** Duration up to the resolution, or up to `now` while open. */
export function incidentDuration(incident: Incident, now: number): number {
  return Math.max(0, (incident.end ?? now) - incident.start);
}

export interface ImpactInputs {
  /** The SLO's 5-minute increases; absent when it records none (freeform SLIs) or they were not read. */
  buckets?: EventBucket[];
  budget?: SloBudgetInput;
  revenue?: RevenueRate;
  /** The read time: the end of an open incident. */
  now: number;
}

/** The failed events, budget used and revenue at risk of one incident, as far as the inputs allow. */
export function incidentImpact(incident: Incident, inputs: ImpactInputs): IncidentImpact {
  const events = inputs.buckets ? eventsDuring(inputs.buckets, incident.start, incident.end ?? inputs.now) : undefined;
  if (!events) {
    return {};
  }
  const impact: IncidentImpact = { failedEvents: events.errors, totalEvents: events.total };
  if (events.total > 0) {
    impact.errorRatio = events.errors / events.total;
  }
  const allowed = inputs.budget?.periodAllowedFailures;
  if (allowed !== undefined && allowed > 0) {
    impact.budgetConsumed = events.errors / allowed;
  }
  if (inputs.revenue && impact.errorRatio !== undefined) {
    const seconds = incidentDuration(incident, inputs.now) / 1000;
    impact.revenueAtRisk = {
      amount: inputs.revenue.perSecond * seconds * impact.errorRatio,
      currency: inputs.revenue.currency,
    };
  }
  return impact;
}
