/**
 * Grafana's legacy dashboard API (`/api/dashboards/db`, `/api/dashboards/uid/:uid`) over the
 * sandbox store, following pkg/api/dashboard.go and the dashboard service's
 * `BuildSaveDashboardCommand` / `ValidateDashboardBeforeSave`, in their order of checks.
 */
import { relative } from 'node:path';
import { ApiAnswer, isRecord } from '../http';
import { Identity } from '../identity';
import { can } from '../roles';
import {
  DashboardJson,
  DashboardRecord,
  dashboardUrl,
  folderUrl,
  generateUid,
  ProvisioningRecord,
  pruneVersions,
  slugOf,
  titleOf,
  uidProblem,
} from './model';
import { GrafanaStore } from './store';

/**
 * MySQL's MEDIUMTEXT (2^24 - 1 bytes), the type of `dashboard.data` on MySQL (Grafana's migration
 * "alter dashboard.data to mediumtext v1").
 */
const MEDIUMTEXT_BYTES = 16_777_215;

export const DASHBOARD_NOT_FOUND: ApiAnswer = { status: 404, body: { message: 'Dashboard not found' } };

/**
 * The bytes Grafana sends to the database for `data`: Go's `json.Marshal` escapes `<`, `>`, `&`
 * as `\u003c`… (6 bytes for 1) and U+2028/U+2029 as `\u2028` (6 bytes for 3).
 */
function storedBytes(data: DashboardJson): number {
  const json = JSON.stringify(data);
  const htmlEscapes = json.match(/[<>&]/g)?.length ?? 0;
  const separators = json.match(/[\u2028\u2029]/g)?.length ?? 0;
  return Buffer.byteLength(json, 'utf8') + 5 * htmlEscapes + 3 * separators;
}

interface DashboardWrite {
  uid: string;
  /** The dashboard JSON with its trimmed title. */
  data: DashboardJson;
  folderUid: string;
  message: string;
  restoredFrom: number;
  login: string;
  /** Set by provisioning; a save through the API keeps the dashboard's record. */
  provisioning?: ProvisioningRecord;
}

/**
 * Stores a new version of a dashboard (creating it at version 1) without any check but the
 * database's column size; the caller persists.
 */
export function writeDashboard(
  store: GrafanaStore,
  write: DashboardWrite
): { ok: true; dashboard: DashboardRecord } | ApiAnswer {
  const existing = store.state.dashboards.get(write.uid);
  const id = existing?.id ?? store.state.nextId;
  const version = (existing?.version ?? 0) + 1;
  const data = { ...write.data, id, uid: write.uid, version };
  if (storedBytes(data) > MEDIUMTEXT_BYTES) {
    // What a MySQL-backed Grafana answers: the INSERT fails and ToDashboardErrorResponse falls back
    // to "Failed to save dashboard"; Grafana adds `error` outside production mode.
    return {
      status: 500,
      body: {
        message: 'Failed to save dashboard',
        error: `Error 1406 (22001): Data too long for column 'data' at row 1 (MEDIUMTEXT holds ${MEDIUMTEXT_BYTES} bytes)`,
      },
    };
  }
  if (!existing) {
    store.takeId();
  }
  const now = new Date().toISOString();
  const record: DashboardRecord = {
    id,
    uid: write.uid,
    folderUid: write.folderUid,
    version,
    created: existing?.created ?? now,
    updated: now,
    createdBy: existing?.createdBy ?? write.login,
    updatedBy: write.login,
    data,
    provisioning: write.provisioning ?? existing?.provisioning,
    versions: [
      ...(existing?.versions ?? []),
      {
        version,
        parentVersion: version - 1,
        restoredFrom: write.restoredFrom,
        created: now,
        createdBy: write.login,
        message: write.message,
        data,
      },
    ],
  };
  // Grafana prunes in a cleanup job every 10 minutes; the sandbox prunes on save, so it never
  // lists more than versionsToKeep versions, where Grafana may for up to 10 minutes.
  pruneVersions(record, store.versionsToKeep);
  store.state.dashboards.set(write.uid, record);
  return { ok: true, dashboard: record };
}

/** Whether the provider that wrote `dashboard` lets the UI and API save it (`allowUiUpdates`). */
function allowsUiUpdates(store: GrafanaStore, dashboard: DashboardRecord): boolean {
  return dashboard.provisioning
    ? (store.providers.get(dashboard.provisioning.provider)?.allowUiUpdates ?? false)
    : true;
}

/**
 * `POST /api/dashboards/db` with `{ dashboard, folderUid?, overwrite?, message? }`; the route has
 * already checked `dashboards:create` or `dashboards:write`. Synchronous from the version check to
 * the write, so concurrent saves on one server cannot both pass the check.
 */
