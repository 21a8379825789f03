import { PLUGIN_ID } from '../constants';
import { RegistryDocument } from '../domain/model';
import { emptyRegistry } from '../domain/registry';
import { baseRegistry, baseSlo } from '../domain/testing/builders';
import { INDEX_UID, PEOPLE_UID, serviceUid } from './documents/layout';
import { createGrafanaApi, GrafanaApi } from './grafana/api';
import { backendSrvTransport } from './grafana/backendSrvTransport';
import { loadRegistry, saveRegistry } from './registryStore';
import { checkStorage } from './repair';
import { createFakeGrafana, FakeGrafana } from './testing/fakeGrafana';
import { adminUser, editorUser, otherAdminUser, viewerUser } from './testing/users';
import { LoadedRegistry, RegistryPreview } from './types';
import { HEAD_SERVICES } from './documents/indexHead';
import { manyServices } from '../domain/testing/manyServices';
import { nameOrder } from '../domain/registryView/servicesQuery';

const NOW = () => new Date('2026-12-06T10:00:00Z');

function apiAs(server: FakeGrafana, login: string, role: 'Admin' | 'Editor' | 'Viewer' = 'Admin'): GrafanaApi {
  return createGrafanaApi(backendSrvTransport(server.client(login, role)), PLUGIN_ID);
}

async function load(api: GrafanaApi, user = adminUser): Promise<LoadedRegistry> {
  const result = await loadRegistry(api, user, { now: NOW });
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result;
}

function withTier(doc: RegistryDocument, id: string, tier: 1 | 2 | 3 | 4): RegistryDocument {
  return { ...doc, services: doc.services.map((s) => (s.id === id ? { ...s, tier } : s)) };
}

describe('loadRegistry', () => {
  test('a new installation reads as an empty registry that an Editor may start', async () => {
    const server = createFakeGrafana(PLUGIN_ID);
    const loaded = await load(apiAs(server, 'eli', 'Editor'), editorUser);
    expect(loaded.doc).toEqual(emptyRegistry());
    expect(loaded.access).toMatchObject({ canWrite: true, canWriteSettings: false });
    expect(loaded.notices).toEqual([]);
  });

  test('reads the registry from the index in one dashboard request, with each document version', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const loaded = await load(apiAs(server, 'ana'));
    expect(loaded.doc.services.map((s) => s.id)).toEqual(['checkout', 'payments']);
    expect(loaded.doc.slos).toEqual(baseRegistry().slos);
    expect(loaded.versions).toEqual({ index: 1, people: 1, services: { checkout: 1, payments: 1 } });
    const dashboardReads = server.requests.filter((r) => r.url.startsWith('/api/dashboards/'));
    expect(dashboardReads.map((r) => r.url)).toEqual([`/api/dashboards/uid/${INDEX_UID}`]);
  });

  test('a Viewer reads but may not write: the folder says canSave false', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const loaded = await load(apiAs(server, 'vera', 'Viewer'), viewerUser);
    expect(loaded.access.canWrite).toBe(false);
    expect(loaded.access.reason).toContain('edit permission on the "Business Owner registry" folder');
  });

  test('a provisioned index makes the registry read-only for everyone and names the file', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    server.provision(INDEX_UID, 'registry/index.json');
    const loaded = await load(apiAs(server, 'ana'));
    expect(loaded.access).toMatchObject({ canWrite: false, provisionedFrom: 'registry/index.json' });
    expect(loaded.access.reason).toContain('provisioned from files (registry/index.json)');
  });

  test('a failed read is an error value with the status and Grafana message', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    server.failNext('GET', 500, 'database is locked', /dashboards/);
    const result = await loadRegistry(apiAs(server, 'ana'), adminUser);
    expect(result).toMatchObject({ ok: false, kind: 'error', status: 500 });
    expect(!result.ok && result.message).toContain('database is locked');
  });
});

