/**
 * The in-memory Grafana of the storage tests (`createFakeGrafana`) behind a `fetch`, reached the
 * way the command line reaches a real one: the bearer token picks the service account (a missing
 * or unknown token gets 401), and `GET /api/user` answers with its login.
 */
import { lastValueFrom } from 'rxjs';

import { FakeGrafana } from '../../storage/testing/fakeGrafana';
import { CliFetch, CliResponse } from '../io';

export interface ServiceAccount {
  login: string;
  role: 'Admin' | 'Editor' | 'Viewer';
}

export interface FakeGrafanaFetch extends CliFetch {
  /** `METHOD path` of every request, those refused for their token included. */
  calls: string[];
}

function reply(status: number, body: unknown): CliResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  };
}

/** A `fetch` into `server`, with `tokens` mapping each token to its service account. */
export function fakeGrafanaFetch(server: FakeGrafana, tokens: Record<string, ServiceAccount>): FakeGrafanaFetch {
  const calls: string[] = [];
  const fetch: CliFetch = async (url, init = {}) => {
    const { pathname, searchParams } = new URL(url);
    const method = init.method ?? 'GET';
    calls.push(`${method} ${pathname}`);
    const token = init.headers?.authorization?.replace(/^Bearer /, '');
    const account = token === undefined ? undefined : tokens[token];
    if (!account) {
      return reply(401, { message: 'invalid API key' });
    }
    if (pathname === '/api/user') {
      return reply(200, { login: account.login });
    }
    const request = {
      method,
      url: pathname,
      params: Object.fromEntries(searchParams),
      data: init.body === undefined ? undefined : JSON.parse(init.body),
    };
    try {
      const response = await lastValueFrom(server.client(account.login, account.role).fetch(request));
      return reply(200, response.data);
    } catch (error) {
      const failure = error as { status: number; data?: unknown };
      return reply(failure.status, failure.data);
    }
  };
  return Object.assign(fetch, { calls });
}
