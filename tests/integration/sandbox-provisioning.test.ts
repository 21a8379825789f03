/**
 * Dashboard provisioning re-applied at every start of the sandbox, with Grafana's semantics:
 * provisioned dashboards refuse saves unless `allowUiUpdates`, a changed file replaces an edited
 * copy, a deleted file deletes its dashboard unless `disableDeletion`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, dashboardCommand, SandboxHarness } from './sandboxHarness';

const harness = new SandboxHarness();
afterAll(() => harness.closeAll());

interface ProviderYaml {
  name: string;
  folder?: string;
  folderUid?: string;
  allowUiUpdates?: boolean;
  disableDeletion?: boolean;
  path: string;
  foldersFromFilesStructure?: boolean;
}

/** Writes `providers/dashboards.yaml` in `dir` with these providers. */
function writeProviders(dir: string, providers: ProviderYaml[]): void {
  mkdirSync(join(dir, 'providers'), { recursive: true });
  const lines = ['apiVersion: 1', 'providers:'];
  for (const p of providers) {
    lines.push(`  - name: ${p.name}`, '    orgId: 1', '    type: file');
    lines.push(`    folder: '${p.folder ?? ''}'`, `    folderUid: '${p.folderUid ?? ''}'`);
    lines.push(
      `    allowUiUpdates: ${p.allowUiUpdates ?? false}`,
      `    disableDeletion: ${p.disableDeletion ?? false}`
    );
    lines.push(
      '    options:',
      `      path: ${p.path}`,
      `      foldersFromFilesStructure: ${p.foldersFromFilesStructure ?? false}`
    );
  }
  writeFileSync(join(dir, 'providers', 'dashboards.yaml'), lines.join('\n'));
}

function writeDashboardFile(path: string, uid: string, title: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify({ uid, title, version: 42, panels: [] }));
}

test('a provisioned dashboard goes to its folder and refuses saves and deletes', async () => {
  const dir = harness.stateDir('locked');
  writeProviders(dir, [{ name: 'locked', folder: 'Business Owner', folderUid: 'bizowner', path: '../files' }]);
  writeDashboardFile(join(dir, 'files', 'sub', 'index.json'), 'index', 'Index');
  const { base } = await harness.start(dir);

  expect((await call(base, 'GET', '/api/folders/bizowner')).body.title).toBe('Business Owner');
  const read = (await call(base, 'GET', '/api/dashboards/uid/index')).body;
  // the file's version is ignored: provisioning saved version 1
  expect(read.dashboard).toMatchObject({ uid: 'index', title: 'Index', version: 1 });
  expect(read.meta).toMatchObject({
    folderUid: 'bizowner',
    provisioned: true,
    provisionedExternalId: 'sub/index.json',
  });

  expect(
    await call(
      base,
      'POST',
      '/api/dashboards/db',
      dashboardCommand('index', 'Edited', { folderUid: 'bizowner', version: 1 })
    )
  ).toEqual({
    status: 400,
    body: { message: 'Cannot save provisioned dashboard' },
  });
  expect(await call(base, 'DELETE', '/api/dashboards/uid/index')).toEqual({
    status: 400,
    body: { message: 'provisioned dashboard cannot be deleted' },
  });
  const stale = await call(
    base,
    'POST',
    '/api/dashboards/db',
    dashboardCommand('index', 'Edited', { folderUid: 'bizowner' })
  );
  expect(stale.status).toBe(412);
});

