/**
 * The registry as Grafana stores it: dashboards in the app's folder `bizowner-registry`
 * (`bizowner-index`, `bizowner-people`, one `bizowner-s-<service id>` per service), with the app's
 * settings in the plugin settings. Journeys read it through the app's own store (`src/storage`)
 * over Grafana's HTTP API, signed in as the admin with basic auth as `cli pull` does, and put back
 * what they changed the way `cli push` would.
 */
import type { RegistryUser } from '../../src/storage/access';
import { sameContent } from '../../src/storage/documents/assemble';
import { createGrafanaApi, GrafanaApi } from '../../src/storage/grafana/api';
import { fetchTransport } from '../../src/storage/grafana/fetchTransport';
import { loadRegistry, LoadedRegistry, saveRegistry } from '../../src/storage/registryStore';
import { ADMIN } from './users';

/**
 * Reads without moving anything: an explicit permission list without `plugins:write`, so a registry
 * still in the plugin settings stays there (the app moves it when an admin opens it).
 */
const READER = {
  login: ADMIN.user,
  orgRole: 'Admin',
  permissions: { 'folders:create': true },
} as unknown as RegistryUser;
/** Writes as the admin; the change records name the admin's login. */
const WRITER = { login: ADMIN.user, orgRole: 'Admin', permissions: {} } as unknown as RegistryUser;

/**
 * Node's `fetch` signed with the admin's basic auth (the store's transport only knows bearer
 * tokens). Grafana accepts basic auth on its API while `[auth.basic] enabled` is on, its default,
 * which the compose stack sets explicitly (GF_AUTH_BASIC_ENABLED).
 */
function adminFetch(): typeof fetch {
  const authorization = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`, 'utf8').toString('base64')}`;
  return (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), authorization } });
}

/** The registry's API of the Grafana at `baseURL`, as the admin. */
export function adminRegistryApi(baseURL: string): GrafanaApi {
  return createGrafanaApi(fetchTransport(baseURL, undefined, adminFetch()));
}

/** The registry stored now, read the way the app reads it. */
export async function readStoredRegistry(api: GrafanaApi): Promise<LoadedRegistry> {
  const loaded = await loadRegistry(api, READER);
  if (!loaded.ok) {
    const hint =
      loaded.kind !== 'conflict' && loaded.status === 401
        ? ` (the journeys read it as ${ADMIN.user} with basic auth: check GRAFANA_ADMIN_USER/GRAFANA_ADMIN_PASSWORD and that Grafana has [auth.basic] enabled)`
        : '';
    throw new Error(`stored registry unreadable: ${loaded.message}${hint}`);
  }
  return loaded;
}

/**
 * Puts back the registry as it was in `before` (people, services, SLOs and settings) when it
 * changed since, as a new version of each changed document. Says whether it wrote anything.
 */
export async function restoreRegistry(api: GrafanaApi, before: LoadedRegistry): Promise<boolean> {
  const now = await readStoredRegistry(api);
  if (sameContent(now.doc, before.doc)) {
    return false;
  }
  const saved = await saveRegistry(now, before.doc, { api, user: WRITER });
  if (!saved.ok) {
    throw new Error(`could not put the registry back as it was before the journey: ${saved.message}`);
  }
  return true;
}
