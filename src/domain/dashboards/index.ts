export { buildCostDashboard } from './cost';
export { buildDebugDashboard } from './debug';
export { buildExecutiveDashboard } from './executive';
export { filterOptions, hasFilters, selectServices, type ExecutiveFilters, type FilterOptions } from './filters';
export { buildOnCallDashboard } from './onCall';
export {
  dashboardDataSources,
  dashboardPanels,
  dashboardQueries,
  queryProblems,
  type DashboardQueryProblem,
  type LocatedQuery,
} from './queries';
export {
  ON_CALL_DASHBOARD_TAGS,
  onCallDashboardUid,
  servicesWithSavedDashboards,
  type DashboardSearchHit,
} from './saved';
export * from './types';
