/**
 * Moving a registry out of the plugin settings over HTTP, on a sandbox provisioned the way earlier
 * versions of the demo were: apps.yaml holds the whole registry in `jsonData.registry`. An Admin's
 * first load moves it into the folder and removes it from the plugin settings; Grafana re-applies
 * provisioning at every start, so after a restart the copy is back in `jsonData`, and it is ignored.
 */
import type { OrgRole } from '@grafana/data';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PLUGIN_ID } from '../../src/constants';
import { RegistryDocument, Slo } from '../../src/domain/model';
import { RegistryUser } from '../../src/storage/access';
import { INDEX_UID, REGISTRY_FOLDER, serviceUid } from '../../src/storage/documents/layout';
import { createGrafanaApi, GrafanaApi } from '../../src/storage/grafana/api';
import { fetchTransport } from '../../src/storage/grafana/fetchTransport';
import { LoadedRegistry, loadRegistry } from '../../src/storage/registryStore';
import { escapeDollars, readDemoRegistry } from '../../scripts/demo/provisioning';
import { SandboxHarness } from './sandboxHarness';

const harness = new SandboxHarness();
afterAll(() => harness.closeAll());

const ADMIN = { login: 'mover', orgRole: 'Admin' as OrgRole, permissions: {} } satisfies RegistryUser;
const EDITOR = { login: 'eli', orgRole: 'Editor' as OrgRole, permissions: {} } satisfies RegistryUser;
const TOKENS = {
  'token-admin': { role: 'Admin' as const, login: ADMIN.login },
  'token-editor': { role: 'Editor' as const, login: EDITOR.login },
};

/** apps.yaml as `scripts/demo/provisioning.ts` rendered it while the registry lived in `jsonData.registry`. */
function legacyAppsYaml(doc: RegistryDocument): string {
  const apps = {
    apiVersion: 1,
    apps: [{ type: PLUGIN_ID, org_id: 1, disabled: false, jsonData: { registry: escapeDollars(doc) } }],
  };
  return stringify(apps, { lineWidth: 0, version: '1.1' });
}

async function load(api: GrafanaApi, user: RegistryUser): Promise<LoadedRegistry> {
  const loaded = await loadRegistry(api, user);
  if (!loaded.ok) {
    throw new Error(`${user.login} could not load: ${loaded.message}`);
  }
  return loaded;
}

async function jsonDataOf(api: GrafanaApi): Promise<Record<string, unknown>> {
  const settings = await api.getSettings();
  if (!settings.ok) {
    throw new Error(settings.message);
  }
  return settings.value.jsonData ?? {};
}

const byId = (slos: Slo[]) => [...slos].sort((a, b) => a.id.localeCompare(b.id));

/** The registry's content (people, services, SLOs, settings) equals `source`'s. */
function expectSameRegistry(actual: RegistryDocument, source: RegistryDocument): void {
  expect(actual.people).toEqual(source.people);
  expect(actual.services).toEqual(source.services);
  expect(byId(actual.slos)).toEqual(byId(source.slos));
  expect(actual.settings).toEqual(source.settings);
}

test('a registry provisioned in jsonData.registry moves on an Admin’s first load and stays moved across restarts', async () => {
  const source = readDemoRegistry();
  // The demo's billing query holds a `$` that the provisioning file escapes.
  expect(JSON.stringify(source)).toContain('{$costTags}');
  const dir = harness.stateDir('storage-migration');
  writeFileSync(join(dir, 'apps.yaml'), legacyAppsYaml(source));
  const first = await harness.start(dir, { tokens: TOKENS, seedRegistryPath: undefined });
  const admin = createGrafanaApi(fetchTransport(first.base, 'token-admin'));
  const editor = createGrafanaApi(fetchTransport(first.base, 'token-editor'));

  // Provisioning stored the registry, `$$` read back as `$`.
  expect((await jsonDataOf(admin)).registry).toEqual(JSON.parse(JSON.stringify(source)));

  // An Editor may not change plugin settings: the registry stays there, shown read-only, and nothing is written.
  const pending = await load(editor, EDITOR);
  expect(pending.notices.map((notice) => notice.kind)).toEqual(['legacyPending']);
  expect(pending.access.canWrite).toBe(false);
  expectSameRegistry(pending.doc, source);
  expect((await admin.getFolder(REGISTRY_FOLDER.uid)).ok).toBe(false);

  // The Admin's load moves it.
  const moved = await load(admin, ADMIN);
  expect(moved.notices).toEqual([
    {
      kind: 'migrated',
      message: expect.stringContaining(
        `${source.services.length} services, ${source.slos.length} SLOs, ${source.people.length} people`
      ),
    },
  ]);
  expectSameRegistry(moved.doc, source);
  const jsonData = await jsonDataOf(admin);
  expect(jsonData).not.toHaveProperty('registry');
  expect(jsonData).toMatchObject({
    settings: source.settings,
    registryMoved: { by: ADMIN.login, services: source.services.length, slos: source.slos.length },
  });
  const index = await admin.getDashboard(INDEX_UID);
  expect(index.ok && index.value.meta).toMatchObject({ folderUid: REGISTRY_FOLDER.uid, updatedBy: ADMIN.login });
  const indexVersion = index.ok ? index.value.meta.version : NaN;
  const service = await admin.getDashboard(serviceUid(source.services[0].id));
  expect(service.ok && service.value.meta).toMatchObject({ version: 1, updatedBy: ADMIN.login });
  // Loaded again, nothing is left to move or to ignore, and an Editor may now edit.
  expect((await load(admin, ADMIN)).notices).toEqual([]);
  expect((await load(editor, EDITOR)).access.canWrite).toBe(true);

  // Grafana restarts and re-applies apps.yaml: jsonData.registry is back, and ignored.
  await first.stop();
  const second = await harness.start(dir, { tokens: TOKENS, seedRegistryPath: undefined });
  const adminAgain = createGrafanaApi(fetchTransport(second.base, 'token-admin'));
  expect(await jsonDataOf(adminAgain)).toHaveProperty('registry');
  const restarted = await load(adminAgain, ADMIN);
  expect(restarted.notices.map((notice) => notice.kind)).toEqual(['legacyIgnored']);
  expectSameRegistry(restarted.doc, source);
  expect(restarted.access.canWrite).toBe(true);
  // Not moved a second time: the documents are those the first move wrote.
  const indexAfter = await adminAgain.getDashboard(INDEX_UID);
  expect(indexAfter.ok && indexAfter.value.meta.version).toBe(indexVersion);
  const serviceAfter = await adminAgain.getDashboard(serviceUid(source.services[0].id));
  expect(serviceAfter.ok && serviceAfter.value.meta.version).toBe(1);
});
