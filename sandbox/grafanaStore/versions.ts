/**
 * Grafana 12.4's dashboard versions API over the sandbox store (pkg/api/dashboard.go
 * `GetDashboardVersions`, `GetDashboardVersion`, `RestoreDashboardVersion`; dashverimpl).
 *
 * In 12.4 a version's `id` is its version number (the resource generation), and
 * `/versions/:id` takes the version number: the two coincide, so either reading works here.
 */
import { isDeepStrictEqual } from 'node:util';
import { ApiAnswer, isRecord } from '../http';
import { Identity } from '../identity';
import { DASHBOARD_NOT_FOUND, saveDashboard } from './dashboards';
import { DashboardJson, DashboardRecord, VersionRecord } from './model';
import { GrafanaStore } from './store';

function versionMeta(dashboard: DashboardRecord, version: VersionRecord, message: string) {
  return {
    id: version.version,
    dashboardId: dashboard.id,
    uid: dashboard.uid,
    parentVersion: version.parentVersion,
    restoredFrom: version.restoredFrom,
    version: version.version,
    created: version.created,
    createdBy: version.createdBy,
    message,
  };
}

/** The message the list shows: GetDashboardVersions replaces it for restores and for the first save. */
function listedMessage(version: VersionRecord): string {
  if (version.parentVersion === 0) {
    return 'Initial save';
  }
  return version.restoredFrom > 0 ? `Restored from version ${version.restoredFrom}` : version.message;
}

/** Go's `c.QueryInt`: anything that is not an integer reads as 0. */
function queryInt(params: URLSearchParams, name: string): number {
  const value = Number(params.get(name) ?? '');
  return Number.isInteger(value) ? value : 0;
}

/**
 * `GET /api/dashboards/uid/:uid/versions?limit=&start=` → `{ continueToken: '', versions }`, newest
 * first; `limit` defaults to 1000. `start` skips that many of the newest versions, as the legacy
 * SQL store did; 12.4's storage ignores it and pages with `continueToken` instead, which the
 * sandbox never needs to hand out.
 */
export function listVersions(store: GrafanaStore, uid: string, params: URLSearchParams): ApiAnswer {
  const dashboard = store.state.dashboards.get(uid);
  if (!dashboard) {
    return DASHBOARD_NOT_FOUND;
  }
  const limit = queryInt(params, 'limit') > 0 ? queryInt(params, 'limit') : 1000;
  const start = Math.max(0, queryInt(params, 'start'));
  const versions = [...dashboard.versions]
    .reverse()
    .slice(start, start + limit)
    .map((version) => versionMeta(dashboard, version, listedMessage(version)));
  return { status: 200, body: { continueToken: '', versions } };
}

/** `GET /api/dashboards/uid/:uid/versions/:version`: the version with its dashboard JSON as `data`. */
export function getVersion(store: GrafanaStore, uid: string, versionParam: string): ApiAnswer {
  const dashboard = store.state.dashboards.get(uid);
  if (!dashboard) {
    return DASHBOARD_NOT_FOUND;
  }
  const version = dashboard.versions.find((entry) => entry.version === Number(versionParam));
  if (!version) {
    // GetDashboardVersion answers a missing version with a 500, not the 404 the docs list.
    return {
      status: 500,
      body: { message: `Dashboard version ${versionParam} not found for dashboardId ${dashboard.id}` },
    };
  }
  return { status: 200, body: { ...versionMeta(dashboard, version, version.message), data: version.data } };
}

/** The dashboard JSON without the fields that differ between versions of the same content. */
function content(data: DashboardJson): DashboardJson {
  const { version: _version, id: _id, uid: _uid, ...rest } = data;
  return rest;
}

/**
 * `POST /api/dashboards/uid/:uid/restore` with `{ version }`: saves that version's JSON as a new
 * version of the dashboard, in its current folder, with `restoredFrom` set.
 */
export function restoreVersion(store: GrafanaStore, uid: string, command: unknown, who: Identity): ApiAnswer {
  if (!isRecord(command) || typeof command.version !== 'number') {
    return { status: 400, body: { message: 'bad request data' } };
  }
  const dashboard = store.state.dashboards.get(uid);
  if (!dashboard) {
    return DASHBOARD_NOT_FOUND;
  }
  const version = dashboard.versions.find((entry) => entry.version === command.version);
  if (!version) {
    return { status: 404, body: { message: 'Dashboard version not found' } };
  }
  if (isDeepStrictEqual(content(version.data), content(dashboard.data))) {
    return { status: 400, body: { message: 'Current dashboard is identical to the specified version' } };
  }
  return saveDashboard(
    store,
    {
      dashboard: { ...version.data, uid, version: dashboard.version },
      folderUid: dashboard.folderUid,
      message: `Restored from version ${version.version}`,
    },
    who,
    version.version
  );
}
