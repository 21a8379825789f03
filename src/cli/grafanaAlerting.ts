/**
 * Grafana's alerting provisioning API from the command line: requests through `io.fetch` to the
 * target, signed with the same credentials as `push` and `pull` (a service account token, or basic
 * auth for a local Grafana), every answer an `ApiResult`.
 */
import type { ApiResult } from '../api/backend';
import { AlertingTransport } from '../api/alerting/notificationProvisioning';
import { authorizationOf } from './grafanaSession';
import { GrafanaTarget, PASSWORD_ENV, TOKEN_ENV, USER_ENV } from './grafanaTarget';
import { CliIo } from './io';

function messageOf(body: unknown, text: string, statusText: string): string {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return (typeof message === 'string' && message) || text.slice(0, 200) || statusText;
}

/** A transport to `target`'s alerting provisioning API. */
export function alertingTransport(io: CliIo, target: GrafanaTarget): AlertingTransport {
  const authorization = authorizationOf(target.credentials);
  return async <T>(request: Parameters<AlertingTransport>[0]): Promise<ApiResult<T>> => {
    const headers: Record<string, string> = { accept: 'application/json', authorization, ...request.headers };
    if (request.data !== undefined) {
      headers['content-type'] = 'application/json';
    }
    let response;
    try {
      response = await io.fetch(`${target.url}${request.url}`, {
        method: request.method,
        headers,
        body: request.data === undefined ? undefined : JSON.stringify(request.data),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      return {
        ok: false,
        message: `${target.url} did not answer: ${(error as Error).message}${typeof cause === 'string' ? ` (${cause})` : ''}`,
      };
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return response.ok
      ? { ok: true, status: response.status, value: body as T }
      : { ok: false, status: response.status, message: messageOf(body, text, response.statusText) };
  };
}

/** What to do about a refusal, by HTTP status. */
export function alertingHint(target: GrafanaTarget, status: number | undefined): string | undefined {
  switch (status) {
    case undefined:
      return 'is Grafana running at this URL?';
    case 401:
      return target.credentials.kind === 'token'
        ? `check ${TOKEN_ENV}: Grafana does not accept the token`
        : `check ${USER_ENV} and ${PASSWORD_ENV}: Grafana does not accept them`;
    case 403:
      return 'the credentials need alert.notifications.provisioning:write or alert.provisioning:write (an org Admin has both)';
    default:
      return undefined;
  }
}
