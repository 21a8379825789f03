/**
 * Reaching Grafana from inside it, through `getBackendSrv()`: every answer becomes an
 * `ApiResult`; nothing here throws. (`fetchTransport.ts` does the same from the command line.)
 */
import { lastValueFrom } from 'rxjs';
import { BackendSrv, FetchErrorDataProps, isFetchError } from '@grafana/runtime';
import { ApiRequest, ApiResult, Transport } from './types';

/**
 * Requests through Grafana's `BackendSrv`, with its error toasts off: callers show the returned
 * error next to the form instead.
 */
export function backendSrvTransport(backend: Pick<BackendSrv, 'fetch'>): Transport {
  return async <T>(request: ApiRequest): Promise<ApiResult<T>> => {
    try {
      const response = await lastValueFrom(
        backend.fetch<T>({ ...request, showErrorAlert: false, showSuccessAlert: false })
      );
      return { ok: true, value: response.data };
    } catch (error) {
      if (isFetchError<(FetchErrorDataProps & { status?: string }) | undefined>(error)) {
        const message = error.data?.message || error.statusText || error.message || 'request failed';
        return { ok: false, status: error.status ?? 0, message, code: error.data?.status };
      }
      return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
