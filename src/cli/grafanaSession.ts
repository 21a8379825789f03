/**
 * The registry in a running Grafana, for `push` and `pull`. Requests go through `io.fetch`, signed
 * with the target's credentials, and the app's own store loads and saves: the command line checks
 * document versions, puts back refused saves and writes change records exactly as the app does.
 */
import type { OrgRole } from '@grafana/data';

import { RegistryDocument } from '../domain/model';
import { RegistryUser } from '../storage/access';
import { createGrafanaApi, GrafanaApi } from '../storage/grafana/api';
import { fetchTransport } from '../storage/grafana/fetchTransport';
import { loadRegistry, LoadedRegistry, saveRegistry, SaveResult } from '../storage/registryStore';
import { CliError } from './args';
import { GrafanaCredentials, GrafanaTarget, PASSWORD_ENV, TOKEN_ENV, USER_ENV } from './grafanaTarget';
import { CliFetch, CliIo, CliRequestInit, EXIT_USAGE } from './io';

/** How a load may act: `read` never writes; `write` moves a registry out of the plugin settings. */
export type LoadMode = 'read' | 'write';

export interface GrafanaSession {
  url: string;
  /** The login of the token's service account or of the basic-auth user, or `cli` when Grafana does not say. */
  login: string;
  /** The registry as the app reads it; a failure is a `CliError` with exit code 2. */
  load(mode: LoadMode): Promise<LoadedRegistry>;
  /** Saves `next` over `base` as the app does. */
  save(base: LoadedRegistry, next: RegistryDocument): Promise<SaveResult>;
  /** Grafana's API with the same credentials, for the other documents the app keeps (period reports). */
  api: GrafanaApi;
}

/** Time as the wait for Grafana sees it; tests pass a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Between two looks at `/api/health` while waiting. */
export const HEALTH_POLL_MS = 1000;
/** How long one look may take before it counts as no answer. */
const HEALTH_TIMEOUT_MS = 5000;

/**
 * Who the store acts as. Grafana checks every request against the credentials' real permissions,
 * so the command line claims the Admin role and leaves refusals to Grafana. The reader holds an
 * explicit permission list without `plugins:write`, so a load never moves a registry out of the
 * plugin settings (a write a pull or dry run must not make).
 */
function userOf(login: string, mode: LoadMode): RegistryUser {
  const permissions: Record<string, boolean> = mode === 'write' ? {} : { 'folders:create': true };
  return { login, orgRole: 'Admin' as OrgRole, permissions };
}

/** The `Authorization` header for `credentials`. */
export function authorizationOf(credentials: GrafanaCredentials): string {
  return credentials.kind === 'token'
    ? `Bearer ${credentials.token}`
    : `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/**
 * `io.fetch` in the shape `fetchTransport` takes, signing every request: the transport itself
 * only knows bearer tokens, so it is given none and the header is added here.
 */
function signedFetch(io: CliIo, credentials: GrafanaCredentials): typeof fetch {
  const authorization = authorizationOf(credentials);
  const signed: CliFetch = (url, init: CliRequestInit = {}) =>
    io.fetch(url, { ...init, headers: { ...init.headers, authorization } });
  // It reads only what `CliResponse` has.
  return signed as unknown as typeof fetch;
}

function hints(credentials: GrafanaCredentials): Record<number, string> {
  const who = credentials.kind === 'token' ? "the token's service account" : `user ${credentials.user}`;
  return {
    0: 'is Grafana running at this URL?',
    401:
      credentials.kind === 'token'
        ? `check ${TOKEN_ENV}: Grafana does not accept the token`
        : `check ${USER_ENV} and ${PASSWORD_ENV}: Grafana does not accept them, or has basic auth off ([auth.basic] enabled)`,
    403: `${who} needs the Viewer role at least`,
    404: 'is the Business Owner app installed and enabled in this organisation?',
  };
}

function failure(target: GrafanaTarget, message: string, status: number | undefined): CliError {
  const hint = status === undefined ? undefined : hints(target.credentials)[status];
  // The transport's own "did not answer" message names the URL already.
  const where = message.startsWith(target.url) ? '' : `${target.url}: `;
  return new CliError(`${where}${message}${hint ? ` (${hint})` : ''}`, EXIT_USAGE);
}

/** Why `GET /api/health` did not say Grafana is up, or `undefined` when it did. */
async function healthProblem(io: CliIo, url: string): Promise<string | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), HEALTH_TIMEOUT_MS);
  try {
    const response = await io.fetch(`${url}/api/health`, {
      headers: { accept: 'application/json' },
      signal: abort.signal,
    });
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    // Node's fetch says only "fetch failed"; its cause says why (ECONNREFUSED, ENOTFOUND, …).
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why = [cause?.code, cause?.message].find((text) => typeof text === 'string' && text !== '');
    return `${(error as Error).message}${why ? ` (${why})` : ''}`;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until Grafana answers `GET /api/health` (no credentials needed), looking every second, for
 * up to `seconds`; then a `CliError` (exit code 2) naming the last answer. Says on stderr that it
 * waits, and when Grafana answered, so that a compose log shows both.
 */
export async function waitForGrafana(io: CliIo, url: string, seconds: number, clock: Clock = systemClock) {
  const start = clock.now();
  const deadline = start + seconds * 1000;
  for (let attempt = 1; ; attempt++) {
    const problem = await healthProblem(io, url);
    if (problem === undefined) {
      if (attempt > 1) {
        io.stderr(`${url} answered after ${Math.round((clock.now() - start) / 1000)} s\n`);
      }
      return;
    }
    if (attempt === 1) {
      io.stderr(`waiting up to ${seconds} s for ${url} to answer GET /api/health (${problem})\n`);
    }
    const left = deadline - clock.now();
    if (left <= 0) {
      throw new CliError(`${url} did not answer GET /api/health within ${seconds} s: ${problem}`, EXIT_USAGE);
    }
    await clock.sleep(Math.min(HEALTH_POLL_MS, left));
  }
}

/**
 * Opens a session: waits for Grafana when the target says so, then asks Grafana who the
 * credentials are (the login goes into the change records), which also finds an unreachable
 * Grafana or refused credentials before anything else is done.
 */
export async function connectGrafana(
  io: CliIo,
  target: GrafanaTarget,
  clock: Clock = systemClock
): Promise<GrafanaSession> {
  if (target.waitSeconds > 0) {
    await waitForGrafana(io, target.url, target.waitSeconds, clock);
  }
  const transport = fetchTransport(target.url, undefined, signedFetch(io, target.credentials));
  const me = await transport<{ login?: unknown }>({ method: 'GET', url: '/api/user' });
  if (!me.ok && (me.status === 0 || me.status === 401)) {
    throw failure(target, me.message, me.status);
  }
  const login = me.ok && typeof me.value?.login === 'string' && me.value.login ? me.value.login : 'cli';
  const api = createGrafanaApi(transport);
  return {
    url: target.url,
    login,
    load: async (mode) => {
      const loaded = await loadRegistry(api, userOf(login, mode));
      if (!loaded.ok) {
        throw failure(target, loaded.message, loaded.kind === 'conflict' ? undefined : loaded.status);
      }
      return loaded;
    },
    save: (base, next) => saveRegistry(base, next, { api, user: userOf(login, 'write') }),
    api,
  };
}