describe('loadRegistry of a large registry', () => {
  test('shows the head of the index first: the first services by name, every name, the access; then the whole', async () => {
    const doc = manyServices(HEAD_SERVICES + 20);
    const server = createFakeGrafana(PLUGIN_ID, { registry: doc });
    const events: string[] = [];
    let preview: RegistryPreview | undefined;
    const result = loadRegistry(apiAs(server, 'vic', 'Viewer'), viewerUser, {
      now: NOW,
      onPreview: async (value) => {
        preview = value;
        events.push('preview');
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('shown');
      },
    });
    const loaded = await result;
    events.push('loaded');
    // The whole index waits until the preview is shown.
    expect(events).toEqual(['preview', 'shown', 'loaded']);
    expect(loaded.ok).toBe(true);
    expect(preview!.serviceNames).toEqual(doc.services.map((service) => [service.id, service.name]));
    expect(preview!.doc.services).toHaveLength(HEAD_SERVICES);
    const firstByName = [...doc.services].sort((a, b) => nameOrder(a, b))[0];
    expect(preview!.doc.services[0]).toEqual(firstByName);
    // Each service of the head with its SLOs, and no other SLO.
    for (const service of preview!.doc.services) {
      const slosOf = (slos: typeof doc.slos) => slos.filter((slo) => slo.serviceId === service.id);
      expect(slosOf(preview!.doc.slos)).toEqual(slosOf(doc.slos));
    }
    const headIds = new Set(preview!.doc.services.map((service) => service.id));
    expect(preview!.doc.slos.every((slo) => headIds.has(slo.serviceId))).toBe(true);
    expect(preview!.doc.people).toEqual(doc.people);
    expect(preview!.access).toEqual(loaded.ok && loaded.access);
    expect(preview!.access.canWrite).toBe(false);
  });

  test('a registry small enough to read whole at once has no preview', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: manyServices(HEAD_SERVICES) });
    const onPreview = jest.fn();
    const loaded = await loadRegistry(apiAs(server, 'ana'), adminUser, { now: NOW, onPreview });
    expect(loaded.ok && loaded.doc.services).toHaveLength(HEAD_SERVICES);
    expect(onPreview).not.toHaveBeenCalled();
  });
});

