export { renderAlertmanagerConfig } from './alertmanager';
export {
  buildGrafanaEscalation,
  CONTACT_POINT_UID_PREFIX,
  type GrafanaContactPoint,
  type GrafanaEscalation,
  type GrafanaRoute,
} from './grafana';
export { buildEscalationPlan } from './plan';
export { describePolicyChanges, mergePolicyTree, sameRoute, type PolicyChanges } from './policyTree';
export type { EscalationPlan, Receiver } from './types';
