/**
 * An in-memory stand-in for Grafana's plugin settings endpoints, answering `fetch` the way the
 * documented HTTP API does: GET returns `{ enabled, pinned, jsonData, secureJsonFields }`
 * (`jsonData` is `null` before the first save), POST replaces `enabled`, `pinned` and the whole
 * `jsonData` and keeps secrets it is not given, and failures reject with `{ status, data: { message } }`.
 */
import { defer, Observable } from 'rxjs';
import { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { PluginSettingsDto, PluginSettingsUpdate } from '../settingsApi';

interface StoredRow {
  enabled: boolean;
  pinned: boolean;
  jsonData: Record<string, unknown> | null;
  secureJsonFields: Record<string, boolean>;
}

interface Failure {
  method: 'GET' | 'POST';
  status: number;
  message: string;
}

export interface FakeSettingsServer extends Pick<BackendSrv, 'fetch'> {
  /** Every request received, in order. */
  requests: Array<{ method: string; url: string; data?: unknown }>;
  /** The stored `jsonData` exactly as serialised, for byte-for-byte comparisons. */
  storedJson(): string;
  stored(): StoredRow;
  /** Makes the next request with this method fail with the given status and Grafana message. */
  failNext(method: Failure['method'], status: number, message: string): void;
  /** Runs before each POST is applied, e.g. to let another writer in between. */
  beforePost?: () => Promise<void> | void;
}

/** A fake Grafana holding the given settings row for plugin `pluginId`. */
export function createFakeSettingsServer(pluginId: string, initial: Partial<StoredRow> = {}): FakeSettingsServer {
  let row: StoredRow = { enabled: true, pinned: true, jsonData: null, secureJsonFields: {}, ...clone(initial) };
  const failures: Failure[] = [];
  const url = `/api/plugins/${pluginId}/settings`;

  const handle = async (options: BackendSrvRequest): Promise<FetchResponse<unknown>> => {
    const method = (options.method ?? 'GET').toUpperCase();
    server.requests.push({ method, url: options.url, data: clone(options.data) });
    if (options.url !== url) {
      throw fetchError(options, 404, 'Plugin not found, no installed plugin with that id');
    }
    const failure = failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const [{ status, message }] = failures.splice(failure, 1);
      throw fetchError(options, status, message);
    }
    if (method === 'GET') {
      const dto: PluginSettingsDto = clone(row);
      return response(options, { id: pluginId, type: 'app', ...dto });
    }
    if (method === 'POST') {
      await server.beforePost?.();
      const body: PluginSettingsUpdate = clone(options.data);
      const secrets = Object.keys(body.secureJsonData ?? {});
      row = {
        enabled: body.enabled,
        pinned: body.pinned,
        jsonData: body.jsonData ?? null,
        secureJsonFields: { ...row.secureJsonFields, ...Object.fromEntries(secrets.map((k) => [k, true])) },
      };
      return response(options, { message: 'Plugin settings updated' });
    }
    throw fetchError(options, 405, 'Method not allowed');
  };

  const server: FakeSettingsServer = {
    requests: [],
    fetch: <T>(options: BackendSrvRequest) => defer(() => handle(options)) as Observable<FetchResponse<T>>,
    storedJson: () => JSON.stringify(row.jsonData),
    stored: () => clone(row),
    failNext: (method, status, message) => failures.push({ method, status, message }),
  };
  return server;
}

function response<T>(config: BackendSrvRequest, data: T): FetchResponse<T> {
  return {
    data,
    status: 200,
    ok: true,
    statusText: 'OK',
    headers: new Headers(),
    redirected: false,
    type: 'basic',
    url: config.url,
    config,
  };
}

function fetchError(config: BackendSrvRequest, status: number, message: string) {
  return { status, statusText: 'Error', data: { message }, config };
}

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
