/**
 * Where `push` and `pull` find Grafana: `--grafana URL`, and a service account token that only
 * the environment carries. Nothing here talks to Grafana (see grafanaSession.ts).
 */
import { CommandSpec, OptionSpec, ParsedArgs, requiredOption, usageError } from './args';
import { CliIo } from './io';
import { httpUrl } from './shared';

/** The environment variable holding the service account token. */
export const TOKEN_ENV = 'GRAFANA_TOKEN';

/** `--grafana URL`, shared by the commands that talk to Grafana. */
export const GRAFANA_OPTION: OptionSpec = {
  name: 'grafana',
  value: 'URL',
  description: 'Base URL of Grafana, e.g. http://localhost:3000 (required).',
};

/** The help paragraph on authentication, shared by the commands that talk to Grafana. */
export const TOKEN_HELP = [
  `Authenticates with a Grafana service account token read from the ${TOKEN_ENV} environment`,
  'variable (Administration > Users and access > Service accounts). The token is never accepted as',
  'an option, so that it stays out of shell history and process listings.',
].join('\n');

export interface GrafanaTarget {
  /** The base URL without a trailing slash, as shown in messages. */
  url: string;
  token: string;
}

/** Reads `--grafana` and the token; a usage error (exit code 2) when either is missing or wrong. */
export function grafanaTarget(args: ParsedArgs, spec: CommandSpec, io: CliIo): GrafanaTarget {
  const url = httpUrl('grafana', requiredOption(args, spec, 'grafana'), 'http://localhost:3000');
  const token = io.env[TOKEN_ENV]?.trim();
  if (!token) {
    throw usageError(
      `set ${TOKEN_ENV} to a Grafana service account token, e.g. ${TOKEN_ENV}=glsa_… (it is not taken as an option, to keep it out of shell history)`
    );
  }
  return { url: url.href.replace(/\/+$/, ''), token };
}