test('with allowUiUpdates an edit is kept until the file changes, then the file wins', async () => {
  const dir = harness.stateDir('editable');
  const file = join(dir, 'files', 'people.json');
  writeProviders(dir, [{ name: 'editable', folder: 'People', allowUiUpdates: true, path: join(dir, 'files') }]);
  writeDashboardFile(file, 'people', 'People from file');
  const first = await harness.start(dir);
  const meta = (await call(first.base, 'GET', '/api/dashboards/uid/people')).body.meta;
  expect(meta).toMatchObject({ provisioned: false, provisionedExternalId: 'people.json', folderTitle: 'People' });
  const edit = dashboardCommand('people', 'People edited', { folderUid: meta.folderUid, version: 1 });
  expect((await call(first.base, 'POST', '/api/dashboards/db', edit)).body.version).toBe(2);
  await first.stop();

  const unchanged = await harness.start(dir);
  expect((await call(unchanged.base, 'GET', '/api/dashboards/uid/people')).body.dashboard).toMatchObject({
    title: 'People edited',
    version: 2,
  });
  await unchanged.stop();

  writeDashboardFile(file, 'people', 'People from the new file');
  const changed = await harness.start(dir);
  const replaced = (await call(changed.base, 'GET', '/api/dashboards/uid/people')).body;
  expect(replaced.dashboard).toMatchObject({ title: 'People from the new file', version: 3 });
  expect(replaced.meta.folderUid).toBe(meta.folderUid);
  expect((await call(changed.base, 'GET', '/api/folders')).body).toHaveLength(1);
});

test('a deleted file deletes its dashboard, or only unprovisions it with disableDeletion', async () => {
  const dir = harness.stateDir('deleted');
  writeProviders(dir, [
    { name: 'deleting', path: join(dir, 'a') },
    { name: 'keeping', path: join(dir, 'b'), disableDeletion: true },
  ]);
  writeDashboardFile(join(dir, 'a', 'gone.json'), 'gone', 'Gone');
  writeDashboardFile(join(dir, 'b', 'kept.json'), 'kept', 'Kept');
  writeDashboardFile(join(dir, 'a', 'stays.json'), 'stays', 'Stays');
  const first = await harness.start(dir);
  expect((await call(first.base, 'GET', '/api/dashboards/uid/gone')).status).toBe(200);
  await first.stop();

  rmSync(join(dir, 'a', 'gone.json'));
  rmSync(join(dir, 'b', 'kept.json'));
  const second = await harness.start(dir);
  expect((await call(second.base, 'GET', '/api/dashboards/uid/gone')).status).toBe(404);
  expect((await call(second.base, 'GET', '/api/dashboards/uid/stays')).status).toBe(200);
  const kept = (await call(second.base, 'GET', '/api/dashboards/uid/kept')).body;
  expect(kept.meta).toMatchObject({ provisioned: false, provisionedExternalId: '' });
  // no longer provisioned: it can be saved again
  expect(
    (await call(second.base, 'POST', '/api/dashboards/db', dashboardCommand('kept', 'Kept, edited', { version: 1 })))
      .status
  ).toBe(200);
});

test('dashboards of a provider removed from the configuration are deleted', async () => {
  const dir = harness.stateDir('removed');
  writeProviders(dir, [{ name: 'old', path: join(dir, 'old') }]);
  writeDashboardFile(join(dir, 'old', 'o.json'), 'o', 'Old');
  await (await harness.start(dir)).stop();
  writeProviders(dir, []);
  const { base } = await harness.start(dir);
  expect((await call(base, 'GET', '/api/dashboards/uid/o')).status).toBe(404);
});

test('foldersFromFilesStructure makes a folder of each sub-directory; $VAR expands in the provider file', async () => {
  const dir = harness.stateDir('structure');
  process.env.SANDBOX_TEST_DASHBOARDS = join(dir, 'tree');
  writeProviders(dir, [{ name: 'tree', path: '$SANDBOX_TEST_DASHBOARDS', foldersFromFilesStructure: true }]);
  writeDashboardFile(join(dir, 'tree', 'root.json'), 'root', 'Root');
  writeDashboardFile(join(dir, 'tree', 'Services', 'svc.json'), 'svc', 'Service');
  const { base } = await harness.start(dir);
  delete process.env.SANDBOX_TEST_DASHBOARDS;
  expect((await call(base, 'GET', '/api/dashboards/uid/root')).body.meta.folderUid).toBe('');
  const svc = (await call(base, 'GET', '/api/dashboards/uid/svc')).body.meta;
  expect(svc).toMatchObject({ folderTitle: 'Services', provisionedExternalId: 'Services/svc.json' });
});

test('a provider whose path does not exist stops the start, as it stops Grafana', async () => {
  const dir = harness.stateDir('missing');
  writeProviders(dir, [{ name: 'missing', path: join(dir, 'nowhere') }]);
  await expect(harness.start(dir)).rejects.toThrow(/nowhere does not exist/);
});
