/**
 * Which services have their generated dashboards saved in Grafana, from the hits of Grafana's
 * dashboard search. A service counts once its on-call dashboard (the one with the runbook links)
 * is saved under the stable uid the app writes, so a hand-made dashboard that merely carries the
 * same tags is not mistaken for it.
 */
import { stableUid } from '../rules/uid';

/** Tags every saved on-call dashboard carries; the search asks for dashboards with all of them. */
export const ON_CALL_DASHBOARD_TAGS = ['business-owner', 'on-call'];

/** The on-call dashboard's uid of a service, as `buildOnCallDashboard` writes it. */
export function onCallDashboardUid(serviceId: string): string {
  return stableUid('oncall', serviceId);
}

/** The fields of a `GET /api/search` hit read here. */
export interface DashboardSearchHit {
  uid?: unknown;
  type?: unknown;
}

/** Ids of the services (of `serviceIds`) whose on-call dashboard is among `hits`, in the given order. */
export function servicesWithSavedDashboards(serviceIds: string[], hits: DashboardSearchHit[]): string[] {
  const saved = new Set(
    hits.filter((hit) => hit.type === undefined || hit.type === 'dash-db').map((hit) => String(hit.uid))
  );
  return serviceIds.filter((id) => saved.has(onCallDashboardUid(id)));
}
