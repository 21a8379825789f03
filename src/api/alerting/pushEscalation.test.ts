import { buildEscalationPlan, buildGrafanaEscalation, GrafanaRoute } from '../../domain/escalation';
import { RegistryDocument } from '../../domain/model';
import { baseRegistry, baseSlo } from '../../domain/testing/builders';
import { createFakeAlerting, DEFAULT_TREE } from '../testing/fakeAlerting';
import { AlertingTransport, notificationApi } from './notificationProvisioning';
import { previewEscalation, pushEscalation } from './pushEscalation';

function registry(): RegistryDocument {
  return baseRegistry({ slos: [baseSlo('ratio')] });
}

function wanted(doc = registry()) {
  return buildGrafanaEscalation(buildEscalationPlan(doc));
}

/** The routes an admin made: kept byte for byte by every push. */
const ADMIN_ROUTES: GrafanaRoute[] = [
  {
    receiver: 'grafana-default-email',
    object_matchers: [['team', '=', 'dba']],
    group_wait: '1m',
    routes: [{ receiver: 'grafana-default-email', object_matchers: [['severity', '=', 'critical']], continue: true }],
  },
  { receiver: 'grafana-default-email', matchers: ['env="prod"'], mute_time_intervals: ['weekends'] },
];

const line = (request: { method: string; url: string }) => `${request.method} ${request.url}`;

