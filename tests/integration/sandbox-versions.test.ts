/**
 * The sandbox's dashboard versions API in Grafana 12.4's shape: listing, reading one version,
 * pruning to versionsToKeep and restoring.
 */
import { call, dashboardCommand, SandboxHarness } from './sandboxHarness';

const harness = new SandboxHarness();
afterAll(() => harness.closeAll());

/** Saves `titles` in turn as versions 1, 2, … of dashboard `uid`, each by its own user. */
async function saveVersions(base: string, uid: string, titles: string[]): Promise<void> {
  for (const [index, title] of titles.entries()) {
    const version = index === 0 ? undefined : index;
    const saved = await call(
      base,
      'POST',
      '/api/dashboards/db',
      dashboardCommand(uid, title, { version, message: `save ${index + 1}` }),
      {
        'x-sandbox-user': `user${index + 1}`,
      }
    );
    expect(saved.body.version).toBe(index + 1);
  }
}

test('versions are listed newest first in the 12.4 shape, and read one by one with their JSON', async () => {
  const { base } = await harness.start(harness.stateDir('versions'), { role: 'Editor' });
  await saveVersions(base, 'v', ['One', 'Two', 'Three']);
  const list = await call(base, 'GET', '/api/dashboards/uid/v/versions');
  const dashboardId = (await call(base, 'GET', '/api/dashboards/uid/v')).body.dashboard.id;
  expect(list.status).toBe(200);
  expect(list.body.continueToken).toBe('');
  expect(list.body.versions).toEqual(
    [3, 2, 1].map((version) => ({
      id: version,
      dashboardId,
      uid: 'v',
      parentVersion: version - 1,
      restoredFrom: 0,
      version,
      created: expect.any(String),
      createdBy: `user${version}`,
      // the list shows "Initial save" for the first version whatever its message was
      message: version === 1 ? 'Initial save' : `save ${version}`,
    }))
  );
  const second = await call(base, 'GET', '/api/dashboards/uid/v/versions/2');
  expect(second.body).toMatchObject({ id: 2, version: 2, parentVersion: 1, message: 'save 2', createdBy: 'user2' });
  expect(second.body.data).toMatchObject({ uid: 'v', title: 'Two', version: 2 });

  const paged = await call(base, 'GET', '/api/dashboards/uid/v/versions?limit=1&start=1');
  expect(paged.body.versions.map((v: { version: number }) => v.version)).toEqual([2]);
  expect(await call(base, 'GET', '/api/dashboards/uid/v/versions/9')).toEqual({
    status: 500,
    body: { message: `Dashboard version 9 not found for dashboardId ${dashboardId}` },
  });
  expect((await call(base, 'GET', '/api/dashboards/uid/nope/versions')).status).toBe(404);
});

test('a viewer may not read versions: the routes need dashboards:write', async () => {
  const dir = harness.stateDir('versions-viewer');
  const { base } = await harness.start(dir, { role: 'Admin', tokens: { t: { role: 'Viewer', login: 'v' } } });
  await saveVersions(base, 'w', ['One']);
  const denied = await call(base, 'GET', '/api/dashboards/uid/w/versions', undefined, { authorization: 'Bearer t' });
  expect(denied.status).toBe(403);
  expect(denied.body.message).toMatch(/Permissions needed: dashboards:write$/);
});

test('only the newest versionsToKeep versions are kept', async () => {
  const { base } = await harness.start(harness.stateDir('prune'), { versionsToKeep: 3 });
  await saveVersions(base, 'p', ['1', '2', '3', '4', '5']);
  const versions = (await call(base, 'GET', '/api/dashboards/uid/p/versions')).body.versions;
  expect(versions.map((v: { version: number }) => v.version)).toEqual([5, 4, 3]);
  expect((await call(base, 'GET', '/api/dashboards/uid/p/versions/2')).status).toBe(500);
  expect((await call(base, 'GET', '/api/dashboards/uid/p')).body.dashboard.version).toBe(5);
});

test('a lower versionsToKeep prunes the stored history at the next start', async () => {
  const dir = harness.stateDir('prune-restart');
  const first = await harness.start(dir, { versionsToKeep: 10 });
  await saveVersions(first.base, 'q', ['1', '2', '3', '4']);
  await first.stop();
  const second = await harness.start(dir, { versionsToKeep: 2 });
  const versions = (await call(second.base, 'GET', '/api/dashboards/uid/q/versions')).body.versions;
  expect(versions.map((v: { version: number }) => v.version)).toEqual([4, 3]);
});

test('restoring a version saves its JSON as a new version with restoredFrom set', async () => {
  const { base } = await harness.start(harness.stateDir('restore'));
  await call(base, 'POST', '/api/folders', { uid: 'f', title: 'F' });
  await call(base, 'POST', '/api/dashboards/db', { ...dashboardCommand('r', 'Original', { folderUid: 'f' }) });
  await call(base, 'POST', '/api/dashboards/db', dashboardCommand('r', 'Changed', { folderUid: 'f', version: 1 }));

  const restored = await call(
    base,
    'POST',
    '/api/dashboards/uid/r/restore',
    { version: 1 },
    { 'x-sandbox-user': 'carla' }
  );
  expect(restored.body).toMatchObject({ status: 'success', uid: 'r', version: 3, folderUid: 'f' });
  const current = (await call(base, 'GET', '/api/dashboards/uid/r')).body;
  expect(current.dashboard).toMatchObject({ title: 'Original', version: 3 });
  expect(current.meta).toMatchObject({ folderUid: 'f', updatedBy: 'carla' });
  const third = (await call(base, 'GET', '/api/dashboards/uid/r/versions/3')).body;
  expect(third).toMatchObject({
    restoredFrom: 1,
    parentVersion: 2,
    message: 'Restored from version 1',
    createdBy: 'carla',
  });
  expect((await call(base, 'GET', '/api/dashboards/uid/r/versions')).body.versions[0].message).toBe(
    'Restored from version 1'
  );

  expect(await call(base, 'POST', '/api/dashboards/uid/r/restore', { version: 1 })).toEqual({
    status: 400,
    body: { message: 'Current dashboard is identical to the specified version' },
  });
  expect(await call(base, 'POST', '/api/dashboards/uid/r/restore', { version: 7 })).toEqual({
    status: 404,
    body: { message: 'Dashboard version not found' },
  });
});