export function saveDashboard(store: GrafanaStore, command: unknown, who: Identity, restoredFrom = 0): ApiAnswer {
  if (!isRecord(command) || !isRecord(command.dashboard)) {
    return { status: 400, body: { message: 'bad request data' } };
  }
  const title = titleOf(command.dashboard).trim();
  if (title === '') {
    return { status: 400, body: { status: 'empty-name', message: 'Dashboard title cannot be empty' } };
  }
  const uid = typeof command.dashboard.uid === 'string' ? command.dashboard.uid.trim() : '';
  const problem = uidProblem(uid);
  if (problem) {
    return { status: 400, body: { message: problem } };
  }
  // Without a folderUid the dashboard goes to (or moves back to) the root, as documented.
  const folderUid = typeof command.folderUid === 'string' ? command.folderUid : '';
  if (folderUid !== '' && !store.state.folders.has(folderUid)) {
    // ToDashboardErrorResponse: dashboards.ErrFolderNotFound → 400 with its text.
    return { status: 400, body: { message: 'folder not found' } };
  }
  const existing = uid === '' ? undefined : store.state.dashboards.get(uid);
  if (existing) {
    const version = typeof command.dashboard.version === 'number' ? Math.trunc(command.dashboard.version) : 0;
    if (version !== existing.version && command.overwrite !== true) {
      return {
        status: 412,
        body: { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' },
      };
    }
    if (!allowsUiUpdates(store, existing)) {
      return { status: 400, body: { message: 'Cannot save provisioned dashboard' } };
    }
  }
  const written = writeDashboard(store, {
    uid: uid === '' ? generateUid() : uid,
    data: { ...command.dashboard, title },
    folderUid,
    message: typeof command.message === 'string' ? command.message : '',
    restoredFrom,
    login: who.login,
  });
  if (!('ok' in written)) {
    return written;
  }
  store.persist();
  const { dashboard } = written;
  return {
    status: 200,
    body: {
      id: dashboard.id,
      uid: dashboard.uid,
      url: dashboardUrl(dashboard.uid, title),
      status: 'success',
      version: dashboard.version,
      slug: slugOf(title),
      folderUid: dashboard.folderUid,
    },
  };
}

/** `GET /api/dashboards/uid/:uid`: the JSON with `version` in sync with the row, and its meta. */
export function getDashboard(store: GrafanaStore, uid: string, who: Identity): ApiAnswer {
  const dashboard = store.state.dashboards.get(uid);
  if (!dashboard) {
    return DASHBOARD_NOT_FOUND;
  }
  const title = titleOf(dashboard.data);
  const folder = store.state.folders.get(dashboard.folderUid);
  const provider = dashboard.provisioning ? store.providers.get(dashboard.provisioning.provider) : undefined;
  return {
    status: 200,
    body: {
      dashboard: { ...dashboard.data, id: dashboard.id, uid: dashboard.uid, version: dashboard.version },
      meta: {
        type: 'db',
        isStarred: false,
        slug: slugOf(title),
        url: dashboardUrl(dashboard.uid, title),
        version: dashboard.version,
        folderUid: dashboard.folderUid,
        folderTitle: folder?.title ?? 'General',
        folderUrl: folder ? folderUrl(folder) : '',
        canSave: can(who.role, 'dashboards:write'),
        canEdit: can(who.role, 'dashboards:write'),
        canAdmin: can(who.role, 'dashboards.permissions:write'),
        canDelete: can(who.role, 'dashboards:delete'),
        canStar: true,
        // GetDashboard sets `provisioned` only when the provider disallows UI updates, and the
        // external id relative to the provider's resolved path either way.
        provisioned: dashboard.provisioning !== undefined && !provider?.allowUiUpdates,
        provisionedExternalId:
          dashboard.provisioning && provider ? relative(provider.path, dashboard.provisioning.externalId) : '',
        created: dashboard.created,
        updated: dashboard.updated,
        createdBy: dashboard.createdBy,
        updatedBy: dashboard.updatedBy,
      },
    },
  };
}

/** `DELETE /api/dashboards/uid/:uid`; a provisioned dashboard is refused whatever `allowUiUpdates` says. */
export function deleteDashboard(store: GrafanaStore, uid: string): ApiAnswer {
  const dashboard = store.state.dashboards.get(uid);
  if (!dashboard) {
    return DASHBOARD_NOT_FOUND;
  }
  if (dashboard.provisioning) {
    return { status: 400, body: { message: 'provisioned dashboard cannot be deleted' } };
  }
  store.state.dashboards.delete(uid);
  store.persist();
  const title = titleOf(dashboard.data);
  return { status: 200, body: { title, message: `Dashboard ${title} deleted`, uid } };
}