describe('saveRegistry', () => {
  test('the first save creates the folder, the changed documents and the index', async () => {
    const server = createFakeGrafana(PLUGIN_ID);
    const api = apiAs(server, 'eli', 'Editor');
    const base = await load(api, editorUser);
    const result = await saveRegistry(
      base,
      { ...baseRegistry(), settings: base.doc.settings },
      { api, user: editorUser, now: NOW }
    );
    expect(result.ok).toBe(true);
    expect(server.uids().sort()).toEqual(
      [INDEX_UID, PEOPLE_UID, serviceUid('checkout'), serviceUid('payments')].sort()
    );
    expect(server.registry()).toMatchObject({
      revision: 1,
      updatedBy: 'eli',
      services: baseRegistry().services,
      slos: baseRegistry().slos,
    });
    expect(server.dashboard(serviceUid('checkout'))?.versions[0]).toMatchObject({
      createdBy: 'eli',
      message: expect.stringContaining('service checkout added'),
    });
  });

  test('an edit writes only its service document and the index', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api = apiAs(server, 'ana');
    const base = await load(api);
    server.requests.length = 0;
    const result = await saveRegistry(base, withTier(base.doc, 'payments', 3), { api, user: adminUser, now: NOW });
    expect(result).toMatchObject({ ok: true, doc: { revision: 2, updatedBy: 'ana' } });
    const posts = server.requests
      .filter((r) => r.method === 'POST')
      .map((r) => (r.data as { dashboard: { uid: string } }).dashboard.uid);
    expect(posts).toEqual([serviceUid('payments'), INDEX_UID]);
    expect(server.dashboard(serviceUid('checkout'))?.version).toBe(1);
    expect(server.registry()?.services[1].tier).toBe(3);
  });

  test('two people editing different services both succeed, nothing is lost', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const [apiA, apiB] = [apiAs(server, 'ana'), apiAs(server, 'bruno')];
    const [a, b] = [await load(apiA), await load(apiB, otherAdminUser)];
    const first = await saveRegistry(a, withTier(a.doc, 'checkout', 2), { api: apiA, user: adminUser, now: NOW });
    const second = await saveRegistry(b, withTier(b.doc, 'payments', 4), { api: apiB, user: otherAdminUser, now: NOW });
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(server.registry()?.services.map((s) => s.tier)).toEqual([2, 4]);
    expect(second.ok && second.doc.services.map((s) => s.tier)).toEqual([2, 4]);
  });

  test('a stale save of the same service is refused, names who saved and what changed, and writes nothing', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const [apiA, apiB] = [apiAs(server, 'ana'), apiAs(server, 'bruno')];
    const [mine, theirs] = [await load(apiA), await load(apiB, otherAdminUser)];
    const withLatency = { ...theirs.doc, slos: [...theirs.doc.slos, baseSlo('latency', { id: 'checkout-latency-2' })] };
    expect((await saveRegistry(theirs, withLatency, { api: apiB, user: otherAdminUser, now: NOW })).ok).toBe(true);
    const before = server.snapshot();

    const result = await saveRegistry(mine, withTier(mine.doc, 'checkout', 3), {
      api: apiA,
      user: adminUser,
      now: NOW,
    });

    expect(result).toMatchObject({ ok: false, kind: 'conflict', updatedBy: 'bruno' });
    expect(!result.ok && result.message).toContain(
      'bruno saved service checkout at 2026-12-06T10:00:00.000Z (version 2)'
    );
    expect(!result.ok && result.message).toContain('SLO checkout-latency-2 added');
    expect(!result.ok && result.kind === 'conflict' && result.latest.slos.map((s) => s.id)).toContain(
      'checkout-latency-2'
    );
    expect(server.snapshot()).toBe(before);
  });

  test('a save losing the race between its check and its write puts back what it wrote first', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const [apiA, apiB] = [apiAs(server, 'ana'), apiAs(server, 'bruno')];
    const [mine, theirs] = [await load(apiA), await load(apiB, otherAdminUser)];
    // Bruno's save of payments lands between ana's checks and her write of payments.
    let interleaved = false;
    server.beforeSave = async (uid) => {
      if (uid === serviceUid('payments') && !interleaved) {
        interleaved = true;
        await saveRegistry(theirs, withTier(theirs.doc, 'payments', 4), { api: apiB, user: otherAdminUser, now: NOW });
      }
    };
    const next = withTier(withTier(mine.doc, 'checkout', 3), 'payments', 3);
    const result = await saveRegistry(mine, next, { api: apiA, user: adminUser, now: NOW });

    expect(result).toMatchObject({ ok: false, kind: 'conflict', updatedBy: 'bruno' });
    const stored = server.registry();
    expect(stored?.services.map((s) => s.tier)).toEqual([1, 4]);
    const checkout = server.dashboard(serviceUid('checkout'));
    expect(checkout?.versions.map((v) => v.message)).toEqual([
      'seed',
      expect.stringContaining('service checkout changed'),
      expect.stringContaining('Put back'),
    ]);
  });

  test.each([
    ['500 from Grafana', 500, 'Failed to save dashboard', 'HTTP 500'],
    ['network failure', 0, 'Failed to fetch', 'no answer from Grafana'],
  ])(
    'a failed write (%s) is an error value and leaves everything as it was',
    async (_name, status, message, answer) => {
      const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
      const api = apiAs(server, 'ana');
      const base = await load(api);
      const before = server.snapshot();
      server.failNext('POST', status, message, /dashboards\/db/);
      const result = await saveRegistry(base, withTier(base.doc, 'checkout', 2), { api, user: adminUser, now: NOW });
      expect(result).toMatchObject({ ok: false, kind: 'error', status });
      expect(!result.ok && result.message).toContain(`(${answer}): ${message}`);
      expect(!result.ok && result.message).toContain('The stored registry was not changed.');
      expect(server.snapshot()).toBe(before);
    }
  );

  test('a Viewer cannot save: refused without any request', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api = apiAs(server, 'vera', 'Viewer');
    const base = await load(api, viewerUser);
    server.requests.length = 0;
    const result = await saveRegistry(base, withTier(base.doc, 'checkout', 2), { api, user: viewerUser });
    expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(server.requests).toEqual([]);
  });

  test('an Editor may change services but not the app settings', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api = apiAs(server, 'eli', 'Editor');
    const base = await load(api, editorUser);
    const settings = { ...base.doc, settings: { ...base.doc.settings, defaultWindow: '28d' as const } };
    expect(await saveRegistry(base, settings, { api, user: editorUser })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect((await saveRegistry(base, withTier(base.doc, 'checkout', 2), { api, user: editorUser })).ok).toBe(true);
  });

  test('settings go to the plugin settings and keep the other jsonData', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api = apiAs(server, 'ana');
    const base = await load(api);
    const next = { ...base.doc, settings: { ...base.doc.settings, prometheus: { uid: 'prom-main' } } };
    expect((await saveRegistry(base, next, { api, user: adminUser })).ok).toBe(true);
    expect(server.settings().jsonData).toMatchObject({ settings: { prometheus: { uid: 'prom-main' } } });
    expect(server.registry()?.settings.prometheus).toEqual({ uid: 'prom-main' });
    expect(server.dashboard(INDEX_UID)?.version).toBe(1);
  });

  test('settings changed by another admin since loading are a conflict, and nothing is written', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const [apiA, apiB] = [apiAs(server, 'ana'), apiAs(server, 'bruno')];
    const [mine, theirs] = [await load(apiA), await load(apiB, otherAdminUser)];
    const theirSettings = { ...theirs.doc, settings: { ...theirs.doc.settings, loki: { uid: 'loki-b' } } };
    expect((await saveRegistry(theirs, theirSettings, { api: apiB, user: otherAdminUser })).ok).toBe(true);
    const before = server.snapshot();

    const next = withTier(
      { ...mine.doc, settings: { ...mine.doc.settings, prometheus: { uid: 'prom-a' } } },
      'checkout',
      2
    );
    const result = await saveRegistry(mine, next, { api: apiA, user: adminUser });

    expect(result).toMatchObject({ ok: false, kind: 'conflict' });
    expect(!result.ok && result.message).toContain(
      "Someone changed the app's settings after you loaded them: setting loki added"
    );
    expect(server.snapshot()).toBe(before);
  });

  test('a deleted service leaves the index but keeps its document, and its id can be used again', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api = apiAs(server, 'ana');
    const base = await load(api);
    const without = { ...base.doc, services: base.doc.services.slice(0, 1), slos: base.doc.slos };
    without.services = [{ ...without.services[0], dependsOn: [] }];
    const deleted = await saveRegistry(base, without, { api, user: adminUser });
    expect(deleted.ok).toBe(true);
    expect(server.registry()?.services.map((s) => s.id)).toEqual(['checkout']);
    expect(server.dashboard(serviceUid('payments'))?.json.title).toBe('Service · Payments (deleted)');

    const again = deleted.ok ? deleted.loaded : base;
    const recreated = await saveRegistry(
      again,
      { ...again.doc, services: [...again.doc.services, { ...base.doc.services[1], name: 'Payments 2' }] },
      { api, user: adminUser }
    );
    expect(recreated.ok).toBe(true);
    expect(server.registry()?.services.map((s) => s.name)).toEqual(['Checkout', 'Payments 2']);
  });
});

