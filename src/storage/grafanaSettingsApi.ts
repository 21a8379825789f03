import { lastValueFrom } from 'rxjs';
import { BackendSrv, BackendSrvRequest, FetchErrorDataProps, getBackendSrv, isFetchError } from '@grafana/runtime';
import { PLUGIN_ID } from '../constants';
import { ApiResult, PluginSettingsDto, SettingsApi } from './settingsApi';

/**
 * The plugin settings API of the running Grafana, through `getBackendSrv().fetch`. Grafana's own
 * error toasts are switched off: callers show the returned error next to the form instead.
 */
export function createGrafanaSettingsApi(
  pluginId: string = PLUGIN_ID,
  backend: Pick<BackendSrv, 'fetch'> = getBackendSrv()
): SettingsApi {
  const url = `/api/plugins/${pluginId}/settings`;
  return {
    getSettings: () => request<PluginSettingsDto>(backend, { url, method: 'GET' }),
    updateSettings: async (body) => {
      const result = await request<unknown>(backend, { url, method: 'POST', data: body });
      return result.ok ? { ok: true, value: undefined } : result;
    },
  };
}

async function request<T>(backend: Pick<BackendSrv, 'fetch'>, options: BackendSrvRequest): Promise<ApiResult<T>> {
  try {
    const response = await lastValueFrom(
      backend.fetch<T>({ ...options, showErrorAlert: false, showSuccessAlert: false })
    );
    return { ok: true, value: response.data };
  } catch (error) {
    return toFailure(error);
  }
}

function toFailure(error: unknown): { ok: false; status: number; message: string } {
  if (isFetchError<FetchErrorDataProps | undefined>(error)) {
    const message = error.data?.message || error.statusText || error.message || 'request failed';
    return { ok: false, status: error.status ?? 0, message };
  }
  return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
}
