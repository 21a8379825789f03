/**
 * The sandbox's annotation API and alerting reads as Grafana answers them: ids, times in Unix ms,
 * tags that must all match, the window, the default limit of 100, the creator's login and email,
 * 403 for a Viewer's POST, annotations kept across a restart; the state history of a Grafana
 * without a history backend, and no silences.
 */
import { call, SandboxHarness } from './sandboxHarness';

const harness = new SandboxHarness();
afterAll(() => harness.closeAll());

const T = 1_714_557_600_000;

test('organization annotations: created with an id, found by all their tags and the window, newest first', async () => {
  const { base } = await harness.start(harness.stateDir('annotations'), {
    role: 'Admin',
    tokens: { e: { role: 'Editor', login: 'eli' } },
  });
  const editor = { authorization: 'Bearer e' };
  const created = await call(
    base,
    'POST',
    '/api/annotations',
    { time: T, tags: ['ack', 'slo: checkout'], text: 'first' },
    editor
  );
  expect(created).toEqual({ status: 200, body: { message: 'Annotation added', id: 1 } });
  await call(
    base,
    'POST',
    '/api/annotations',
    { time: T + 60_000, tags: ['ack', 'slo:payments'], text: 'second' },
    editor
  );
  await call(base, 'POST', '/api/annotations', {
    time: T + 120_000,
    timeEnd: T + 60_000,
    tags: ['deploy'],
    text: 'region',
  });

  const acks = await call(base, 'GET', '/api/annotations?tags=ack');
  expect(acks.status).toBe(200);
  expect(acks.body.map((item: { id: number }) => item.id)).toEqual([2, 1]);
  expect(acks.body[1]).toMatchObject({
    id: 1,
    dashboardUID: null,
    dashboardId: 0,
    panelId: 0,
    time: T,
    timeEnd: T,
    text: 'first',
    // Grafana trims both sides of a key:value tag
    tags: ['ack', 'slo:checkout'],
    login: 'eli',
    email: 'eli@sandbox.invalid',
  });
  const both = await call(base, 'GET', '/api/annotations?tags=ack&tags=slo:checkout');
  expect(both.body.map((item: { id: number }) => item.id)).toEqual([1]);
  const either = await call(base, 'GET', '/api/annotations?tags=slo:checkout&tags=deploy&matchAny=true');
  expect(either.body.map((item: { id: number }) => item.id)).toEqual([3, 1]);
  // a reversed region is stored in order, and found where it overlaps the window
  const window = await call(base, 'GET', `/api/annotations?from=${T + 90_000}&to=${T + 200_000}`);
  expect(window.body).toEqual([
    expect.objectContaining({ id: 3, time: T + 60_000, timeEnd: T + 120_000, login: 'admin' }),
  ]);
  expect((await call(base, 'GET', '/api/annotations?type=alert')).body).toEqual([]);
  expect((await call(base, 'GET', '/api/annotations?limit=1')).body).toHaveLength(1);
});

test('without a limit, 100 at most', async () => {
  const { base } = await harness.start(harness.stateDir('annotations-limit'));
  for (let index = 0; index < 101; index++) {
    await call(base, 'POST', '/api/annotations', { time: T + index, tags: ['many'], text: `n${index}` });
  }
  expect((await call(base, 'GET', '/api/annotations?tags=many')).body).toHaveLength(100);
  expect((await call(base, 'GET', '/api/annotations?tags=many&limit=200')).body).toHaveLength(101);
});

test('a text and a time are required; a Viewer may read but not create', async () => {
  const { base } = await harness.start(harness.stateDir('annotations-viewer'), {
    tokens: { v: { role: 'Viewer', login: 'vera' } },
  });
  expect(await call(base, 'POST', '/api/annotations', { time: T, tags: [] })).toEqual({
    status: 400,
    body: { message: 'Failed to save annotation' },
  });
  expect((await call(base, 'POST', '/api/annotations', { text: 'when?' })).status).toBe(400);
  expect((await call(base, 'POST', '/api/annotations', 'not json')).status).toBe(400);
  const viewer = { authorization: 'Bearer v' };
  const denied = await call(base, 'POST', '/api/annotations', { time: T, text: 'ack' }, viewer);
  expect(denied.status).toBe(403);
  expect(denied.body.message).toMatch(/Permissions needed: annotations:create$/);
  expect((await call(base, 'GET', '/api/annotations', undefined, viewer)).status).toBe(200);
});

test('annotations are kept with the rest of the state across a restart', async () => {
  const dir = harness.stateDir('annotations-restart');
  const first = await harness.start(dir);
  await call(first.base, 'POST', '/api/annotations', { time: T, tags: ['kept'], text: 'kept' });
  await first.stop();
  const second = await harness.start(dir);
  expect((await call(second.base, 'GET', '/api/annotations?tags=kept')).body).toEqual([
    expect.objectContaining({ id: 1, text: 'kept', login: 'admin' }),
  ]);
  const next = await call(second.base, 'POST', '/api/annotations', { time: T, text: 'next' });
  expect(next.body.id).toBe(2);
});

test('alerting: an empty state history frame, as without a history backend, and no silences, for a Viewer too', async () => {
  const { base } = await harness.start(harness.stateDir('alerting'), {
    tokens: { v: { role: 'Viewer', login: 'vera' } },
  });
  const viewer = { authorization: 'Bearer v' };
  expect(
    await call(
      base,
      'GET',
      '/api/v1/rules/history?from=1&to=2&limit=5000&labels_sloth_severity=page',
      undefined,
      viewer
    )
  ).toEqual({ status: 200, body: { schema: { name: 'states', fields: [] }, data: { values: [] } } });
  expect(await call(base, 'GET', '/api/alertmanager/grafana/api/v2/silences', undefined, viewer)).toEqual({
    status: 200,
    body: [],
  });
});