describe('checkStorage', () => {
  test('a save whose index write failed is reported, and the check brings the index up to date', async () => {
    // The service document is written; every write of the index fails.
    const server2 = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
    const api2 = apiAs(server2, 'ana');
    const base2 = await load(api2);
    server2.beforeSave = (uid) => {
      if (uid === serviceUid('payments')) {
        // The write after this one, the index's, fails.
        server2.failNext('POST', 500, 'database is locked', /dashboards\/db/);
      }
    };
    const saved = await saveRegistry(base2, withTier(base2.doc, 'payments', 3), {
      api: api2,
      user: adminUser,
      now: NOW,
    });
    expect(saved).toMatchObject({ ok: true, warning: expect.stringContaining('Check storage') });
    server2.beforeSave = undefined;
    expect(server2.registry()?.services[1].tier).toBe(2);

    const checked = await checkStorage(api2, 'ana', NOW);
    expect(checked).toEqual({
      ok: true,
      report: { checked: 3, repaired: ['service payments (v1 → v2)'], problems: [] },
    });
    expect(server2.registry()?.services[1].tier).toBe(3);
    expect(await checkStorage(api2, 'ana', NOW)).toEqual({
      ok: true,
      report: { checked: 3, repaired: [], problems: [] },
    });
  });
});
