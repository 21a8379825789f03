import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OrgRole } from '../../sandbox/roles';
import { optionsFromEnv, startSandboxServer } from '../../sandbox/server';
import { expandProvisioningValue } from '../../sandbox/settingsStore';

const root = resolve(__dirname, '..', '..');
const SETTINGS = '/api/plugins/bizowner-slo-app/settings';

describe('sandbox settings API', () => {
  let dir: string;
  const servers: Server[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bizowner-sandbox-'));
    writeFileSync(
      join(dir, 'apps.yaml'),
      [
        'apiVersion: 1',
        'apps:',
        '  - type: bizowner-slo-app',
        '    jsonData:',
        '      query: rate(x{$$costTags}[1h])',
        '      other: kept',
      ].join('\n')
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(role: OrgRole, settingsFile: string): Promise<string> {
    // dist/plugin.json comes from the build; the source plugin.json has the same id
    const server = await startSandboxServer({
      ...optionsFromEnv(root),
      distDir: join(root, 'src'),
      port: 0,
      role,
      settingsPath: join(dir, settingsFile),
      appsYamlPath: join(dir, 'apps.yaml'),
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  test('seeds settings from provisioning, expanding $$ as Grafana does', async () => {
    const base = await start('Viewer', 'seed.json');
    const settings = await (await fetch(base + SETTINGS)).json();
    expect(settings.id).toBe('bizowner-slo-app');
    expect(settings.jsonData).toEqual({ query: 'rate(x{$costTags}[1h])', other: 'kept' });
  });

  test('a viewer can read but not write plugin settings', async () => {
    const base = await start('Viewer', 'viewer.json');
    await fetch(base + SETTINGS);
    const before = readFileSync(join(dir, 'viewer.json'), 'utf8');
    const answer = await fetch(base + SETTINGS, {
      method: 'POST',
      body: JSON.stringify({ enabled: true, jsonData: {} }),
    });
    expect(answer.status).toBe(403);
    expect((await answer.json()).message).toMatch(/plugins:write/);
    expect(readFileSync(join(dir, 'viewer.json'), 'utf8')).toBe(before);
  });

  test('an admin write replaces jsonData and persists to the file', async () => {
    const base = await start('Admin', 'admin.json');
    const post = await fetch(base + SETTINGS, {
      method: 'POST',
      body: JSON.stringify({ enabled: true, pinned: false, jsonData: { registry: { revision: 3 } } }),
    });
    expect(post.status).toBe(200);
    const stored = JSON.parse(readFileSync(join(dir, 'admin.json'), 'utf8'));
    expect(stored).toMatchObject({ enabled: true, pinned: false, jsonData: { registry: { revision: 3 } } });
    const read = await (await fetch(base + SETTINGS)).json();
    expect(read.jsonData).toEqual({ registry: { revision: 3 } });
  });

  test('malformed JSON is refused and changes nothing', async () => {
    const base = await start('Admin', 'malformed.json');
    await fetch(base + SETTINGS);
    const before = readFileSync(join(dir, 'malformed.json'), 'utf8');
    const answer = await fetch(base + SETTINGS, { method: 'POST', body: '{"enabled": tru' });
    expect(answer.status).toBe(400);
    expect(readFileSync(join(dir, 'malformed.json'), 'utf8')).toBe(before);
  });

  test('unknown data sources and APIs answer 404 with a message', async () => {
    const base = await start('Admin', 'missing.json');
    const proxied = await fetch(`${base}/api/datasources/proxy/uid/nope/api/v1/query`);
    expect(proxied.status).toBe(404);
    const other = await fetch(`${base}/api/dashboards/db`);
    expect((await other.json()).message).toMatch(/does not stand in/);
  });

  describe('dashboards', () => {
    const save = (base: string, body: unknown) =>
      fetch(`${base}/api/dashboards/db`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const dashboard = (uid: string, title: string, tags: string[]) => ({ dashboard: { uid, title, tags, panels: [] } });

    test('a saved dashboard is found by the search with all its tags, as Grafana answers', async () => {
      const base = await start('Editor', 'dashboards-editor.json');
      const saved = await save(base, {
        ...dashboard('oncall-a', 'A · On-call', ['business-owner', 'on-call']),
        folderUid: 'f1',
      });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toEqual({
        id: 1,
        uid: 'oncall-a',
        url: '/d/oncall-a/a-on-call',
        status: 'success',
        version: 1,
        slug: 'a-on-call',
      });
      await save(base, dashboard('debug-a', 'A · Debug', ['business-owner', 'debug']));

      const search = await fetch(`${base}/api/search?type=dash-db&tag=business-owner&tag=on-call&limit=5000`);
      expect(await search.json()).toEqual([
        expect.objectContaining({
          uid: 'oncall-a',
          title: 'A · On-call',
          type: 'dash-db',
          url: '/d/oncall-a/a-on-call',
          folderUid: 'f1',
        }),
      ]);
      const all = await (await fetch(`${base}/api/search?tag=business-owner`)).json();
      expect(all.map((hit: { uid: string }) => hit.uid)).toEqual(['debug-a', 'oncall-a']);
      expect(await (await fetch(`${base}/api/search?type=dash-folder`)).json()).toEqual([]);
    });

    test('saving again needs overwrite and bumps the version; a viewer may not save; bad bodies are refused', async () => {
      const base = await start('Admin', 'dashboards-admin.json');
      expect((await save(base, dashboard('x', 'X', []))).status).toBe(200);
      const clash = await save(base, dashboard('x', 'X again', []));
      expect(clash.status).toBe(412);
      expect((await clash.json()).status).toBe('version-mismatch');
      const again = await save(base, { ...dashboard('x', 'X again', []), overwrite: true });
      expect((await again.json()).version).toBe(2);
      expect((await save(base, { dashboard: { uid: 'y', title: ' ' } })).status).toBe(400);
      expect((await save(base, '{not json')).status).toBe(400);

      const viewer = await start('Viewer', 'dashboards-viewer.json');
      const refused = await save(viewer, dashboard('z', 'Z', []));
      expect(refused.status).toBe(403);
      expect(await (await fetch(`${viewer}/api/search`)).json()).toEqual([]);
    });
  });
});

describe('expandProvisioningValue', () => {
  test.each([
    ['$$costTags', '$costTags'],
    ['${REGION}-x', 'eu-x'],
    ['$REGION', 'eu'],
    ['$MISSING', ''],
    ['plain', 'plain'],
  ])('%s becomes %s', (input, expected) => {
    expect(expandProvisioningValue(input, { REGION: 'eu' })).toBe(expected);
  });
});
