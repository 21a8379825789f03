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

/**
 * Service id → on-call uid, kept between reads: the live values read this for every service of the
 * registry (a 5,000-service registry spent about 10 ms on the uids in each read, while the list was
 * answering its first search). Bounded so that a long session switching between registries does not
 * keep every id it ever saw.
 */
const uidCache = new Map<string, string>();
const UID_CACHE_LIMIT = 50_000;

function cachedOnCallUid(serviceId: string): string {
  let uid = uidCache.get(serviceId);
  if (uid === undefined) {
    if (uidCache.size >= UID_CACHE_LIMIT) {
      uidCache.clear();
    }
    uid = onCallDashboardUid(serviceId);
    uidCache.set(serviceId, uid);
  }
  return uid;
}

/** Ids of the services (of `serviceIds`) whose on-call dashboard is among `hits`, in the given order. */
export function servicesWithSavedDashboards(serviceIds: string[], hits: DashboardSearchHit[]): string[] {
  const saved = new Set(
    hits.filter((hit) => hit.type === undefined || hit.type === 'dash-db').map((hit) => String(hit.uid))
  );
  if (saved.size === 0) {
    return [];
  }
  return serviceIds.filter((id) => saved.has(cachedOnCallUid(id)));
}
