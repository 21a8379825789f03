/**
 * Where `push` and `pull` find Grafana and how they sign in: `--grafana URL`, credentials that only
 * the environment carries (a service account token, or a user and password for a local or
 * development Grafana), and how long to wait for Grafana to start (`--wait`, push only). Nothing
 * here talks to Grafana (see grafanaSession.ts).
 */
import { CommandSpec, OptionSpec, optionValue, ParsedArgs, requiredOption, usageError } from './args';
import { CliIo } from './io';
import { httpUrl } from './shared';

/** The environment variable holding the service account token. */
export const TOKEN_ENV = 'GRAFANA_TOKEN';
/** The environment variables of basic auth, for local and development stacks. */
export const USER_ENV = 'GRAFANA_USER';
export const PASSWORD_ENV = 'GRAFANA_PASSWORD';

/** The longest `--wait`: an hour. */
export const MAX_WAIT_SECONDS = 3600;

/** `--grafana URL`, shared by the commands that talk to Grafana. */
export const GRAFANA_OPTION: OptionSpec = {
  name: 'grafana',
  value: 'URL',
  description: 'Base URL of Grafana, e.g. http://localhost:3000 (required).',
};

/** `--wait SECONDS`: for a Grafana that is still starting, e.g. next to it in a compose stack. */
export const WAIT_OPTION: OptionSpec = {
  name: 'wait',
  value: 'SECONDS',
  description: `Wait up to SECONDS (at most ${MAX_WAIT_SECONDS}) for Grafana to answer GET /api/health first; default 0, no waiting.`,
};

/** The help paragraph on authentication, shared by the commands that talk to Grafana. */
export const AUTH_HELP = [
  `Authenticates with a Grafana service account token read from the ${TOKEN_ENV} environment`,
  'variable (Administration > Users and access > Service accounts). For a local or development',
  `Grafana, ${USER_ENV} and ${PASSWORD_ENV} sign in as that user with basic auth instead (Grafana's`,
  `[auth.basic] enabled, its default); ${TOKEN_ENV} wins when both are set. Credentials are never`,
  'accepted as options, so that they stay out of shell history and process listings.',
].join('\n');

/** How requests are signed: a service account token, or a user's login and password. */
export type GrafanaCredentials = { kind: 'token'; token: string } | { kind: 'basic'; user: string; password: string };

export interface GrafanaTarget {
  /** The base URL without a trailing slash, as shown in messages. */
  url: string;
  credentials: GrafanaCredentials;
  /** How long to wait for `GET /api/health` to answer before anything else; 0 is not at all. */
  waitSeconds: number;
}

/**
 * Reads `--grafana`, `--wait` (where the command has it) and the credentials; a usage error (exit
 * code 2) when one is missing or wrong.
 */
export function grafanaTarget(args: ParsedArgs, spec: CommandSpec, io: CliIo): GrafanaTarget {
  const url = httpUrl('grafana', requiredOption(args, spec, 'grafana'), 'http://localhost:3000');
  return {
    url: url.href.replace(/\/+$/, ''),
    credentials: credentialsOf(io.env),
    waitSeconds: waitSecondsOf(optionValue(args, 'wait')),
  };
}

/** A token when there is one, otherwise a user and password; both parts of basic auth are needed. */
function credentialsOf(env: CliIo['env']): GrafanaCredentials {
  const token = env[TOKEN_ENV]?.trim();
  if (token) {
    return { kind: 'token', token };
  }
  const user = env[USER_ENV]?.trim();
  const password = env[PASSWORD_ENV];
  if (user && password) {
    return { kind: 'basic', user, password };
  }
  if (user || password) {
    const missing = user ? PASSWORD_ENV : USER_ENV;
    throw usageError(`set ${missing} too: basic auth needs both ${USER_ENV} and ${PASSWORD_ENV}`);
  }
  throw usageError(
    `set ${TOKEN_ENV} to a Grafana service account token, e.g. ${TOKEN_ENV}=glsa_…, or ${USER_ENV} and ${PASSWORD_ENV} for a local or development Grafana (credentials are not taken as options, to keep them out of shell history)`
  );
}

function waitSecondsOf(text: string | undefined): number {
  if (text === undefined) {
    return 0;
  }
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(seconds <= MAX_WAIT_SECONDS)) {
    throw usageError(`--wait must be a whole number of seconds from 0 to ${MAX_WAIT_SECONDS}, got "${text}"`);
  }
  return seconds;
}
