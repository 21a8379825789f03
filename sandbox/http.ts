/**
 * HTTP plumbing shared by the sandbox's routes: JSON answers, request bodies, and the error bodies
 * Grafana's middleware writes.
 */
import { randomInt } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';

/** A status and a JSON body, as the store functions answer so routes only have to send them. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function send(res: ServerResponse, answer: ApiAnswer): void {
  sendJson(res, answer.status, answer.body);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's JSON body, or Grafana's answer to a body it cannot bind (`web.Bind` failing). */
export async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | ApiAnswer> {
  try {
    return { ok: true, value: JSON.parse(await readBody(req)) };
  } catch {
    return { status: 400, body: { message: 'bad request data' } };
  }
}

/**
 * What Grafana's access-control middleware answers when the caller lacks the route's permissions
 * (pkg/services/accesscontrol/middleware.go `deny`): the evaluator's string is the action, or
 * `any of a, b` for an `EvalAny`, and the id is `ACE` and ten digits.
 */
export function accessDenied(...actions: string[]): ApiAnswer {
  const needed = actions.length === 1 ? actions[0] : `any of ${actions.join(', ')}`;
  const digits = Array.from({ length: 10 }, () => randomInt(10)).join('');
  return {
    status: 403,
    body: {
      title: 'Access denied',
      message: `You'll need additional permissions to perform this action. Permissions needed: ${needed}`,
      accessErrorId: `ACE${digits}`,
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
