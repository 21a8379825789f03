/**
 * Seeds a sandbox's state folder with a registry through the app's own store: `saveRegistry` from
 * the empty registry, as `cli push` and the sandbox's seed do. The store's requests go straight to
 * the sandbox's Grafana routes in this process, and the state file is written once at the end.
 *
 * Not over HTTP because the sandbox rewrites its whole state file after every dashboard save: a
 * seed of n documents writes O(n²) bytes (500 services with 3 SLOs each took 7.6 s and wrote a
 * 9 MB file 501 times; 5,000 would take about 12 minutes). Grafana writes one row per save.
 */
import { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { routeGrafanaApi } from '../../sandbox/grafanaRoutes';
import { GrafanaStore } from '../../sandbox/grafanaStore/store';
import { Identity } from '../../sandbox/identity';
import { settingsAnswer } from '../../sandbox/settingsApi';
import { SettingsFile } from '../../sandbox/settingsStore';
import { RegistryDocument } from '../../src/domain/model';
import { RegistryUser } from '../../src/storage/access';
import { createGrafanaApi } from '../../src/storage/grafana/api';
import { ApiRequest, ApiResult, Transport } from '../../src/storage/grafana/types';
import { loadRegistry, saveRegistry } from '../../src/storage/registryStore';

/** A store that keeps its state in memory until `flush()`. */
class DeferredStore extends GrafanaStore {
  private deferred = true;

  override persist(): void {
    if (!this.deferred) {
      super.persist();
    }
  }

  flush(): void {
    this.deferred = false;
    this.persist();
  }
}

function search(params: ApiRequest['params']): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      query.append(key, String(item));
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * Grafana's API as the sandbox answers it, without the network. Answers go through JSON, as over
 * HTTP, so the store never shares objects with the sandbox's state.
 */
function inProcessTransport(
  store: GrafanaStore,
  settings: SettingsFile,
  pluginMeta: Record<string, unknown>,
  who: Identity
): Transport {
  return async <T>(request: ApiRequest): Promise<ApiResult<T>> => {
    const url = new URL(request.url + search(request.params), 'http://127.0.0.1');
    const body = request.data === undefined ? [] : [Buffer.from(JSON.stringify(request.data))];
    const req = Object.assign(Readable.from(body), {
      method: request.method,
      headers: {},
    }) as unknown as IncomingMessage;
    const answer =
      url.pathname === `/api/plugins/${pluginMeta.id}/settings`
        ? await settingsAnswer(req, pluginMeta, settings, who)
        : await routeGrafanaApi(req, url, store, who);
    if (!answer) {
      return { ok: false, status: 404, message: `not routed: ${url.pathname}` };
    }
    const value = answer.body === undefined ? undefined : JSON.parse(JSON.stringify(answer.body));
    if (answer.status < 300) {
      return { ok: true, value: value as T };
    }
    return {
      ok: false,
      status: answer.status,
      message: String(value?.message ?? ''),
      code: typeof value?.status === 'string' ? value.status : undefined,
    };
  };
}

/** The seeding admin; the documents' first versions name it. */
const SEEDER: Identity = { role: 'Admin', login: 'bench-seed' };

/**
 * Writes `doc` into the sandbox state in `stateDir` (`settings.json`, `dashboards.json`), which
 * must be empty; returns how long the store's save took.
 */
export async function seedStateDir(
  stateDir: string,
  doc: RegistryDocument,
  pluginMeta: Record<string, unknown>
): Promise<{ ms: number }> {
  const store = new DeferredStore(join(stateDir, 'dashboards.json'), 20);
  const settings = new SettingsFile(join(stateDir, 'settings.json'));
  const api = createGrafanaApi(inProcessTransport(store, settings, pluginMeta, SEEDER), String(pluginMeta.id));
  const user = { login: SEEDER.login, orgRole: 'Admin', permissions: {} } as unknown as RegistryUser;
  const loaded = await loadRegistry(api, user);
  if (!loaded.ok) {
    throw new Error(`seed: ${loaded.message}`);
  }
  if (loaded.versions.index !== undefined) {
    throw new Error(`seed: ${stateDir} already holds a registry`);
  }
  const started = performance.now();
  const saved = await saveRegistry(loaded, doc, { api, user });
  const ms = performance.now() - started;
  if (!saved.ok || saved.warning) {
    throw new Error(`seed: ${saved.ok ? saved.warning : saved.message}`);
  }
  store.flush();
  return { ms };
}
