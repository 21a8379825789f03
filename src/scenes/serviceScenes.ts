/**
 * The scenes of a service's dashboards, built from the registry on each visit: on-call, debug and
 * cost. Each renders the same neutral model as the exported JSON.
 */
import { EmbeddedScene } from '@grafana/scenes';
import { buildCostDashboard, buildDebugDashboard, buildOnCallDashboard } from '../domain/dashboards';
import { RegistryDocument } from '../domain/model';
import { buildDashboardScene } from './dashboardScene';

/** The on-call view of `serviceId`: live SLIs, burn per alert window, alerts, deploys, runbooks. */
export function getOnCallScene(doc: RegistryDocument, serviceId: string): EmbeddedScene {
  return buildDashboardScene(buildOnCallDashboard(doc, serviceId), doc.settings).scene;
}

/** The debug view of `serviceId`: logs, pods, latency and dependencies. */
export function getDebugScene(doc: RegistryDocument, serviceId: string): EmbeddedScene {
  return buildDashboardScene(buildDebugDashboard(doc, serviceId), doc.settings).scene;
}

/** The cost view of `serviceId`: spend over time and per cost tag, per request and per good event. */
export function getCostScene(doc: RegistryDocument, serviceId: string): EmbeddedScene {
  return buildDashboardScene(buildCostDashboard(doc, serviceId), doc.settings).scene;
}
