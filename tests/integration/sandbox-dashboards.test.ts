/**
 * The sandbox's Grafana folder and dashboard API: the answers Grafana 12.4 gives, by role and
 * token, and the state kept across a restart.
 */
import { call, dashboardCommand, SandboxHarness } from './sandboxHarness';

const harness = new SandboxHarness();
afterAll(() => harness.closeAll());

const TOKENS = {
  'editor-token': { role: 'Editor' as const, login: 'ci-bot' },
  'viewer-token': { role: 'Viewer' as const, login: 'reader' },
};
const AS_EDITOR = { authorization: 'Bearer editor-token' };
const AS_VIEWER = { authorization: 'Bearer viewer-token' };

async function sandbox() {
  return harness.start(harness.stateDir('dashboards'), { role: 'Admin', tokens: TOKENS });
}

describe('folders', () => {
  test('an editor creates a folder; each role reads what it may do in it', async () => {
    const { base } = await sandbox();
    const created = await call(base, 'POST', '/api/folders', { uid: 'bizowner', title: 'Business Owner' }, AS_EDITOR);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(Number),
      uid: 'bizowner',
      title: 'Business Owner',
      url: '/dashboards/f/bizowner/business-owner',
      version: 1,
      canSave: true,
      canEdit: true,
      canAdmin: false,
      canDelete: true,
      created: expect.any(String),
      updated: expect.any(String),
      createdBy: 'ci-bot',
      updatedBy: 'ci-bot',
    });
    const asViewer = await call(base, 'GET', '/api/folders/bizowner', undefined, AS_VIEWER);
    expect(asViewer.body).toMatchObject({
      uid: 'bizowner',
      canSave: false,
      canEdit: false,
      canAdmin: false,
      canDelete: false,
    });
    const asAdmin = await call(base, 'GET', '/api/folders/bizowner');
    expect(asAdmin.body).toMatchObject({ canSave: true, canAdmin: true });
  });

  test('a missing folder, a duplicate uid, an empty title and a viewer are answered as Grafana does', async () => {
    const { base } = await sandbox();
    expect(await call(base, 'GET', '/api/folders/nope')).toEqual({
      status: 404,
      body: { status: 'not-found', message: 'folder not found' },
    });
    expect((await call(base, 'POST', '/api/folders', { uid: 'f', title: 'F' })).status).toBe(200);
    expect(await call(base, 'POST', '/api/folders', { uid: 'f', title: 'F again' })).toEqual({
      status: 412,
      body: { status: 'version-mismatch', message: 'the folder has been changed by someone else' },
    });
    expect(await call(base, 'POST', '/api/folders', { uid: 'g', title: '  ' })).toEqual({
      status: 400,
      body: { message: 'folder title cannot be empty' },
    });
    const denied = await call(base, 'POST', '/api/folders', { uid: 'v', title: 'V' }, AS_VIEWER);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      "You'll need additional permissions to perform this action. Permissions needed: folders:create"
    );
    expect((await call(base, 'GET', '/api/folders/v')).status).toBe(404);
  });
});

