/**
 * Concurrent saves on one sandbox: Grafana's optimistic concurrency lets exactly one of many saves
 * from the same base version through, and saves to different dashboards never block each other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, dashboardCommand, SandboxHarness } from './sandboxHarness';

const harness = new SandboxHarness();
afterAll(() => harness.closeAll());

const CONCURRENT = 50;

test(`${CONCURRENT} saves from the same base version: one succeeds, the others get 412`, async () => {
  const dir = harness.stateDir('race-one');
  const { base } = await harness.start(dir);
  await call(base, 'POST', '/api/dashboards/db', dashboardCommand('contested', 'Contested'));

  const answers = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) =>
      call(base, 'POST', '/api/dashboards/db', dashboardCommand('contested', `Writer ${i}`, { version: 1 }), {
        'x-sandbox-user': `writer${i}`,
      })
    )
  );
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status === 412)).toHaveLength(CONCURRENT - 1);

  const winner = answers.findIndex((answer) => answer.status === 200);
  const stored = (await call(base, 'GET', '/api/dashboards/uid/contested')).body;
  expect(stored.dashboard).toMatchObject({ title: `Writer ${winner}`, version: 2 });
  expect(stored.meta.updatedBy).toBe(`writer${winner}`);
  const versions = (await call(base, 'GET', '/api/dashboards/uid/contested/versions')).body.versions;
  expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  // what is on disk is what the server answers
  const file = JSON.parse(readFileSync(join(dir, 'dashboards.json'), 'utf8'));
  expect(file.dashboards.find((d: { uid: string }) => d.uid === 'contested').data.title).toBe(`Writer ${winner}`);
});

test(`${CONCURRENT} saves to ${CONCURRENT} different dashboards all succeed`, async () => {
  const dir = harness.stateDir('race-many');
  const { base } = await harness.start(dir);
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) =>
      call(base, 'POST', '/api/dashboards/db', dashboardCommand(`d${i}`, `Dashboard ${i}`))
    )
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(CONCURRENT).fill(200));
  const ids = new Set(answers.map((answer) => answer.body.id));
  expect(ids.size).toBe(CONCURRENT);
  const hits = (await call(base, 'GET', '/api/search?type=dash-db')).body;
  expect(hits).toHaveLength(CONCURRENT);
  expect(JSON.parse(readFileSync(join(dir, 'dashboards.json'), 'utf8')).dashboards).toHaveLength(CONCURRENT);
});
