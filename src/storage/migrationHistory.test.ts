import { PLUGIN_ID } from '../constants';
import { RegistryDocument } from '../domain/model';
import { baseRegistry, baseSlo } from '../domain/testing/builders';
import { manyServices } from '../domain/testing/manyServices';
import { INDEX_UID, serviceUid } from './documents/layout';
import { createGrafanaApi, GrafanaApi } from './grafana/api';
import { backendSrvTransport } from './grafana/backendSrvTransport';
import { loadServiceHistory, restoreServiceVersion } from './history';
import { loadRegistry, saveRegistry } from './registryStore';
import { createFakeGrafana, FakeGrafana } from './testing/fakeGrafana';
import { adminUser, editorUser, otherAdminUser, viewerUser } from './testing/users';
import { LoadedRegistry } from './types';

function apiAs(server: FakeGrafana, login: string, role: 'Admin' | 'Editor' | 'Viewer' = 'Admin'): GrafanaApi {
  return createGrafanaApi(backendSrvTransport(server.client(login, role)), PLUGIN_ID);
}

async function load(api: GrafanaApi, user = adminUser): Promise<LoadedRegistry> {
  const result = await loadRegistry(api, user);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result;
}

/** A plugin settings row as earlier versions of the app stored it. */
function legacyRow(doc: RegistryDocument) {
  return { registry: doc, registryWriteId: 'w7', unrelated: 'keep me' };
}

describe('moving a registry out of the plugin settings', () => {
  test.each([
    ['the base registry', baseRegistry({ revision: 7 })],
    ['2,000 services', manyServices(2000)],
  ])(
    '%s moves on an admin’s first load, value by value, and only then leaves the plugin settings',
    async (_name, legacy) => {
      const server = createFakeGrafana(PLUGIN_ID, { jsonData: legacyRow(legacy) });
      const progress: number[] = [];
      const loaded = await loadRegistry(apiAs(server, 'ana'), adminUser, { onProgress: (p) => progress.push(p.done) });
      if (!loaded.ok) {
        throw new Error(loaded.message);
      }
      expect(loaded.notices).toEqual([
        {
          kind: 'migrated',
          message: expect.stringContaining(`${legacy.services.length} services, ${legacy.slos.length} SLOs`),
        },
      ]);
      expect(loaded.doc.people).toEqual(legacy.people);
      expect(loaded.doc.services).toEqual(legacy.services);
      expect([...loaded.doc.slos].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...legacy.slos].sort((a, b) => a.id.localeCompare(b.id))
      );
      expect(loaded.doc.settings).toEqual(legacy.settings);
      const jsonData = server.settings().jsonData;
      expect(jsonData).not.toHaveProperty('registry');
      expect(jsonData).not.toHaveProperty('registryWriteId');
      expect(jsonData).toMatchObject({
        unrelated: 'keep me',
        settings: legacy.settings,
        registryMoved: { by: 'ana', services: legacy.services.length },
      });
      expect(progress.length).toBeGreaterThan(legacy.services.length);
      expect(server.dashboard(serviceUid(legacy.services[0].id))?.versions[0].message).toBe(
        'Moved from the plugin settings'
      );
    }
  );

  test('a copy that does not read back equal is not trusted: the plugin settings keep the registry', async () => {
    const legacy = baseRegistry();
    const server = createFakeGrafana(PLUGIN_ID, { jsonData: legacyRow(legacy) });
    const api = apiAs(server, 'ana');
    // Once written, the checkout document reads back with another name (a proxy rewriting it, say).
    const tampering: GrafanaApi = {
      ...api,
      getDashboard: async (uid) => {
        const answer = await api.getDashboard(uid);
        if (answer.ok && uid === serviceUid('checkout')) {
          const panels = answer.value.dashboard.panels as Array<{ options: { content: string } }>;
          panels[1].options.content = panels[1].options.content.replace('"Checkout"', '"Checkout (changed)"');
        }
        return answer;
      },
    };
    const result = await loadRegistry(tampering, adminUser);
    expect(!result.ok && result.message).toContain(`the copy differs (${serviceUid('checkout')} holds other values)`);
    expect(server.settings().jsonData).toMatchObject({ registry: legacy, registryWriteId: 'w7' });
  });

  test('a non-admin sees the old registry read-only with the reason, and nothing is written', async () => {
    const legacy = baseRegistry();
    const server = createFakeGrafana(PLUGIN_ID, { jsonData: legacyRow(legacy) });
    const loaded = await load(apiAs(server, 'eli', 'Editor'), editorUser);
    expect(loaded.doc.services).toEqual(legacy.services);
    expect(loaded.access.canWrite).toBe(false);
    expect(loaded.access.reason).toContain('An admin opening the app moves it');
    expect(server.writes()).toBe(0);
  });

  test('once moved, a registry provisioning puts back into the plugin settings is ignored and said so', async () => {
    const server = createFakeGrafana(PLUGIN_ID, {
      registry: baseRegistry(),
      jsonData: legacyRow(baseRegistry({ services: [] })),
    });
    const loaded = await load(apiAs(server, 'ana'));
    expect(loaded.doc.services).toHaveLength(2);
    expect(loaded.notices.map((n) => n.kind)).toEqual(['legacyIgnored']);
  });

  test('SLOs of a service that does not exist stop the move with their ids', async () => {
    const legacy = {
      ...baseRegistry(),
      slos: [...baseRegistry().slos, baseSlo('ratio', { id: 'lost', serviceId: 'gone' })],
    };
    const server = createFakeGrafana(PLUGIN_ID, { jsonData: legacyRow(legacy) });
    const result = await loadRegistry(apiAs(server, 'ana'), adminUser);
    expect(!result.ok && result.message).toContain('lost (service gone)');
    expect(server.uids()).toEqual([]);
  });
});