describe('dashboards', () => {
  test('a new dashboard is created at version 1 and read back with its meta', async () => {
    const { base } = await sandbox();
    await call(base, 'POST', '/api/folders', { uid: 'f1', title: 'Folder One' });
    const saved = await call(
      base,
      'POST',
      '/api/dashboards/db',
      dashboardCommand('svc-a', ' Service A ', { folderUid: 'f1' }),
      {
        ...AS_EDITOR,
        'x-sandbox-user': 'ana',
      }
    );
    expect(saved).toEqual({
      status: 200,
      body: {
        id: expect.any(Number),
        uid: 'svc-a',
        url: '/d/svc-a/service-a',
        status: 'success',
        version: 1,
        slug: 'service-a',
        folderUid: 'f1',
      },
    });
    const read = await call(base, 'GET', '/api/dashboards/uid/svc-a', undefined, AS_VIEWER);
    expect(read.status).toBe(200);
    expect(read.body.dashboard).toEqual({
      id: saved.body.id,
      uid: 'svc-a',
      title: 'Service A',
      tags: [],
      panels: [],
      version: 1,
    });
    expect(read.body.meta).toMatchObject({
      type: 'db',
      slug: 'service-a',
      url: '/d/svc-a/service-a',
      version: 1,
      folderUid: 'f1',
      folderTitle: 'Folder One',
      canSave: false,
      canEdit: false,
      canAdmin: false,
      canStar: true,
      provisioned: false,
      provisionedExternalId: '',
      createdBy: 'ana',
      updatedBy: 'ana',
    });
    expect(await call(base, 'GET', '/api/dashboards/uid/missing')).toEqual({
      status: 404,
      body: { message: 'Dashboard not found' },
    });
  });

  test('a save with a stale version is refused with 412 unless it overwrites; each save adds a version', async () => {
    const { base } = await sandbox();
    expect((await call(base, 'POST', '/api/dashboards/db', dashboardCommand('x', 'X'))).body.version).toBe(1);
    expect(
      (await call(base, 'POST', '/api/dashboards/db', dashboardCommand('x', 'X', { version: 1 }))).body.version
    ).toBe(2);
    const stale = await call(base, 'POST', '/api/dashboards/db', dashboardCommand('x', 'X stale', { version: 1 }));
    expect(stale).toEqual({
      status: 412,
      body: { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' },
    });
    const overwritten = await call(
      base,
      'POST',
      '/api/dashboards/db',
      dashboardCommand('x', 'X forced', { version: 1, overwrite: true })
    );
    expect(overwritten.body.version).toBe(3);
    expect((await call(base, 'GET', '/api/dashboards/uid/x')).body.dashboard).toMatchObject({
      title: 'X forced',
      version: 3,
    });
  });

  test('a viewer may not save; bad bodies, titles, uids and folders are refused', async () => {
    const { base } = await sandbox();
    const denied = await call(base, 'POST', '/api/dashboards/db', dashboardCommand('v', 'V'), AS_VIEWER);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      title: 'Access denied',
      message:
        "You'll need additional permissions to perform this action. Permissions needed: any of dashboards:create, dashboards:write",
    });
    expect(await call(base, 'POST', '/api/dashboards/db', '{not json')).toEqual({
      status: 400,
      body: { message: 'bad request data' },
    });
    expect(await call(base, 'POST', '/api/dashboards/db', dashboardCommand('y', ' '))).toEqual({
      status: 400,
      body: { status: 'empty-name', message: 'Dashboard title cannot be empty' },
    });
    expect((await call(base, 'POST', '/api/dashboards/db', dashboardCommand('a b', 'Y'))).body).toEqual({
      message: 'uid contains illegal characters',
    });
    expect((await call(base, 'POST', '/api/dashboards/db', dashboardCommand('u'.repeat(41), 'Y'))).body).toEqual({
      message: 'uid too long, max 40 characters',
    });
    expect(await call(base, 'POST', '/api/dashboards/db', dashboardCommand('z', 'Z', { folderUid: 'nope' }))).toEqual({
      status: 400,
      body: { message: 'folder not found' },
    });
    expect((await call(base, 'GET', '/api/search?type=dash-db')).body).toEqual([]);
  });

  test('a dashboard larger than MySQL MEDIUMTEXT is refused with a 500 and the stored one kept', async () => {
    const { base } = await sandbox();
    await call(base, 'POST', '/api/dashboards/db', dashboardCommand('big', 'Big'));
    // 5.6 million `<` are 5.6 MB of JavaScript string but 33.6 MB once Go escapes them as \u003c
    const huge = { dashboard: { uid: 'big', title: 'Big', version: 1, description: '<'.repeat(5_600_000) } };
    const refused = await call(base, 'POST', '/api/dashboards/db', huge);
    expect(refused.status).toBe(500);
    expect(refused.body.message).toBe('Failed to save dashboard');
    expect(refused.body.error).toMatch(/Data too long for column 'data'.*MEDIUMTEXT/);
    expect((await call(base, 'GET', '/api/dashboards/uid/big')).body.dashboard.version).toBe(1);
  });

  test('deleting needs dashboards:delete and answers as Grafana does', async () => {
    const { base } = await sandbox();
    await call(base, 'POST', '/api/dashboards/db', dashboardCommand('gone', 'Gone soon'));
    const denied = await call(base, 'DELETE', '/api/dashboards/uid/gone', undefined, AS_VIEWER);
    expect(denied.body.message).toMatch(/Permissions needed: dashboards:delete$/);
    expect(await call(base, 'DELETE', '/api/dashboards/uid/gone', undefined, AS_EDITOR)).toEqual({
      status: 200,
      body: { title: 'Gone soon', message: 'Dashboard Gone soon deleted', uid: 'gone' },
    });
    expect((await call(base, 'GET', '/api/dashboards/uid/gone')).status).toBe(404);
    expect((await call(base, 'DELETE', '/api/dashboards/uid/gone')).status).toBe(404);
  });

  test('folders, dashboards and their versions survive a restart', async () => {
    const dir = harness.stateDir('restart');
    const first = await harness.start(dir);
    await call(first.base, 'POST', '/api/folders', { uid: 'kept', title: 'Kept' });
    await call(first.base, 'POST', '/api/dashboards/db', dashboardCommand('d', 'D', { folderUid: 'kept' }));
    const second = await call(
      first.base,
      'POST',
      '/api/dashboards/db',
      dashboardCommand('d', 'D2', { folderUid: 'kept', version: 1 })
    );
    await first.stop();

    const restarted = await harness.start(dir);
    expect((await call(restarted.base, 'GET', '/api/folders/kept')).body.title).toBe('Kept');
    const dashboard = (await call(restarted.base, 'GET', '/api/dashboards/uid/d')).body;
    expect(dashboard.dashboard).toMatchObject({ title: 'D2', version: 2, id: second.body.id });
    const versions = (await call(restarted.base, 'GET', '/api/dashboards/uid/d/versions')).body.versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const next = await call(restarted.base, 'POST', '/api/dashboards/db', dashboardCommand('e', 'E'));
    expect(next.body.id).toBeGreaterThan(second.body.id);
  });
});
