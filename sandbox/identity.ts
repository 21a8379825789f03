/**
 * Who a request acts as: the browser session (SANDBOX_ROLE), or the service account a bearer token
 * names, with an optional `X-Sandbox-User` header naming the login that tests record as the
 * author of a save.
 */
import { IncomingMessage } from 'node:http';
import { ApiAnswer } from './http';
import { OrgRole, parseRole } from './roles';

export interface Identity {
  role: OrgRole;
  login: string;
}

/** Bearer tokens the sandbox accepts, each acting as a role and a login. */
export type SandboxTokens = Record<string, Identity>;

/** The header tests use to act as several users with the same role. */
const SANDBOX_USER_HEADER = 'x-sandbox-user';

/**
 * Grafana's answer to a bearer token it does not know: `errAPIKeyInvalid`
 * (pkg/services/authn/clients/api_key.go), rendered by errutil as its public payload.
 */
const INVALID_API_KEY: ApiAnswer = {
  status: 401,
  body: { message: 'Invalid API key', messageId: 'api-key.invalid', statusCode: 401 },
};

/** The identity of `req`, or the 401 Grafana answers for an unknown bearer token. */
export function identify(
  req: IncomingMessage,
  sessionRole: OrgRole,
  tokens: SandboxTokens
): { ok: true; identity: Identity } | ApiAnswer {
  const authorization = req.headers.authorization ?? '';
  let identity: Identity = { role: sessionRole, login: sessionRole.toLowerCase() };
  if (authorization.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length);
    if (!Object.hasOwn(tokens, token)) {
      return INVALID_API_KEY;
    }
    identity = tokens[token];
  }
  const user = req.headers[SANDBOX_USER_HEADER];
  return { ok: true, identity: typeof user === 'string' && user !== '' ? { ...identity, login: user } : identity };
}

/** `SANDBOX_TOKENS`: a JSON object of token → `{ role, login }`; none when unset. */
export function parseTokens(value: string | undefined): SandboxTokens {
  if (value === undefined || value === '') {
    return {};
  }
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('SANDBOX_TOKENS must be a JSON object of token → { role, login }');
  }
  return Object.fromEntries(
    Object.entries(parsed as Record<string, { role?: string; login?: unknown }>).map(([token, entry]) => {
      if (
        typeof entry?.login !== 'string' ||
        entry.login === '' ||
        typeof entry.role !== 'string' ||
        entry.role === ''
      ) {
        throw new Error(`SANDBOX_TOKENS: token "${token}" needs a role and a login`);
      }
      return [token, { role: parseRole(entry.role), login: entry.login }];
    })
  );
}
