/**
 * Typed calls to the Grafana endpoints the registry uses, over any `Transport`.
 */
import { PLUGIN_ID } from '../../constants';
import {
  ApiResult,
  DashboardDto,
  DashboardVersionData,
  DashboardVersionDto,
  FolderDto,
  PluginSettingsDto,
  PluginSettingsUpdate,
  SaveDashboardAnswer,
  SaveDashboardCommand,
  SearchHit,
  Transport,
} from './types';

export interface GrafanaApi {
  getSettings(): Promise<ApiResult<PluginSettingsDto>>;
  updateSettings(body: PluginSettingsUpdate): Promise<ApiResult<unknown>>;
  getFolder(uid: string): Promise<ApiResult<FolderDto>>;
  createFolder(folder: { uid: string; title: string }): Promise<ApiResult<FolderDto>>;
  getDashboard(uid: string): Promise<ApiResult<DashboardDto>>;
  saveDashboard(command: SaveDashboardCommand): Promise<ApiResult<SaveDashboardAnswer>>;
  /** Newest first; Grafana keeps the last `versions_to_keep` (20 by default). */
  getVersions(uid: string, limit?: number): Promise<ApiResult<DashboardVersionDto[]>>;
  getVersion(uid: string, version: number): Promise<ApiResult<DashboardVersionData>>;
  search(params: Record<string, string | number | string[]>): Promise<ApiResult<SearchHit[]>>;
}

/** The Grafana API for this app's plugin id over `transport`. */
export function createGrafanaApi(transport: Transport, pluginId: string = PLUGIN_ID): GrafanaApi {
  const settingsUrl = `/api/plugins/${pluginId}/settings`;
  const dashboardUrl = (uid: string) => `/api/dashboards/uid/${encodeURIComponent(uid)}`;
  return {
    getSettings: () => transport({ method: 'GET', url: settingsUrl }),
    updateSettings: (body) => transport({ method: 'POST', url: settingsUrl, data: body }),
    getFolder: (uid) => transport({ method: 'GET', url: `/api/folders/${encodeURIComponent(uid)}` }),
    createFolder: (folder) => transport({ method: 'POST', url: '/api/folders', data: folder }),
    getDashboard: (uid) => transport({ method: 'GET', url: dashboardUrl(uid) }),
    saveDashboard: (command) => transport({ method: 'POST', url: '/api/dashboards/db', data: command }),
    getVersions: async (uid, limit = 100) => {
      const answer = await transport<{ versions?: DashboardVersionDto[] } | DashboardVersionDto[]>({
        method: 'GET',
        url: `${dashboardUrl(uid)}/versions`,
        params: { limit },
      });
      // Grafana 12.4 and later answer `{ continueToken, versions }`; older servers a plain list.
      return answer.ok
        ? { ok: true, value: Array.isArray(answer.value) ? answer.value : (answer.value.versions ?? []) }
        : answer;
    },
    getVersion: (uid, version) => transport({ method: 'GET', url: `${dashboardUrl(uid)}/versions/${version}` }),
    search: (params) => transport({ method: 'GET', url: '/api/search', params }),
  };
}
