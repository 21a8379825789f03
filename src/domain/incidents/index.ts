/**
 * Incidents, their response times and the outage policy. The definitions:
 *
 * - **Incident**: a period during which at least one page burn alert of an SLO fired (`burn_tier`
 *   set, `sloth_severity="page"`); periods of one SLO that overlap or lie less than the merge gap
 *   apart (default 10 minutes) are one incident (detect.ts).
 * - **Acknowledgement**: the earliest acknowledgement recorded in the app, or silence covering one
 *   of its alerts, made while the incident was open; one made in the app naming the incident also
 *   counts after its resolution, but not in the MTTA (acknowledge.ts).
 * - **Resolution**: when its last alert stopped firing; open incidents have none.
 * - **MTTA / MTTR**: means over the acknowledged (while open) / resolved incidents of the window;
 *   unacknowledged and open ones are counted apart, never averaged in (summary.ts).
 * - **Budget consumed**: failed events during the incident over those the SLO's period allows;
 *   **revenue at risk**: revenue rate × duration × error ratio (impact.ts, revenue.ts).
 * - **Outage policy**: over 20 % of the period budget requires a postmortem, linked from the service
 *   by the incident's name or start date (postmortem.ts).
 */
export { acknowledgedWhileOpen, acknowledgeIncidents, silenceMatches } from './acknowledge';
export { DEFAULT_MERGE_GAP_MS, detectIncidents, incidentId, isPageBurnAlert } from './detect';
export { BUCKET_MS, eventsDuring, incidentDuration, incidentImpact } from './impact';
export {
  POSTMORTEM_BUDGET_SHARE,
  POSTMORTEM_CHECK_ID,
  incidentDate,
  postmortemLink,
  postmortemState,
  postmortemVerdict,
} from './postmortem';
export {
  budgetInputsQuery,
  eventsRangeMs,
  firingFromForState,
  incidentEventsQuery,
  pageAlertsQuery,
  readBudgetInputs,
  readEventBuckets,
  readRevenue,
  revenueQuery,
  type RawSeries,
} from './queries';
export { assessIncidents, incidentsWithoutPostmortem, type IncidentInputs } from './report';
export { TREND_WEEKS, WEEK_MS, ownerResponses, weeklyStats, type OwnerResponse, type WeekStats } from './response';
export { currencyOf, revenueKpi, type RevenueKpi } from './revenue';
export { incidentStats } from './summary';
export * from './types';
