/**
 * An in-memory stand-in for Grafana's alerting provisioning endpoints of contact points and the
 * notification policy tree, answering as Grafana's source does: writes answer 202; a write without
 * `X-Disable-Provenance` marks the resource `api`, and a provisioned resource refuses to become
 * editable again (403); `PUT /policies` replaces the whole tree and refuses a receiver no contact
 * point has (400); a contact point a route still names cannot be deleted (409); `object_matchers`
 * come back sorted and `continue: false` left out. Usable as a transport (API and command-line
 * tests) and as a route of the fake backend service (component tests).
 */
import { GrafanaRoute } from '../../domain/escalation';
import {
  AlertingRequest,
  AlertingTransport,
  CONTACT_POINTS_URL,
  isProvisioned,
  POLICIES_URL,
  ProvisionedContactPoint,
} from '../alerting/notificationProvisioning';
import { PROVENANCE_HEADER } from '../alerting/provenance';
import { FakeAnswer, Route } from './fakeBackend';

export interface FakeAlerting {
  /** Every request, in order. */
  requests: AlertingRequest[];
  /** How many requests would have changed something (POST, PUT, DELETE). */
  writes(): number;
  contactPoints(): ProvisionedContactPoint[];
  /** The tree as `GET /policies` returns it. */
  tree(): GrafanaRoute;
  /** Replaces the tree behind the app's back (someone in Grafana's UI). */
  setTree(tree: GrafanaRoute): void;
  /** Makes the next request with this method and URL prefix fail with the status and message. */
  failNext(method: string, url: string, status: number, message: string): void;
  /** Runs before a `PUT /policies` is applied, e.g. to let another writer in between. */
  beforePolicyWrite?: () => void;
  transport: AlertingTransport;
  /** For `installFakeBackend`: answers the alerting provisioning URLs, leaves the rest to other routes. */
  route: Route;
  handle(request: AlertingRequest): FakeAnswer;
}

/** Grafana's default tree: everything to the default email contact point. */
export const DEFAULT_TREE: GrafanaRoute = {
  receiver: 'grafana-default-email',
  group_by: ['grafana_folder', 'alertname'],
};

const DEFAULT_POINT: ProvisionedContactPoint = {
  uid: 'default-email',
  name: 'grafana-default-email',
  type: 'email',
  settings: { addresses: '<example@email.com>' },
  disableResolveMessage: false,
};

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function receiversOf(route: GrafanaRoute): string[] {
  return [...(route.receiver ? [route.receiver] : []), ...(route.routes ?? []).flatMap(receiversOf)];
}

/** A route as Grafana stores and returns it. */
function stored(route: GrafanaRoute): GrafanaRoute {
  const { provenance: _p, continue: cont, ...rest } = clone(route);
  const out: GrafanaRoute = { ...rest, ...(cont ? { continue: true } : {}) };
  if (out.object_matchers) {
    out.object_matchers = [...out.object_matchers].sort((a, b) =>
      a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[2] !== b[2] ? (a[2] < b[2] ? -1 : 1) : a[1] < b[1] ? -1 : 1
    );
  }
  if (out.routes) {
    out.routes = out.routes.map(stored);
  }
  return out;
}

const answer = (status: number, body?: unknown): FakeAnswer => ({ status, body });
const refused = (status: number, message: string): FakeAnswer => ({ status, body: { message } });

