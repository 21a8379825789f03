/**
 * Period reports: per business owner, service and SLO, attainment against the objective, budget
 * spent, worst day, incidents and met or missed over a calendar week, month or quarter.
 */
export { buildReport, hasData, ownerTotals } from './compute';
export { csvCell, reportCsv, reportFileName } from './csv';
export { defaultPeriodName, planReport, recentPeriods, SETTLE_MS, type BoundsGroup, type ReportPlan } from './plan';
export { incidentWindow, reportQueries } from './queries';
export { readReport, type QueryOutcome, type ReportQueryRunner } from './read';
export { isPerson, ownersSignedInAs, withSignOff, type SignedInIdentity } from './signOff';
export * from './types';
