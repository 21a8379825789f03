import { PLUGIN_BASE_URL, ROUTES } from './constants';

/** Absolute URL of a top-level route, e.g. `/a/bizowner-slo-app/services`. */
export function prefixRoute(route: ROUTES | string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/** URL of one service's page, optionally on a tab (`slos`, `oncall`, `debug`, `cost`). */
export function serviceUrl(serviceId: string, tab?: string): string {
  const base = `${prefixRoute(ROUTES.Services)}/${encodeURIComponent(serviceId)}`;
  return tab ? `${base}/${tab}` : base;
}

/** URL of one person's page. */
export function personUrl(personId: string): string {
  return `${prefixRoute(ROUTES.People)}/${encodeURIComponent(personId)}`;
}

/** URL of the SLO editor for an existing SLO, or for a new one when `sloId` is absent. */
export function sloEditUrl(sloId?: string): string {
  return sloId ? `${prefixRoute(ROUTES.Slos)}/${encodeURIComponent(sloId)}/edit` : `${prefixRoute(ROUTES.Slos)}/new`;
}