describe('history and restore', () => {
  async function threeEdits(server: FakeGrafana) {
    const api = apiAs(server, 'ana');
    const edits: Array<[string, string]> = [
      ['ana', 'Checkout v1'],
      ['bruno', 'Checkout v2'],
      ['ana', 'Checkout v3'],
    ];
    for (const [login, name] of edits) {
      const as = apiAs(server, login);
      const user = login === 'ana' ? adminUser : otherAdminUser;
      const base = await load(as, user);
      const next = { ...base.doc, services: base.doc.services.map((s) => (s.id === 'checkout' ? { ...s, name } : s)) };
      expect((await saveRegistry(base, next, { api: as, user })).ok).toBe(true);
    }
    return api;
  }

  test('a service’s history lists its edits newest first with author and summary, and restoring the first brings its values back as a new version', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api = await threeEdits(server);
    const history = await loadServiceHistory(api, 'checkout');
    if (!history.ok) {
      throw new Error(history.message);
    }
    expect(history.entries.map((e) => [e.version, e.by, e.summary, e.restorable])).toEqual([
      [4, 'ana', 'service checkout changed', false],
      [3, 'bruno', 'service checkout changed', true],
      [2, 'ana', 'service checkout changed', true],
    ]);

    const base = await load(api);
    const restored = await restoreServiceVersion(base, 'checkout', 2, { api, user: adminUser });
    expect(restored.ok).toBe(true);
    expect(server.registry()?.services[0].name).toBe('Checkout v1');
    const after = await loadServiceHistory(api, 'checkout');
    expect(after.ok && after.entries[0]).toMatchObject({ version: 5, by: 'ana', restoredFrom: 2 });
  });

  test('versions Grafana no longer keeps are listed but cannot be restored', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    server.versionsToKeep = 2;
    const api = await threeEdits(server);
    const history = await loadServiceHistory(api, 'checkout');
    expect(history.ok && history.entries.map((e) => e.restorable)).toEqual([false, true, false]);
  });

  test('a restore that would break the registry is refused with the problem', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api = await threeEdits(server);
    const base = await load(api);
    // bruno, named as the owner in version 2, is deleted since.
    const withoutBruno = {
      ...base.doc,
      people: base.doc.people.filter((p) => p.id !== 'bruno'),
      services: base.doc.services.map((s) => ({
        ...s,
        owners: { businessOwner: 'ana' },
        onCall: { ...s.onCall, escalation: ['ana'] },
      })),
    };
    const saved = await saveRegistry(base, withoutBruno, { api, user: adminUser });
    expect(saved.ok).toBe(true);
    const restored = await restoreServiceVersion(saved.ok ? saved.loaded : base, 'checkout', 2, {
      api,
      user: adminUser,
    });
    expect(restored).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!restored.ok && restored.message).toContain('bruno');
  });

  test('a Viewer reads the history but cannot restore', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    await threeEdits(server);
    const api = apiAs(server, 'vera', 'Viewer');
    const base = await load(api, viewerUser);
    const history = await loadServiceHistory(api, 'checkout', base.access.canWrite);
    expect(history.ok && history.entries.map((e) => e.restorable)).toEqual([false, false, false]);
    expect(server.requests.filter((r) => r.login === 'vera' && r.url.endsWith('/versions'))).toEqual([]);
    expect(await restoreServiceVersion(base, 'checkout', 2, { api, user: viewerUser })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });
});

