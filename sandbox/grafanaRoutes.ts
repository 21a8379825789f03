/**
 * Routes of Grafana's legacy folder, dashboard, version, search and annotation API, and the
 * alerting reads of the incident report, each behind the permission its Grafana route's
 * `authorize` middleware evaluates (pkg/api/api.go, pkg/services/ngalert/api/authorization.go).
 */
import { IncomingMessage } from 'node:http';
import { accessDenied, ApiAnswer, readJsonBody } from './http';
import { Identity } from './identity';
import { can } from './roles';
import { silences, stateHistory } from './alertingApi';
import { createAnnotation, findAnnotations } from './grafanaStore/annotations';
import { deleteDashboard, getDashboard, saveDashboard } from './grafanaStore/dashboards';
import { createFolder, getFolder, listFolders } from './grafanaStore/folders';
import { search } from './grafanaStore/search';
import { GrafanaStore } from './grafanaStore/store';
import { getVersion, listVersions, restoreVersion } from './grafanaStore/versions';

interface RouteContext {
  req: IncomingMessage;
  params: URLSearchParams;
  store: GrafanaStore;
  who: Identity;
  /** The pattern's captures, URI-decoded. */
  path: string[];
}

interface Route {
  method: string;
  pattern: RegExp;
  /** The caller needs any one of these; none for routes every signed-in user may call. */
  permissions: string[];
  handle(context: RouteContext): ApiAnswer | Promise<ApiAnswer>;
}

/** Runs `then` on the request's JSON body, synchronously once the body is read. */
async function withBody(req: IncomingMessage, then: (body: unknown) => ApiAnswer): Promise<ApiAnswer> {
  const body = await readJsonBody(req);
  return 'ok' in body ? then(body.value) : body;
}

const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/api\/search\/?$/, permissions: [], handle: (c) => search(c.store, c.params) },
  {
    method: 'GET',
    pattern: /^\/api\/folders\/?$/,
    permissions: ['folders:read'],
    handle: (c) => listFolders(c.store, c.params),
  },
  {
    method: 'POST',
    pattern: /^\/api\/folders\/?$/,
    permissions: ['folders:create'],
    handle: (c) => withBody(c.req, (body) => createFolder(c.store, body, c.who)),
  },
  {
    method: 'GET',
    pattern: /^\/api\/folders\/([^/]+)\/?$/,
    permissions: ['folders:read'],
    handle: (c) => getFolder(c.store, c.path[0], c.who),
  },
  {
    method: 'POST',
    pattern: /^\/api\/dashboards\/db\/?$/,
    permissions: ['dashboards:create', 'dashboards:write'],
    handle: (c) => withBody(c.req, (body) => saveDashboard(c.store, body, c.who)),
  },
  {
    method: 'GET',
    pattern: /^\/api\/dashboards\/uid\/([^/]+)\/?$/,
    permissions: ['dashboards:read'],
    handle: (c) => getDashboard(c.store, c.path[0], c.who),
  },
  {
    method: 'DELETE',
    pattern: /^\/api\/dashboards\/uid\/([^/]+)\/?$/,
    permissions: ['dashboards:delete'],
    handle: (c) => deleteDashboard(c.store, c.path[0]),
  },
  {
    method: 'GET',
    pattern: /^\/api\/dashboards\/uid\/([^/]+)\/versions\/?$/,
    permissions: ['dashboards:write'],
    handle: (c) => listVersions(c.store, c.path[0], c.params),
  },
  {
    method: 'GET',
    pattern: /^\/api\/dashboards\/uid\/([^/]+)\/versions\/([^/]+)\/?$/,
    permissions: ['dashboards:write'],
    handle: (c) => getVersion(c.store, c.path[0], c.path[1]),
  },
  {
    method: 'POST',
    pattern: /^\/api\/dashboards\/uid\/([^/]+)\/restore\/?$/,
    permissions: ['dashboards:write'],
    handle: (c) => withBody(c.req, (body) => restoreVersion(c.store, c.path[0], body, c.who)),
  },
  {
    method: 'GET',
    pattern: /^\/api\/annotations\/?$/,
    permissions: ['annotations:read'],
    handle: (c) => findAnnotations(c.store, c.params),
  },
  {
    method: 'POST',
    pattern: /^\/api\/annotations\/?$/,
    permissions: ['annotations:create'],
    handle: (c) => withBody(c.req, (body) => createAnnotation(c.store, body, c.who)),
  },
  { method: 'GET', pattern: /^\/api\/v1\/rules\/history\/?$/, permissions: ['alert.rules:read'], handle: stateHistory },
  {
    method: 'GET',
    pattern: /^\/api\/alertmanager\/grafana\/api\/v2\/silences\/?$/,
    permissions: ['alert.instances:read', 'alert.silences:read'],
    handle: silences,
  },
];

/** Grafana's answer to `req` when it is one of these routes; `undefined` otherwise. */
export async function routeGrafanaApi(
  req: IncomingMessage,
  url: URL,
  store: GrafanaStore,
  who: Identity
): Promise<ApiAnswer | undefined> {
  for (const route of ROUTES) {
    const match = req.method === route.method ? url.pathname.match(route.pattern) : null;
    if (!match) {
      continue;
    }
    if (route.permissions.length > 0 && !route.permissions.some((permission) => can(who.role, permission))) {
      return accessDenied(...route.permissions);
    }
    const path = match.slice(1).map((segment) => decodeURIComponent(segment));
    return route.handle({ req, params: url.searchParams, store, who, path });
  }
  return undefined;
}
