export {
  dashboardJsonText,
  renderDashboardJson,
  saveDashboardRequest,
  SCHEMA_VERSION,
  type SaveDashboardRequest,
} from './render';
export { targetJson } from './panel';
