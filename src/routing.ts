import { ROUTES } from './constants';
import { prefixRoute, serviceUrl, sloUrl } from './domain/urls';

// The addresses the domain also writes (into dashboard links) are built there, once.
export { prefixRoute, SERVICE_TABS, serviceUrl, serviceUrlTemplate, sloUrl } from './domain/urls';

/** Path of the standalone on-call view, outside the service page's tabs. */
export const ONCALL_ROUTE = 'oncall';

/** URL of a service's standalone on-call view, e.g. `/a/bizowner-slo-app/oncall/checkout`. */
export function onCallUrl(serviceId: string): string {
  return `${prefixRoute(ONCALL_ROUTE)}/${encodeURIComponent(serviceId)}`;
}

/** URL of one person's page. */
export function personUrl(personId: string): string {
  return `${prefixRoute(ROUTES.People)}/${encodeURIComponent(personId)}`;
}

/** URL of the SLO editor for an existing SLO, or for a new one when `sloId` is absent. */
export function sloEditUrl(sloId?: string): string {
  return sloId ? `${sloUrl(sloId)}/${SUB_ROUTES.edit}` : `${prefixRoute(ROUTES.Slos)}/${SUB_ROUTES.create}`;
}

/** URL of the SLO list, with query parameters (e.g. `{ status: 'burning' }`). */
export function slosUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${prefixRoute(ROUTES.Slos)}?${query}` : prefixRoute(ROUTES.Slos);
}

/** Query parameter of the new-SLO editor naming the SLO to start from (duplicate). */
export const COPY_OF_PARAM = 'copyOf';

/** URL of the editor for a new SLO that starts as a copy of `sloId`. */
export function sloDuplicateUrl(sloId: string): string {
  return `${sloEditUrl()}?${new URLSearchParams({ [COPY_OF_PARAM]: sloId }).toString()}`;
}

/** Path segments under the services and people pages. */
export const SUB_ROUTES = { create: 'new', edit: 'edit', import: 'import' } as const;

/** URL of the services list, with query parameters (e.g. `{ owner: '_none' }`). */
export function servicesUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${prefixRoute(ROUTES.Services)}?${query}` : prefixRoute(ROUTES.Services);
}

/** URL of the form that creates a service. */
export function serviceCreateUrl(): string {
  return `${prefixRoute(ROUTES.Services)}/${SUB_ROUTES.create}`;
}

/** URL of the form that edits a service. */
export function serviceEditUrl(serviceId: string): string {
  return `${serviceUrl(serviceId)}/${SUB_ROUTES.edit}`;
}

/** URL of the Backstage / OpenSLO import page. */
export function servicesImportUrl(): string {
  return `${prefixRoute(ROUTES.Services)}/${SUB_ROUTES.import}`;
}

/** URL of the form that creates a person. */
export function personCreateUrl(): string {
  return `${prefixRoute(ROUTES.People)}/${SUB_ROUTES.create}`;
}

/** URL of the form that edits a person. */
export function personEditUrl(personId: string): string {
  return `${personUrl(personId)}/${SUB_ROUTES.edit}`;
}

/** Grafana Explore with one PromQL query on the given data source, over the last hour. */
export function exploreUrl(datasource: { uid: string; type?: string }, expr: string): string {
  const pane = {
    datasource: datasource.uid,
    queries: [{ refId: 'A', expr, datasource: { uid: datasource.uid, type: datasource.type ?? 'prometheus' } }],
    range: { from: 'now-1h', to: 'now' },
  };
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify({ kpi: pane }))}`;
}
