/**
 * Reaching Grafana from outside it (command line, sandbox seed) with `fetch` and a service account
 * token: every answer becomes an `ApiResult`; nothing here throws. No @grafana/* runtime code, so
 * it runs in Node.
 */
import { ApiFailure, ApiRequest, ApiResult, Transport } from './types';

/** Requests to `baseUrl` with `fetch`, signed with a service account token when one is given. */
export function fetchTransport(baseUrl: string, token?: string, fetchImpl: typeof fetch = fetch): Transport {
  const root = baseUrl.replace(/\/+$/, '');
  return async <T>(request: ApiRequest): Promise<ApiResult<T>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    if (request.data !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const send = () =>
      fetchImpl(root + request.url + queryString(request.params), {
        method: request.method,
        headers,
        body: request.data === undefined ? undefined : JSON.stringify(request.data),
      });
    let response: Response;
    try {
      response = await send().catch((error) => {
        // A kept-alive connection the server has closed (a restart, an idle timeout) fails at once;
        // a read is safe to send again on a new one. Writes are not repeated.
        if (request.method === 'GET') {
          return send();
        }
        throw error;
      });
    } catch (error) {
      return { ok: false, status: 0, message: `${root} did not answer: ${(error as Error).message}` };
    }
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (response.ok) {
      return { ok: true, value: body as T };
    }
    return failure(response, body, text);
  };
}

function failure(response: Response, body: unknown, text: string): ApiFailure {
  const fields = typeof body === 'object' && body !== null ? (body as { message?: unknown; status?: unknown }) : {};
  const message = typeof fields.message === 'string' && fields.message ? fields.message : text.slice(0, 200);
  return {
    ok: false,
    status: response.status,
    message: message || response.statusText,
    code: typeof fields.status === 'string' ? fields.status : undefined,
  };
}

function queryString(params: ApiRequest['params']): string {
  if (!params) {
    return '';
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
