import { OrgRole } from '@grafana/data';
import { BackendSrv } from '@grafana/runtime';
import { PLUGIN_ID } from '../../constants';
import { RegistryDocument } from '../../domain/model';
import { RegistryUser } from '../access';
import { createGrafanaApi, GrafanaApi } from '../grafana/api';
import { backendSrvTransport } from '../grafana/backendSrvTransport';
import { loadRegistry, saveRegistry } from '../registryStore';
import { FakeGrafana } from './fakeGrafana';

/** The fake's answers follow the org role, as Grafana's default folder permissions do. */
function roleOf(user: RegistryUser): 'Admin' | 'Editor' | 'Viewer' {
  return user.orgRole === OrgRole.Admin || user.orgRole === OrgRole.Editor ? user.orgRole : 'Viewer';
}

/** A `BackendSrv` of `server` signed in as `user`, with their login and org role. */
export function clientAs(server: FakeGrafana, user: RegistryUser): Pick<BackendSrv, 'fetch'> {
  return server.client(user.login, roleOf(user));
}

/** The Grafana API of `server` as `user` reaches it. */
export function apiAs(server: FakeGrafana, user: RegistryUser): GrafanaApi {
  return createGrafanaApi(backendSrvTransport(clientAs(server, user)), PLUGIN_ID);
}

/**
 * `user` loads the registry and saves `change(doc)` behind the back of whatever is open: a second
 * writer. Throws when that save fails, since the test depends on it.
 */
export async function saveAs(
  server: FakeGrafana,
  user: RegistryUser,
  change: (doc: RegistryDocument) => RegistryDocument,
  now: () => Date = () => new Date('2026-11-27T09:00:00Z')
): Promise<RegistryDocument> {
  const api = apiAs(server, user);
  const loaded = await loadRegistry(api, user, { now });
  if (!loaded.ok) {
    throw new Error(loaded.message);
  }
  const saved = await saveRegistry(loaded, change(loaded.doc), { api, user, now });
  if (!saved.ok) {
    throw new Error(saved.message);
  }
  return saved.doc;
}
