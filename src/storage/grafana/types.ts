/**
 * The parts of Grafana's HTTP API that the registry uses, as documented for Grafana 12.4 and 13
 * (legacy `/api` routes, which both keep): plugin settings, folders, dashboards, dashboard
 * versions and search. Fields this app does not read are omitted.
 */

/** Result of one HTTP call; `status` is 0 when the request did not reach Grafana. */
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export interface ApiFailure {
  ok: false;
  status: number;
  message: string;
  /** Grafana's `status` field of the error body, e.g. `version-mismatch` on a 412. */
  code?: string;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  data?: unknown;
  params?: Record<string, string | number | string[]>;
}

/** Sends one request to Grafana: `getBackendSrv()` in the browser, `fetch` with a token from the command line. */
export type Transport = <T>(request: ApiRequest) => Promise<ApiResult<T>>;

/** What `GET /api/plugins/:pluginId/settings` returns. */
export interface PluginSettingsDto {
  enabled: boolean;
  pinned: boolean;
  /** `null` until the settings were saved once in this organisation. */
  jsonData?: Record<string, unknown> | null;
  /** Names of secrets that are set; their values are never sent to the browser. */
  secureJsonFields?: Record<string, boolean>;
}

/**
 * Body of `POST /api/plugins/:pluginId/settings`. Grafana replaces `jsonData` as a whole and
 * keeps stored secrets that are not named in `secureJsonData`.
 */
export interface PluginSettingsUpdate {
  enabled: boolean;
  pinned: boolean;
  jsonData: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

/** `GET /api/folders/:uid`: the folder and what the signed-in user may do in it. */
export interface FolderDto {
  uid: string;
  title: string;
  url?: string;
  canSave: boolean;
  canEdit: boolean;
}

/** `GET /api/dashboards/uid/:uid`. */
export interface DashboardDto {
  dashboard: Record<string, unknown> & { uid: string; version: number };
  meta: {
    version: number;
    folderUid?: string;
    canSave: boolean;
    canEdit: boolean;
    provisioned?: boolean;
    /** For a provisioned dashboard, its file relative to the provider's path. */
    provisionedExternalId?: string;
    updated?: string;
    updatedBy?: string;
  };
}

/** Body of `POST /api/dashboards/db`. */
export interface SaveDashboardCommand {
  dashboard: Record<string, unknown>;
  folderUid: string;
  /** Never set by the registry: a stale `dashboard.version` must be refused with 412. */
  overwrite: false;
  message: string;
}

export interface SaveDashboardAnswer {
  uid: string;
  version: number;
  url?: string;
}

/** One entry of `GET /api/dashboards/uid/:uid/versions` (Grafana 12.4: `{ continueToken, versions }`). */
export interface DashboardVersionDto {
  version: number;
  created: string;
  createdBy: string;
  message?: string;
  restoredFrom?: number;
}

/** `GET /api/dashboards/uid/:uid/versions/:version`: one version with its dashboard JSON. */
export interface DashboardVersionData extends DashboardVersionDto {
  data: Record<string, unknown>;
}

/** One hit of `GET /api/search`. */
export interface SearchHit {
  uid: string;
  title: string;
  type: string;
  tags: string[];
  folderUid?: string;
}
