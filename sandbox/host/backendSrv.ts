import { from, lastValueFrom, Observable } from 'rxjs';
import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';

function withParams(url: string, params?: BackendSrvRequest['params']): string {
  if (!params || Object.keys(params).length === 0) {
    return url;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) {
        search.append(key, String(item));
      }
    }
  }
  return `${url}${url.includes('?') ? '&' : '?'}${search.toString()}`;
}

async function send<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
  const isForm = typeof options.data === 'string' || options.data instanceof URLSearchParams;
  const url = withParams(options.url.startsWith('/') ? options.url : `/${options.url}`, options.params);
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: { ...(isForm ? {} : { 'content-type': 'application/json' }), ...(options.headers ?? {}) },
    body: options.data === undefined ? undefined : isForm ? String(options.data) : JSON.stringify(options.data),
  });
  const text = await response.text();
  let data: unknown = text;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text, as Grafana does
  }
  const result = {
    data: data as T,
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers: response.headers,
    redirected: response.redirected,
    type: response.type,
    url: response.url,
    config: options,
  };
  if (!response.ok) {
    // Grafana rejects with a FetchError carrying status and the server's JSON body.
    throw { ...result, isHandled: false };
  }
  return result;
}

/** Grafana's backend service over the browser's fetch, as far as plugins use it. */
export class SandboxBackendSrv implements BackendSrv {
  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return from(send<T>(options));
  }
  async request<T>(options: BackendSrvRequest): Promise<T> {
    return (await send<T>(options)).data;
  }
  async datasourceRequest<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return send<T>(options);
  }
  get<T>(url: string, params?: BackendSrvRequest['params'], _requestId?: string, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, params, method: 'GET' });
  }
  delete<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }
  post<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }
  patch<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }
  put<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }
  chunked(): Observable<FetchResponse<Uint8Array | undefined>> {
    return from(Promise.reject(new Error('Streaming responses are not part of the sandbox')));
  }
}

/** Convenience for host code that wants a promise. */
export function fetchJson<T>(srv: BackendSrv, url: string): Promise<T> {
  return lastValueFrom(srv.fetch<T>({ url })).then((response) => response.data);
}
