/**
 * Addresses of the app's pages that the domain writes into what it generates, such as the links
 * of dashboard panels. The app's router (`src/routing.ts`) builds on these, so a page moves in one
 * place.
 */
import { PLUGIN_BASE_URL, ROUTES } from '../constants';

/** Absolute URL of a top-level route, e.g. `/a/bizowner-slo-app/services`. */
export function prefixRoute(route: ROUTES | string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/** Tabs of a service's page, after the overview. */
export const SERVICE_TABS = { slos: 'slos', onCall: 'oncall', debug: 'debug', cost: 'cost' } as const;

/** URL of one service's page, optionally on a tab (`slos`, `oncall`, `debug`, `cost`). */
export function serviceUrl(serviceId: string, tab?: string): string {
  const base = `${prefixRoute(ROUTES.Services)}/${encodeURIComponent(serviceId)}`;
  return tab ? `${base}/${tab}` : base;
}

/** URL of one SLO's page, e.g. `/a/bizowner-slo-app/slos/checkout-availability`. */
export function sloUrl(sloId: string): string {
  return `${prefixRoute(ROUTES.Slos)}/${encodeURIComponent(sloId)}`;
}

/**
 * URL of a service's page whose id is a Grafana link variable, e.g. `${__data.fields.sloth_service}`:
 * left unencoded so that Grafana fills it in when the link is followed (service ids are slugs).
 */
export function serviceUrlTemplate(idVariable: string, tab?: string): string {
  const base = `${prefixRoute(ROUTES.Services)}/${idVariable}`;
  return tab ? `${base}/${tab}` : base;
}

/**
 * URL of an SLO's page whose id is a Grafana link variable, e.g. `${__data.fields.sloth_id}`: left
 * unencoded so that Grafana fills it in when the link is followed (SLO ids are slugs).
 */
export function sloUrlTemplate(idVariable: string): string {
  return `${prefixRoute(ROUTES.Slos)}/${idVariable}`;
}
