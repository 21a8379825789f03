import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandProvisioningValue } from '../../sandbox/settingsStore';
import { call, SandboxHarness } from './sandboxHarness';

const SETTINGS = '/api/plugins/bizowner-slo-app/settings';

const APPS_YAML = [
  'apiVersion: 1',
  'apps:',
  '  - type: bizowner-slo-app',
  '    jsonData:',
  '      query: rate(x{$$costTags}[1h])',
  '      other: kept',
].join('\n');

describe('sandbox settings API', () => {
  const harness = new SandboxHarness();
  afterAll(() => harness.closeAll());

  /** A sandbox with the provisioning file above, in a state folder of its own. */
  async function start(role: 'Admin' | 'Editor' | 'Viewer') {
    const dir = harness.stateDir('settings');
    writeFileSync(join(dir, 'apps.yaml'), APPS_YAML);
    const { base } = await harness.start(dir, { role });
    return { base, file: join(dir, 'settings.json') };
  }

  test('seeds settings from provisioning, expanding $$ as Grafana does', async () => {
    const { base } = await start('Viewer');
    const settings = (await call(base, 'GET', SETTINGS)).body;
    expect(settings.id).toBe('bizowner-slo-app');
    expect(settings.jsonData).toEqual({ query: 'rate(x{$costTags}[1h])', other: 'kept' });
  });

  test('a viewer can read but not write plugin settings, with the body Grafana denies with', async () => {
    const { base, file } = await start('Viewer');
    const before = readFileSync(file, 'utf8');
    const answer = await call(base, 'POST', SETTINGS, { enabled: true, jsonData: {} });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      title: 'Access denied',
      message: "You'll need additional permissions to perform this action. Permissions needed: plugins:write",
      accessErrorId: expect.stringMatching(/^ACE\d{10}$/),
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('an admin write replaces jsonData and persists to the file', async () => {
    const { base, file } = await start('Admin');
    const post = await call(base, 'POST', SETTINGS, {
      enabled: true,
      pinned: false,
      jsonData: { registry: { revision: 3 } },
    });
    expect(post.status).toBe(200);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toMatchObject({ enabled: true, pinned: false, jsonData: { registry: { revision: 3 } } });
    expect((await call(base, 'GET', SETTINGS)).body.jsonData).toEqual({ registry: { revision: 3 } });
  });

  test('malformed JSON is refused and changes nothing', async () => {
    const { base, file } = await start('Admin');
    const before = readFileSync(file, 'utf8');
    const answer = await call(base, 'POST', SETTINGS, '{"enabled": tru');
    expect(answer.status).toBe(400);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('unknown data sources and APIs answer 404 with a message', async () => {
    const { base } = await start('Admin');
    expect((await call(base, 'GET', '/api/datasources/proxy/uid/nope/api/v1/query')).status).toBe(404);
    expect((await call(base, 'GET', '/api/dashboards/db')).body.message).toMatch(/does not stand in/);
  });

  test('provisioned jsonData replaces the saved one at every start; an entry without jsonData keeps it', async () => {
    const dir = harness.stateDir('reapply');
    writeFileSync(join(dir, 'apps.yaml'), APPS_YAML);
    const first = await harness.start(dir);
    await call(first.base, 'POST', SETTINGS, { enabled: true, pinned: false, jsonData: { edited: true } });
    await first.stop();

    const second = await harness.start(dir);
    const reapplied = (await call(second.base, 'GET', SETTINGS)).body;
    expect(reapplied.jsonData).toEqual({ query: 'rate(x{$costTags}[1h])', other: 'kept' });
    // provisioned apps are always pinned
    expect(reapplied.pinned).toBe(true);
    await call(second.base, 'POST', SETTINGS, { enabled: true, pinned: true, jsonData: { edited: 2 } });
    await second.stop();

    writeFileSync(
      join(dir, 'apps.yaml'),
      ['apiVersion: 1', 'apps:', '  - type: bizowner-slo-app', '    disabled: true'].join('\n')
    );
    const third = await harness.start(dir);
    const kept = (await call(third.base, 'GET', SETTINGS)).body;
    expect(kept.jsonData).toEqual({ edited: 2 });
    expect(kept.enabled).toBe(false);
  });

  test('bearer tokens act as their role; an unknown token is refused with Grafana answer', async () => {
    const dir = harness.stateDir('tokens');
    const { base } = await harness.start(dir, {
      role: 'Admin',
      tokens: { 'viewer-token': { role: 'Viewer', login: 'robot' } },
    });
    const unknown = await call(base, 'GET', SETTINGS, undefined, { authorization: 'Bearer nope' });
    expect(unknown).toEqual({
      status: 401,
      body: { message: 'Invalid API key', messageId: 'api-key.invalid', statusCode: 401 },
    });
    const asViewer = await call(
      base,
      'POST',
      SETTINGS,
      { enabled: true, jsonData: {} },
      { authorization: 'Bearer viewer-token' }
    );
    expect(asViewer.status).toBe(403);
    const asSession = await call(base, 'POST', SETTINGS, { enabled: true, jsonData: {} });
    expect(asSession.status).toBe(200);
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
