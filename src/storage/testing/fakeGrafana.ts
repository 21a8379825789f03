/**
 * An in-memory stand-in for the Grafana endpoints the registry uses, answering `fetch` the way
 * the documented HTTP API does (the sandbox host implements the same for the browser tests):
 * plugin settings (POST replaces `jsonData`), folders, dashboards with Grafana's optimistic
 * concurrency (a save whose `dashboard.version` is not the stored one gets 412
 * `version-mismatch`; a provisioned dashboard gets 400), versions and search. Failures reject
 * with `{ status, data: { message, status? } }` as `BackendSrv` does.
 */
import { defer, Observable } from 'rxjs';
import { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { RegistryDocument } from '../../domain/model';
import { readAppSettings, SETTINGS_KEY } from '../appSettings';
import { assembleRegistry, splitByService } from '../documents/assemble';
import { decodeDocument, encodeDocument } from '../documents/dashboardCodec';
import { DOCUMENT_FORMAT, INDEX_UID, PEOPLE_UID, REGISTRY_FOLDER, serviceUid } from '../documents/layout';
import { emptyIndex, RegistryPayload } from '../documents/payloads';
import { applyWrites } from '../save/indexUpdate';
import { PluginSettingsDto } from '../grafana/types';

type Role = 'Admin' | 'Editor' | 'Viewer';

interface StoredDashboard {
  json: Record<string, unknown>;
  version: number;
  folderUid: string;
  provisioned?: string;
  versions: Array<{
    version: number;
    created: string;
    createdBy: string;
    message: string;
    data: Record<string, unknown>;
  }>;
}

interface Failure {
  method: string;
  url?: RegExp;
  status: number;
  message: string;
}

export interface FakeGrafana extends Pick<BackendSrv, 'fetch'> {
  /** Every request received, in order, with the login that sent it. */
  requests: Array<{ method: string; url: string; data?: unknown; login: string }>;
  /** A client signed in as `login` with `role`, sharing this server's state. */
  client(login: string, role?: Role): Pick<BackendSrv, 'fetch'>;
  settings(): PluginSettingsDto;
  dashboard(uid: string): StoredDashboard | undefined;
  /** Stored dashboards' uids. */
  uids(): string[];
  /** Makes the next request with this method (and URL) fail with the given status and message. */
  failNext(method: string, status: number, message: string, url?: RegExp): void;
  /** Runs before each dashboard save is applied, e.g. to let another writer in between. */
  beforeSave?: (uid: string) => Promise<void> | void;
  /** Marks a dashboard as provisioned from `file`. */
  provision(uid: string, file: string): void;
  /** How many versions each dashboard keeps (Grafana's `versions_to_keep`, 20 by default). */
  versionsToKeep: number;
  /** The registry as the app's next load reads it: the index with the settings; undefined before the first save. */
  registry(): RegistryDocument | undefined;
  /** Everything stored (settings and dashboards) as JSON, for byte-for-byte comparisons. */
  snapshot(): string;
  /** How many requests would have changed something (POST and DELETE). */
  writes(): number;
  /** Deletes a dashboard behind the app's back (someone in Grafana's UI). */
  remove(uid: string): void;
  /** Replaces the plugin settings' `jsonData`, as provisioning does at a start. */
  setJsonData(jsonData: Record<string, unknown>): void;
}

export interface FakeGrafanaOptions {
  /** Plugin settings' `jsonData`; `null` for a new installation. */
  jsonData?: Record<string, unknown> | null;
  /** A registry already stored in the folder (written directly, without requests). */
  registry?: RegistryDocument;
}

/** A fake Grafana for the app's plugin id; `fetch` acts as the org Admin `ana`. */
export function createFakeGrafana(pluginId: string, options: FakeGrafanaOptions = {}): FakeGrafana {
  let settings: PluginSettingsDto = {
    enabled: true,
    pinned: true,
    jsonData: options.jsonData ?? null,
    secureJsonFields: {},
  };
  const folders = new Map<string, { uid: string; title: string }>();
  const dashboards = new Map<string, StoredDashboard>();
  const failures: Failure[] = [];
  const settingsUrl = `/api/plugins/${pluginId}/settings`;
  let clock = Date.parse('2026-12-01T00:00:00Z');

  function store(uid: string, json: Record<string, unknown>, folderUid: string, login: string, message: string) {
    const previous = dashboards.get(uid);
    const version = (previous?.version ?? 0) + 1;
    const data = { ...clone(json), uid, version };
    const created = new Date((clock += 1000)).toISOString();
    const versions = [...(previous?.versions ?? []), { version, created, createdBy: login, message, data }].slice(
      -server.versionsToKeep
    );
    dashboards.set(uid, { json: data, version, folderUid, provisioned: previous?.provisioned, versions });
    return version;
  }

  function seed(doc: RegistryDocument) {
    folders.set(REGISTRY_FOLDER.uid, { ...REGISTRY_FOLDER });
    settings = { ...settings, jsonData: { ...settings.jsonData, [SETTINGS_KEY]: doc.settings } };
    const written: Array<{ uid: string; version: number; payload: RegistryPayload }> = [];
    const put = (uid: string, payload: RegistryPayload) => {
      const version = store(
        uid,
        encodeDocument(uid, payload) as Record<string, unknown>,
        REGISTRY_FOLDER.uid,
        'admin',
        'seed'
      );
      written.push({ uid, version, payload });
    };
    put(PEOPLE_UID, { format: DOCUMENT_FORMAT, kind: 'people', people: doc.people, changes: [] });
    for (const [id, part] of splitByService(doc)) {
      put(serviceUid(id), { format: DOCUMENT_FORMAT, kind: 'service', ...part, changes: [] });
    }
    const index = applyWrites(emptyIndex(), written, {
      at: doc.updatedAt ?? '2026-12-01T00:00:00Z',
      by: doc.updatedBy ?? 'admin',
    });
    store(INDEX_UID, encodeDocument(INDEX_UID, index) as Record<string, unknown>, REGISTRY_FOLDER.uid, 'admin', 'seed');
  }

  const handle = async (options: BackendSrvRequest, login: string, role: Role): Promise<FetchResponse<unknown>> => {
    const method = (options.method ?? 'GET').toUpperCase();
    const url = options.url;
    server.requests.push({ method, url, data: clone(options.data), login });
    const failure = failures.findIndex((f) => f.method === method && (!f.url || f.url.test(url)));
    if (failure >= 0) {
      const [{ status, message }] = failures.splice(failure, 1);
      throw fetchError(options, status, message);
    }
    const canWrite = role !== 'Viewer';
    if (url === settingsUrl) {
      if (method === 'GET') {
        return response(options, { id: pluginId, type: 'app', ...clone(settings) });
      }
      if (role !== 'Admin') {
        throw fetchError(options, 403, 'You do not have permission to perform this action (plugins:write)');
      }
      const body = clone(options.data) as PluginSettingsDto;
      settings = { ...settings, enabled: body.enabled, pinned: body.pinned, jsonData: body.jsonData ?? null };
      return response(options, { message: 'Plugin settings updated' });
    }
    const folderMatch = url.match(/^\/api\/folders\/([^/]+)$/);
    if (folderMatch && method === 'GET') {
      const folder = folders.get(decodeURIComponent(folderMatch[1]));
      if (!folder) {
        throw fetchError(options, 404, 'folder not found');
      }
      return response(options, { ...folder, canSave: canWrite, canEdit: canWrite });
    }
    if (url === '/api/folders' && method === 'POST') {
      const body = options.data as { uid: string; title: string };
      if (!canWrite) {
        throw fetchError(options, 403, 'You do not have permission to perform this action (folders:create)');
      }
      if (folders.has(body.uid)) {
        throw fetchError(options, 409, 'a folder with the same uid already exists');
      }
      folders.set(body.uid, { uid: body.uid, title: body.title });
      return response(options, { ...body, canSave: true, canEdit: true });
    }
    const dashMatch = url.match(/^\/api\/dashboards\/uid\/([^/]+)(\/versions(?:\/(\d+))?)?$/);
    if (dashMatch && method === 'GET') {
      const stored = dashboards.get(decodeURIComponent(dashMatch[1]));
      if (!stored) {
        throw fetchError(options, 404, 'Dashboard not found');
      }
      if (dashMatch[2] && !canWrite) {
        // Grafana lets only those who may edit a dashboard read its versions.
        throw fetchError(options, 403, 'Access denied: dashboards:write is needed to read versions');
      }
      if (dashMatch[3]) {
        const version = stored.versions.find((v) => v.version === Number(dashMatch[3]));
        if (!version) {
          throw fetchError(options, 404, 'Dashboard version not found');
        }
        return response(options, clone(version));
      }
      if (dashMatch[2]) {
        const versions = [...stored.versions].reverse().map(({ data: _data, ...rest }) => rest);
        return response(options, { continueToken: '', versions });
      }
      const last = stored.versions[stored.versions.length - 1];
      return response(options, {
        dashboard: clone(stored.json),
        meta: {
          version: stored.version,
          folderUid: stored.folderUid,
          canSave: canWrite,
          canEdit: canWrite,
          provisioned: stored.provisioned !== undefined,
          provisionedExternalId: stored.provisioned ?? '',
          updated: last?.created,
          updatedBy: last?.createdBy,
        },
      });
    }
    if (url === '/api/dashboards/db' && method === 'POST') {
      const body = clone(options.data) as {
        dashboard: Record<string, unknown>;
        folderUid: string;
        overwrite?: boolean;
        message?: string;
      };
      const uid = String(body.dashboard.uid);
      if (!canWrite) {
        throw fetchError(options, 403, 'Access denied to save dashboard');
      }
      if (!folders.has(body.folderUid)) {
        throw fetchError(options, 400, 'folder not found');
      }
      await server.beforeSave?.(uid);
      const existing = dashboards.get(uid);
      if (existing?.provisioned !== undefined) {
        throw fetchError(options, 400, 'Cannot save provisioned dashboard');
      }
      if (existing && body.dashboard.version !== existing.version && !body.overwrite) {
        throw fetchError(options, 412, 'The dashboard has been changed by someone else', 'version-mismatch');
      }
      const version = store(uid, body.dashboard, body.folderUid, login, body.message ?? '');
      return response(options, { uid, version, status: 'success', url: `/d/${uid}` });
    }
    if (url === '/api/search' && method === 'GET') {
      const params = (options.params ?? {}) as Record<string, string | string[]>;
      const folderUids = [params.folderUIDs ?? []].flat();
      const uids = [params.dashboardUIDs ?? []].flat();
      const tags = [params.tag ?? []].flat();
      const hits = [...dashboards.entries()]
        .filter(([, d]) => folderUids.length === 0 || folderUids.includes(d.folderUid))
        .filter(([uid]) => uids.length === 0 || uids.includes(uid))
        .filter(([, d]) => tags.every((tag) => ((d.json.tags as string[] | undefined) ?? []).includes(tag)))
        .map(([uid, d]) => ({
          uid,
          title: d.json.title,
          type: 'dash-db',
          tags: d.json.tags ?? [],
          folderUid: d.folderUid,
        }));
      return response(options, hits);
    }
    throw fetchError(options, 404, `Not found: ${method} ${url}`);
  };

  const clientOf = (login: string, role: Role) => ({
    fetch: <T>(request: BackendSrvRequest) => defer(() => handle(request, login, role)) as Observable<FetchResponse<T>>,
  });

  const server: FakeGrafana = {
    requests: [],
    ...clientOf('ana', 'Admin'),
    client: (login, role = 'Admin') => clientOf(login, role),
    settings: () => clone(settings),
    dashboard: (uid) => clone(dashboards.get(uid)),
    uids: () => [...dashboards.keys()],
    failNext: (method, status, message, url) => failures.push({ method, status, message, url }),
    provision: (uid, file) => {
      const stored = dashboards.get(uid);
      if (stored) {
        stored.provisioned = file;
      }
    },
    versionsToKeep: 20,
    registry: () => {
      const index = dashboards.get(INDEX_UID);
      const decoded = index ? decodeDocument(index.json, 'index') : undefined;
      return decoded?.ok
        ? assembleRegistry(decoded.payload, index!.version, readAppSettings(settings.jsonData)).doc
        : undefined;
    },
    snapshot: () =>
      JSON.stringify({ settings, dashboards: [...dashboards.entries()].map(([uid, d]) => [uid, d.version, d.json]) }),
    writes: () => server.requests.filter((request) => request.method !== 'GET').length,
    remove: (uid) => {
      dashboards.delete(uid);
    },
    setJsonData: (jsonData) => {
      settings = { ...settings, jsonData: clone(jsonData) };
    },
  };
  if (options.registry) {
    seed(options.registry);
  }
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

function fetchError(config: BackendSrvRequest, status: number, message: string, code?: string) {
  return { status, statusText: 'Error', data: { message, ...(code ? { status: code } : {}) }, config };
}

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