export function createFakeAlerting(
  options: { tree?: GrafanaRoute; contactPoints?: ProvisionedContactPoint[]; treeProvenance?: string } = {}
): FakeAlerting {
  let points: ProvisionedContactPoint[] = clone(options.contactPoints ?? [DEFAULT_POINT]);
  let tree: GrafanaRoute = stored(options.tree ?? DEFAULT_TREE);
  let treeProvenance = options.treeProvenance ?? '';
  const failures: Array<{ method: string; url: string; status: number; message: string }> = [];

  const provenanceOf = (request: AlertingRequest) =>
    Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === PROVENANCE_HEADER.toLowerCase())
      ? ''
      : 'api';
  const locked = (from: string, to: string) =>
    isProvisioned(from) && !isProvisioned(to)
      ? refused(403, `Resource with provenance status '${from}' cannot be changed to 'none'`)
      : undefined;

  function contactPoint(request: AlertingRequest, uid?: string): FakeAnswer {
    const body = clone(request.data) as ProvisionedContactPoint;
    if (!body?.name || !body.type || !body.settings) {
      return refused(400, 'invalid object specification: name, type and settings are required');
    }
    if (body.type === 'email' && !String(body.settings.addresses ?? '').trim()) {
      return refused(400, 'could not find addresses in settings');
    }
    const provenance = provenanceOf(request);
    if (request.method === 'POST') {
      if (body.uid && !/^[A-Za-z0-9_-]{1,40}$/.test(body.uid)) {
        return refused(400, `invalid uid "${body.uid}"`);
      }
      if (points.some((point) => point.uid === body.uid)) {
        return refused(400, `a contact point with uid ${body.uid} already exists`);
      }
      const created = { ...body, uid: body.uid || `generated-${points.length}`, provenance };
      points.push(created);
      return answer(202, created);
    }
    const existing = points.find((point) => point.uid === uid);
    if (!existing) {
      return refused(404, 'contact point not found');
    }
    const lockedOut = locked(existing.provenance ?? '', provenance);
    if (lockedOut) {
      return lockedOut;
    }
    points = points.map((point) => (point.uid === uid ? { ...body, uid, provenance } : point));
    return answer(202, { message: 'contactpoint updated' });
  }

  function deleteContactPoint(uid: string): FakeAnswer {
    const existing = points.find((point) => point.uid === uid);
    if (!existing) {
      return answer(202, { message: 'contactpoint deleted' });
    }
    const last = points.filter((point) => point.name === existing.name).length === 1;
    if (last && receiversOf(tree).includes(existing.name)) {
      return refused(409, 'Contact point is currently referenced by a notification policy.');
    }
    points = points.filter((point) => point.uid !== uid);
    return answer(202, { message: 'contactpoint deleted' });
  }

  function putTree(request: AlertingRequest): FakeAnswer {
    const next = request.data as GrafanaRoute;
    if (!next?.receiver) {
      return refused(400, 'invalid object specification: root route must specify a default receiver');
    }
    const names = new Set(points.map((point) => point.name));
    const missing = receiversOf(next).find((name) => !names.has(name));
    if (missing) {
      return refused(400, `invalid object specification: receiver '${missing}' does not exist`);
    }
    const provenance = provenanceOf(request);
    const lockedOut = locked(treeProvenance, provenance);
    if (lockedOut) {
      return lockedOut;
    }
    server.beforePolicyWrite?.();
    tree = stored(next);
    treeProvenance = provenance;
    return answer(202, { message: 'policies updated' });
  }

  function handle(request: AlertingRequest): FakeAnswer {
    server.requests.push(clone(request));
    const failure = failures.findIndex((f) => f.method === request.method && request.url.startsWith(f.url));
    if (failure >= 0) {
      const [{ status, message }] = failures.splice(failure, 1);
      return refused(status, message);
    }
    const uid = request.url.startsWith(`${CONTACT_POINTS_URL}/`)
      ? decodeURIComponent(request.url.slice(CONTACT_POINTS_URL.length + 1))
      : undefined;
    if (request.url === CONTACT_POINTS_URL && request.method === 'GET') {
      return answer(
        200,
        clone(points).map(({ provenance, ...point }) => (provenance ? { ...point, provenance } : point))
      );
    }
    if (request.url === CONTACT_POINTS_URL && request.method === 'POST') {
      return contactPoint(request);
    }
    if (uid !== undefined && request.method === 'PUT') {
      return contactPoint(request, uid);
    }
    if (uid !== undefined && request.method === 'DELETE') {
      return deleteContactPoint(uid);
    }
    if (request.url === POLICIES_URL && request.method === 'GET') {
      return answer(200, { ...clone(tree), ...(treeProvenance ? { provenance: treeProvenance } : {}) });
    }
    if (request.url === POLICIES_URL && request.method === 'PUT') {
      return putTree(request);
    }
    return refused(404, `Not found: ${request.method} ${request.url}`);
  }

  const server: FakeAlerting = {
    requests: [],
    writes: () => server.requests.filter((request) => request.method !== 'GET').length,
    contactPoints: () => clone(points),
    tree: () => clone(tree),
    setTree: (next) => {
      tree = stored(next);
    },
    failNext: (method, url, status, message) => failures.push({ method, url, status, message }),
    handle,
    transport: async <T>(request: AlertingRequest) => {
      const { status, body } = handle(request);
      return status < 400
        ? { ok: true as const, status, value: body as T }
        : { ok: false as const, status, message: (body as { message: string }).message };
    },
    route: (request) =>
      request.url.startsWith(CONTACT_POINTS_URL) || request.url === POLICIES_URL
        ? handle({
            method: request.method as AlertingRequest['method'],
            url: request.url,
            data: request.data,
            headers: request.headers,
          })
        : undefined,
  };
  return server;
}
