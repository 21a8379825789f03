/**
 * The registry in a running Grafana, for `push` and `pull`. Requests go through `io.fetch` with
 * the service account token, and the app's own store loads and saves: the command line checks
 * document versions, puts back refused saves and writes change records exactly as the app does.
 */
import type { OrgRole } from '@grafana/data';

import { RegistryDocument } from '../domain/model';
import { RegistryUser } from '../storage/access';
import { createGrafanaApi } from '../storage/grafana/api';
import { fetchTransport } from '../storage/grafana/fetchTransport';
import { loadRegistry, LoadedRegistry, saveRegistry, SaveResult } from '../storage/registryStore';
import { CliError } from './args';
import { GrafanaTarget, TOKEN_ENV } from './grafanaTarget';
import { CliIo, CliRequestInit, EXIT_USAGE } from './io';

/** How a load may act: `read` never writes; `write` moves a registry out of the plugin settings. */
export type LoadMode = 'read' | 'write';

export interface GrafanaSession {
  url: string;
  /** The login of the token's service account, or `cli` when Grafana does not say. */
  login: string;
  /** The registry as the app reads it; a failure is a `CliError` with exit code 2. */
  load(mode: LoadMode): Promise<LoadedRegistry>;
  /** Saves `next` over `base` as the app does. */
  save(base: LoadedRegistry, next: RegistryDocument): Promise<SaveResult>;
}

/**
 * Who the store acts as. Grafana checks every request against the token's real permissions, so
 * the command line claims the Admin role and leaves refusals to Grafana. The reader holds an
 * explicit permission list without `plugins:write`, so a load never moves a registry out of the
 * plugin settings (a write a pull or dry run must not make).
 */
function userOf(login: string, mode: LoadMode): RegistryUser {
  const permissions: Record<string, boolean> = mode === 'write' ? {} : { 'folders:create': true };
  return { login, orgRole: 'Admin' as OrgRole, permissions };
}

/** `io.fetch` in the shape `fetchTransport` takes; it reads only what `CliResponse` has. */
function asFetch(io: CliIo): typeof fetch {
  return ((url: string, init?: CliRequestInit) => io.fetch(url, init)) as unknown as typeof fetch;
}

const HINTS: Record<number, string> = {
  0: 'is Grafana running at this URL?',
  401: `check ${TOKEN_ENV}: Grafana does not accept the token`,
  403: "the token's service account needs the Viewer role at least",
  404: 'is the Business Owner app installed and enabled in this organisation?',
};

function failure(url: string, message: string, status: number | undefined): CliError {
  const hint = status === undefined ? undefined : HINTS[status];
  // The transport's own "did not answer" message names the URL already.
  const where = message.startsWith(url) ? '' : `${url}: `;
  return new CliError(`${where}${message}${hint ? ` (${hint})` : ''}`, EXIT_USAGE);
}

/**
 * Opens a session: asks Grafana who the token is (the login goes into the change records), which
 * also finds an unreachable Grafana or a refused token before anything else is done.
 */
export async function connectGrafana(io: CliIo, target: GrafanaTarget): Promise<GrafanaSession> {
  const transport = fetchTransport(target.url, target.token, asFetch(io));
  const me = await transport<{ login?: unknown }>({ method: 'GET', url: '/api/user' });
  if (!me.ok && (me.status === 0 || me.status === 401)) {
    throw failure(target.url, me.message, me.status);
  }
  const login = me.ok && typeof me.value?.login === 'string' && me.value.login ? me.value.login : 'cli';
  const api = createGrafanaApi(transport);
  return {
    url: target.url,
    login,
    load: async (mode) => {
      const loaded = await loadRegistry(api, userOf(login, mode));
      if (!loaded.ok) {
        throw failure(target.url, loaded.message, loaded.kind === 'conflict' ? undefined : loaded.status);
      }
      return loaded;
    },
    save: (base, next) => saveRegistry(base, next, { api, user: userOf(login, 'write') }),
  };
}