describe('pushEscalation', () => {
  test('creates the contact points, then puts the app route first in the tree, editable when asked', async () => {
    const grafana = createFakeAlerting();
    const result = await pushEscalation(notificationApi(grafana.transport), wanted(), { editable: true });
    expect(result.ok).toBe(true);
    expect(grafana.requests.map(line)).toEqual([
      'GET /api/v1/provisioning/contact-points',
      'GET /api/v1/provisioning/policies',
      'POST /api/v1/provisioning/contact-points',
      'POST /api/v1/provisioning/contact-points',
      'POST /api/v1/provisioning/contact-points',
      'GET /api/v1/provisioning/policies',
      'PUT /api/v1/provisioning/policies',
    ]);
    expect(grafana.requests[2].headers).toEqual({ 'X-Disable-Provenance': 'true' });
    expect(grafana.requests[2].data).toEqual({
      uid: 'bo-notify-slo-page-checkout-oncall',
      name: 'slo-page-checkout-oncall',
      type: 'email',
      settings: { addresses: 'bruno@example.com;ana@example.com', singleEmail: false },
      disableResolveMessage: false,
    });
    const tree = grafana.tree();
    expect(tree.receiver).toBe(DEFAULT_TREE.receiver);
    expect(tree.group_by).toEqual(DEFAULT_TREE.group_by);
    expect(tree.routes![0].object_matchers).toEqual([['sloth_id', '=~', '.+']]);
    expect(tree.routes![0].routes![0].receiver).toBe('slo-ticket-checkout-oncall');
    expect(grafana.contactPoints().map((point) => [point.uid, point.provenance])).toEqual([
      ['default-email', undefined],
      ['bo-notify-slo-page-checkout-oncall', ''],
      ['bo-notify-slo-ticket-checkout-oncall', ''],
      ['bo-notify-slo-owner-ana', ''],
    ]);
    if (result.ok) {
      expect(result.steps.map((step) => [step.kind, step.action, step.outcome])).toEqual([
        ['contactPoint', 'create', 'done'],
        ['contactPoint', 'create', 'done'],
        ['contactPoint', 'create', 'done'],
        ['policy', 'update', 'done'],
      ]);
    }
  });

  test('other routes of the tree stay untouched, before and after the app route', async () => {
    const grafana = createFakeAlerting({ tree: { ...DEFAULT_TREE, routes: ADMIN_ROUTES } });
    const before = grafana.tree().routes!;
    await pushEscalation(notificationApi(grafana.transport), wanted(), { editable: false });
    const after = grafana.tree();
    expect(after.routes!.slice(1)).toEqual(before);
    expect(after.receiver).toBe(DEFAULT_TREE.receiver);
    expect(grafana.requests.filter((r) => r.method === 'PUT')[0].headers).toEqual({});
  });

  test('a second push writes nothing and reports every step unchanged', async () => {
    const grafana = createFakeAlerting({ tree: { ...DEFAULT_TREE, routes: ADMIN_ROUTES } });
    const api = notificationApi(grafana.transport);
    await pushEscalation(api, wanted(), { editable: true });
    const writes = grafana.writes();
    const snapshot = JSON.stringify([grafana.tree(), grafana.contactPoints()]);
    const second = await pushEscalation(api, wanted(), { editable: true });
    expect(grafana.writes()).toBe(writes);
    expect(JSON.stringify([grafana.tree(), grafana.contactPoints()])).toBe(snapshot);
    expect(second.ok && second.steps.map((step) => step.action)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });

  test('a dry run reads and says what would change, and writes nothing', async () => {
    const grafana = createFakeAlerting({ tree: { ...DEFAULT_TREE, routes: ADMIN_ROUTES } });
    const snapshot = JSON.stringify([grafana.tree(), grafana.contactPoints()]);
    const preview = await previewEscalation(notificationApi(grafana.transport), wanted());
    expect(grafana.writes()).toBe(0);
    expect(JSON.stringify([grafana.tree(), grafana.contactPoints()])).toBe(snapshot);
    expect(preview.ok && preview.steps.map((step) => [step.kind, step.action, step.outcome])).toEqual([
      ['contactPoint', 'create', 'planned'],
      ['contactPoint', 'create', 'planned'],
      ['contactPoint', 'create', 'planned'],
      ['policy', 'update', 'planned'],
    ]);
    const policy = preview.ok ? preview.steps[3] : undefined;
    expect(policy?.kind === 'policy' && policy.changes).toEqual({
      created: true,
      added: ['checkout'],
      removed: [],
      changed: [],
      rootChanged: false,
      otherRoutes: 2,
    });
  });

  test('a changed address updates its contact point; a receiver no longer needed is deleted after the tree', async () => {
    const grafana = createFakeAlerting({
      contactPoints: [
        { uid: 'mine', name: 'ops-pager', type: 'webhook', settings: { url: 'https://pager.example.com' } },
      ],
      tree: { receiver: 'ops-pager' },
    });
    const api = notificationApi(grafana.transport);
    await pushEscalation(api, wanted(), { editable: true });
    const doc = registry();
    doc.people[1].email = 'bruno@payments.example.com';
    doc.services[0].owners = { serviceOwner: 'bruno' };
    grafana.requests.length = 0;
    const result = await pushEscalation(api, wanted(doc), { editable: true });
    expect(
      result.ok && result.steps.map((step) => [step.action, step.kind === 'contactPoint' ? step.uid : 'tree'])
    ).toEqual([
      ['update', 'bo-notify-slo-page-checkout-oncall'],
      ['update', 'bo-notify-slo-ticket-checkout-oncall'],
      ['update', 'tree'],
      ['delete', 'bo-notify-slo-owner-ana'],
    ]);
    expect(grafana.requests.map(line).slice(-2)).toEqual([
      'PUT /api/v1/provisioning/policies',
      'DELETE /api/v1/provisioning/contact-points/bo-notify-slo-owner-ana',
    ]);
    expect(grafana.contactPoints().map((point) => point.uid)).toEqual([
      'mine',
      'bo-notify-slo-page-checkout-oncall',
      'bo-notify-slo-ticket-checkout-oncall',
    ]);
    const update = result.ok ? result.steps[0] : undefined;
    expect(update?.kind === 'contactPoint' && [update.previousEmails, update.emails]).toEqual([
      ['bruno@example.com', 'ana@example.com'],
      ['bruno@payments.example.com', 'ana@example.com'],
    ]);
  });

  test('a provisioned tree and contact point stay provisioned: the opt-out header would be refused', async () => {
    const grafana = createFakeAlerting({ treeProvenance: 'api' });
    const api = notificationApi(grafana.transport);
    await pushEscalation(api, wanted(), { editable: false });
    const doc = registry();
    doc.people[0].email = 'ana@shop.example.com';
    const result = await pushEscalation(api, wanted(doc), { editable: true });
    expect(result.ok && result.steps.map((step) => step.outcome)).toEqual(['done', 'done', 'done', 'done']);
    const puts = grafana.requests.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.headers)).toEqual([{}, {}, {}, {}]);
    const owner = result.ok ? result.steps[2] : undefined;
    expect(owner?.kind === 'contactPoint' && owner.staysProvisioned).toBe(true);
  });

  test('a tree provisioned from a file is not written; its stale contact points are kept', async () => {
    const grafana = createFakeAlerting({ treeProvenance: 'file' });
    const result = await pushEscalation(notificationApi(grafana.transport), wanted(), { editable: false });
    expect(grafana.requests.some((request) => request.method === 'PUT')).toBe(false);
    const policy = result.ok ? result.steps.find((step) => step.kind === 'policy') : undefined;
    expect(policy).toMatchObject({ outcome: 'failed', reason: 'fileProvisioned', provenance: 'file' });
  });

  test('a refused contact point keeps the tree from naming it', async () => {
    const grafana = createFakeAlerting();
    grafana.failNext('POST', '/api/v1/provisioning/contact-points', 403, 'Access denied');
    const result = await pushEscalation(notificationApi(grafana.transport), wanted(), { editable: false });
    expect(result.ok && result.steps.map((step) => [step.outcome, step.status, step.message, step.reason])).toEqual([
      ['failed', 403, 'Access denied', undefined],
      ['done', undefined, undefined, undefined],
      ['done', undefined, undefined, undefined],
      ['skipped', undefined, undefined, 'contactPointFailed'],
    ]);
    expect(grafana.tree()).toEqual(DEFAULT_TREE);
  });

  test('a route someone adds between the preview and the write is kept', async () => {
    const grafana = createFakeAlerting();
    let reads = 0;
    const transport: AlertingTransport = async (request) => {
      if (request.method === 'GET' && request.url === '/api/v1/provisioning/policies' && ++reads === 2) {
        grafana.setTree({ ...DEFAULT_TREE, routes: [ADMIN_ROUTES[1]] });
      }
      return grafana.transport(request);
    };
    await pushEscalation(notificationApi(transport), wanted(), { editable: false });
    expect(grafana.tree().routes!.slice(1)).toEqual([ADMIN_ROUTES[1]]);
  });

  test('an unreadable tree is reported before anything is written', async () => {
    const grafana = createFakeAlerting();
    grafana.failNext('GET', '/api/v1/provisioning/policies', 403, 'You do not have permission');
    const result = await pushEscalation(notificationApi(grafana.transport), wanted(), { editable: false });
    expect(result).toEqual({ ok: false, what: 'policies', status: 403, message: 'You do not have permission' });
    expect(grafana.writes()).toBe(0);
  });
});
