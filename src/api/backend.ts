/**
 * Requests to Grafana's HTTP API through the runtime's backend service, as plugins make them:
 * Grafana adds the session, the org and the CSRF header. Every outcome is a value; nothing here
 * throws for a failed request, so pages can show Grafana's own message next to what failed.
 */
import { lastValueFrom } from 'rxjs';
import { BackendSrvRequest, getBackendSrv } from '@grafana/runtime';

export interface ApiFailure {
  ok: false;
  /** HTTP status; absent when no answer arrived. */
  status?: number;
  /** Grafana's (or Prometheus') own message, e.g. `folder not found`. */
  message: string;
}

export type ApiResult<T> = { ok: true; status: number; value: T } | ApiFailure;

/** Sends one request; Grafana's error toasts are off because the caller shows the failure in place. */
export async function apiRequest<T>(options: BackendSrvRequest): Promise<ApiResult<T>> {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<T>({ showErrorAlert: false, showSuccessAlert: false, ...options })
    );
    return { ok: true, status: response.status, value: response.data };
  } catch (error) {
    return failureOf(error);
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Reads a rejected request: Grafana answers `{ message }`, Prometheus `{ error }`, a proxy may send
 * plain text; the status text is the last resort.
 */
export function failureOf(error: unknown): ApiFailure {
  const status = field(error, 'status');
  const data = field(error, 'data');
  const message =
    text(field(data, 'message')) ??
    text(field(data, 'error')) ??
    text(data) ??
    text(field(error, 'statusText')) ??
    text(field(error, 'message')) ??
    'no answer';
  return { ok: false, status: typeof status === 'number' ? status : undefined, message };
}
