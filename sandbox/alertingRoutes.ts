/**
 * Grafana's alerting provisioning API of contact points and the notification policy tree, as the
 * sandbox stands in for it, so that the escalation preview and push run in the browser: the
 * stand-in the component and command-line tests use (src/api/testing/fakeAlerting.ts, Grafana's
 * answers and provenance rules), one per sandbox, behind the permissions Grafana's routes check
 * (pkg/services/ngalert/api/authorization.go): reading needs `alert.provisioning:read` or
 * `alert.notifications.provisioning:read`, writing `alert.provisioning:write` or
 * `alert.notifications.provisioning:write`.
 */
import { IncomingMessage } from 'node:http';
import { AlertingRequest, CONTACT_POINTS_URL, POLICIES_URL } from '../src/api/alerting/notificationProvisioning';
import { createFakeAlerting } from '../src/api/testing/fakeAlerting';
import { accessDenied, ApiAnswer, readJsonBody } from './http';
import { Identity } from './identity';
import { can } from './roles';

const READ = ['alert.provisioning:read', 'alert.notifications.provisioning:read'];
const WRITE = ['alert.provisioning:write', 'alert.notifications.provisioning:write'];

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** Answers the contact point and policy routes; `undefined` for every other request. */
export type AlertingRoutes = (req: IncomingMessage, url: URL, who: Identity) => Promise<ApiAnswer | undefined>;

export function createAlertingRoutes(): AlertingRoutes {
  const alerting = createFakeAlerting();
  return async (req, url, who) => {
    const path = url.pathname.replace(/\/$/, '');
    const method = req.method ?? 'GET';
    const ours = path === POLICIES_URL || path === CONTACT_POINTS_URL || path.startsWith(`${CONTACT_POINTS_URL}/`);
    if (!ours || !METHODS.has(method)) {
      return undefined;
    }
    const needed = method === 'GET' ? READ : WRITE;
    if (!needed.some((permission) => can(who.role, permission))) {
      return accessDenied(...needed);
    }
    let data: unknown;
    if (method === 'POST' || method === 'PUT') {
      const body = await readJsonBody(req);
      if (!('ok' in body)) {
        return body;
      }
      data = body.value;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : []))
    );
    const request: AlertingRequest = { method: method as AlertingRequest['method'], url: path, data, headers };
    const { status, body } = alerting.handle(request);
    return { status, body };
  };
}
