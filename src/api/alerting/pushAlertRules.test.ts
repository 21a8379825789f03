import { buildGrafanaAlertRules } from '../../domain/rules';
import { baseRegistry } from '../../domain/testing/builders';
import { installFakeBackend, on, RecordedRequest } from '../testing/fakeBackend';
import { fetchFolders } from './provisioning';
import { pushAlertRules } from './pushAlertRules';

const FOLDER = 'slo-folder';
const GROUP_URL = `/api/v1/provisioning/folder/${FOLDER}/rule-groups/slo-checkout`;

function rules() {
  return buildGrafanaAlertRules(baseRegistry(), {
    folderUid: FOLDER,
    datasourceUid: 'prom',
    sloIds: ['checkout-ratio'],
  });
}

const groupAnswer = (
  interval: number,
  extra: Array<{ uid: string; title: string; labels: Record<string, string> }> = []
) =>
  on('GET', GROUP_URL, {
    status: 200,
    body: { title: 'slo-checkout', folderUid: FOLDER, interval, rules: [...rules(), ...extra] },
  });

const line = (request: RecordedRequest) => `${request.method} ${request.url}`;

describe('pushAlertRules', () => {
  test('creates missing rules with POST and sets the group interval, all with the documented shapes', async () => {
    const backend = installFakeBackend([
      on('POST', '/api/v1/provisioning/alert-rules', (request) => ({ status: 201, body: request.data })),
      groupAnswer(10),
      on('PUT', GROUP_URL, (request) => ({ status: 200, body: request.data })),
    ]);
    const pushed = rules();
    const steps = await pushAlertRules(pushed, { editable: false });
    expect(pushed.map((rule) => rule.uid)).toEqual([
      'bo-checkout-ratio-page-fast',
      'bo-checkout-ratio-page-slow',
      'bo-checkout-ratio-ticket-fast',
      'bo-checkout-ratio-ticket-slow',
      'bo-checkout-ratio-freeze',
    ]);
    expect(backend.requests.map(line)).toEqual([
      ...pushed.flatMap((rule) => [
        `GET /api/v1/provisioning/alert-rules/${rule.uid}`,
        'POST /api/v1/provisioning/alert-rules',
      ]),
      `GET ${GROUP_URL}`,
      `PUT ${GROUP_URL}`,
    ]);
    const post = backend.requests[1];
    expect(post.headers).toEqual({});
    expect(post.data).toMatchObject({
      uid: 'bo-checkout-ratio-page-fast',
      folderUID: FOLDER,
      ruleGroup: 'slo-checkout',
      condition: 'B',
      data: [
        { refId: 'A', datasourceUid: 'prom', model: { instant: true } },
        { refId: 'B', datasourceUid: '__expr__', model: { type: 'threshold' } },
      ],
    });
    expect(backend.requests[backend.requests.length - 1].data).toMatchObject({
      title: 'slo-checkout',
      folderUid: FOLDER,
      interval: 60,
    });
    expect(steps.map((step) => step.action)).toEqual([
      'created',
      'created',
      'created',
      'created',
      'created',
      'intervalSet',
    ]);
  });

  test('a second push updates the same uids with PUT, keeps them editable and removes a switched-off tier', async () => {
    const stale = { uid: 'bo-checkout-ratio-old-tier', title: 'old tier', labels: { sloth_id: 'checkout-ratio' } };
    const other = { uid: 'bo-other', title: 'other SLO', labels: { sloth_id: 'checkout-latency' } };
    const backend = installFakeBackend([
      (request) =>
        request.method === 'GET' && request.url.startsWith('/api/v1/provisioning/alert-rules/')
          ? { status: 200, body: {} }
          : undefined,
      (request) =>
        request.method === 'PUT' && request.url.startsWith('/api/v1/provisioning/alert-rules/')
          ? { status: 200, body: request.data }
          : undefined,
      groupAnswer(60, [stale, other]),
      on('DELETE', '/api/v1/provisioning/alert-rules/bo-checkout-ratio-old-tier', { status: 204 }),
    ]);
    const steps = await pushAlertRules(rules(), { editable: true });
    const writes = backend.requests.filter((request) => request.method !== 'GET');
    expect(writes.map(line)).toEqual([
      'PUT /api/v1/provisioning/alert-rules/bo-checkout-ratio-page-fast',
      'PUT /api/v1/provisioning/alert-rules/bo-checkout-ratio-page-slow',
      'PUT /api/v1/provisioning/alert-rules/bo-checkout-ratio-ticket-fast',
      'PUT /api/v1/provisioning/alert-rules/bo-checkout-ratio-ticket-slow',
      'PUT /api/v1/provisioning/alert-rules/bo-checkout-ratio-freeze',
      'DELETE /api/v1/provisioning/alert-rules/bo-checkout-ratio-old-tier',
    ]);
    expect(writes.every((request) => request.headers['X-Disable-Provenance'] === 'true')).toBe(true);
    expect(steps.map((step) => step.action)).toEqual([
      'updated',
      'updated',
      'updated',
      'updated',
      'updated',
      'deleted',
      'unchanged',
    ]);
  });

  test('a 4xx answer is reported per rule with Grafana message and status; the others still go through', async () => {
    installFakeBackend([
      on('POST', '/api/v1/provisioning/alert-rules', (request) =>
        (request.data as { uid: string }).uid === 'bo-checkout-ratio-page-fast'
          ? { status: 400, body: { message: 'invalid rule specification at index [0]: invalid query A', traceID: '' } }
          : { status: 201, body: request.data }
      ),
      groupAnswer(60),
    ]);
    const steps = await pushAlertRules(rules(), { editable: false });
    expect(steps[0]).toEqual({
      uid: 'bo-checkout-ratio-page-fast',
      title: 'Checkout ratio (checkout-ratio): page-fast burn',
      kind: 'rule',
      action: 'failed',
      status: 400,
      message: 'invalid rule specification at index [0]: invalid query A',
    });
    expect(steps.slice(1, 5).every((step) => step.action === 'created')).toBe(true);
  });

  test('a 5xx on the look-up is reported and nothing is written for that rule', async () => {
    const backend = installFakeBackend([
      on('GET', '/api/v1/provisioning/alert-rules/bo-checkout-ratio-page-fast', {
        status: 500,
        body: { message: 'database is locked' },
      }),
      on('POST', '/api/v1/provisioning/alert-rules', (request) => ({ status: 201, body: request.data })),
      groupAnswer(60),
    ]);
    const steps = await pushAlertRules(rules(), { editable: false });
    expect(steps[0]).toMatchObject({ action: 'failed', status: 500, message: 'database is locked' });
    expect(backend.requests.filter((request) => request.method === 'POST')).toHaveLength(4);
  });

  test('folders come from GET /api/folders', async () => {
    const backend = installFakeBackend([
      on('GET', '/api/folders', { status: 200, body: [{ id: 1, uid: 'a', title: 'SLOs', url: '/dashboards/f/a' }] }),
    ]);
    expect(await fetchFolders()).toMatchObject({ ok: true, value: [{ uid: 'a', title: 'SLOs' }] });
    expect(backend.requests[0]).toMatchObject({ method: 'GET', url: '/api/folders', params: { limit: 1000 } });
  });
});