describe('50 concurrent saves from separate clients', () => {
  test('on one service: each is stored or refused with the conflict, and every stored change is there', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const clients = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const api = apiAs(server, `user${i}`);
        return { api, base: await load(api, { ...adminUser, login: `user${i}` }), i };
      })
    );
    const results = await Promise.all(
      clients.map(({ api, base, i }) =>
        saveRegistry(
          base,
          {
            ...base.doc,
            services: base.doc.services.map((s) => (s.id === 'checkout' ? { ...s, description: `by user${i}` } : s)),
          },
          { api, user: { ...adminUser, login: `user${i}` } }
        )
      )
    );
    const stored = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok && r.kind === 'conflict');
    expect(stored.length + refused.length).toBe(50);
    expect(stored).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok);
    expect(server.registry()?.services[0].description).toBe(`by user${winner}`);
  });

  test('on 50 different services: all 50 are stored and the index holds every one', async () => {
    const doc = manyServices(50);
    const server = createFakeGrafana(PLUGIN_ID, { registry: doc });
    const clients = await Promise.all(
      doc.services.map(async (service, i) => {
        const api = apiAs(server, `user${i}`);
        return { api, base: await load(api), id: service.id };
      })
    );
    const results = await Promise.all(
      clients.map(({ api, base, id }) =>
        saveRegistry(
          base,
          {
            ...base.doc,
            services: base.doc.services.map((s) => (s.id === id ? { ...s, description: `edited ${id}` } : s)),
          },
          { api, user: adminUser }
        )
      )
    );
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(server.registry()?.services.filter((s) => s.description === `edited ${s.id}`)).toHaveLength(50);
  });
});

describe('a folder without its index', () => {
  test('is rebuilt from its documents on the next load by someone who may write, and said so', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    server.remove(INDEX_UID);
    const loaded = await load(apiAs(server, 'eli', 'Editor'), editorUser);
    expect(loaded.doc.services.map((s) => s.id)).toEqual(['checkout', 'payments']);
    expect(loaded.notices.map((n) => n.kind)).toEqual(['rebuilt']);
    expect(loaded.notices[0].message).toContain('rebuilt from its 3 documents');
  });

  test('a registry still in the plugin settings does not overwrite documents edited since an earlier move', async () => {
    const legacy = baseRegistry();
    const server = createFakeGrafana(PLUGIN_ID, { jsonData: legacyRow(legacy) });
    const api = apiAs(server, 'ana');
    const moved = await load(api);
    const renamed = { ...moved.doc, services: moved.doc.services.map((s) => ({ ...s, name: `${s.name} (edited)` })) };
    expect((await saveRegistry(moved, renamed, { api, user: adminUser })).ok).toBe(true);
    // The index is deleted, and provisioning puts the old registry back into the plugin settings.
    server.remove(INDEX_UID);
    server.setJsonData(legacyRow(legacy));

    const loaded = await load(api);
    expect(loaded.doc.services.map((s) => s.name)).toEqual(['Checkout (edited)', 'Payments (edited)']);
    expect(loaded.notices.map((n) => n.kind)).toEqual(['legacyIgnored', 'rebuilt']);
    expect(loaded.notices[1].message).toContain('edited after an earlier move');
  });
});
