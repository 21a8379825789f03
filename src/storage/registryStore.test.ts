import { RegistryDocument } from '../domain/model';
import { emptyRegistry } from '../domain/registry';
import { baseRegistry, baseSlo } from '../domain/testing/builders';
import { PLUGIN_ID } from '../constants';
import { createGrafanaSettingsApi } from './grafanaSettingsApi';
import { LoadedRegistry, loadRegistry, saveRegistry, SaveOptions, SaveResult } from './registryStore';
import { createFakeSettingsServer, FakeSettingsServer } from './testing/fakeSettingsServer';
import { adminUser, otherAdminUser, viewerUser } from './testing/users';

const SETTINGS_URL = `/api/plugins/${PLUGIN_ID}/settings`;

function serverWithRegistry(): FakeSettingsServer {
  return createFakeSettingsServer(PLUGIN_ID, {
    enabled: true,
    pinned: false,
    jsonData: {
      registry: baseRegistry({ revision: 3 }),
      registryWriteId: 'w3',
      theme: 'dark',
      extra: { keep: [1, 2] },
    },
    secureJsonFields: { billingToken: true },
  });
}

function options(server: FakeSettingsServer, user = adminUser, writeId = 'w-new'): SaveOptions {
  return {
    api: createGrafanaSettingsApi(PLUGIN_ID, server),
    user,
    now: () => new Date('2026-11-27T10:00:00Z'),
    newWriteId: () => writeId,
  };
}

async function load(server: FakeSettingsServer): Promise<LoadedRegistry> {
  const result = await loadRegistry(createGrafanaSettingsApi(PLUGIN_ID, server));
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result;
}

function withTier2Checkout(doc: RegistryDocument): RegistryDocument {
  return { ...doc, services: doc.services.map((s) => (s.id === 'checkout' ? { ...s, tier: 2 } : s)) };
}

function withPaymentsLatency(doc: RegistryDocument): RegistryDocument {
  return { ...doc, slos: [...doc.slos, baseSlo('latency', { id: 'payments-latency', serviceId: 'payments' })] };
}

describe('loadRegistry', () => {
  test('a new installation (jsonData null) reads as an empty registry', async () => {
    const loaded = await load(createFakeSettingsServer(PLUGIN_ID));
    expect(loaded).toEqual({ ok: true, doc: emptyRegistry(), writeId: undefined });
  });

  test('reads the stored document and its write id through GET on the settings URL', async () => {
    const server = serverWithRegistry();
    const loaded = await load(server);
    expect(loaded.doc.revision).toBe(3);
    expect(loaded.writeId).toBe('w3');
    expect(server.requests).toEqual([{ method: 'GET', url: SETTINGS_URL, data: undefined }]);
  });

  test('a failed read is an error value with the status and Grafana message', async () => {
    const server = serverWithRegistry();
    server.failNext('GET', 500, 'Failed to get plugin settings');
    const result = await loadRegistry(createGrafanaSettingsApi(PLUGIN_ID, server));
    expect(result).toMatchObject({ ok: false, kind: 'error', status: 500 });
    expect(!result.ok && result.message).toContain('Failed to get plugin settings');
  });
});

describe('saveRegistry', () => {
  test('writes revision + 1 with who and when, keeping enabled, pinned, other jsonData and secrets', async () => {
    const server = serverWithRegistry();
    const base = await load(server);
    const result = await saveRegistry(base, withTier2Checkout(base.doc), options(server));

    expect(result).toMatchObject({ ok: true, writeId: 'w-new' });
    const stored = server.stored();
    expect(stored.enabled).toBe(true);
    expect(stored.pinned).toBe(false);
    expect(stored.secureJsonFields).toEqual({ billingToken: true });
    expect(stored.jsonData).toMatchObject({ theme: 'dark', extra: { keep: [1, 2] }, registryWriteId: 'w-new' });
    expect(stored.jsonData?.registry).toMatchObject({
      revision: 4,
      updatedBy: 'ana',
      updatedAt: '2026-11-27T10:00:00.000Z',
      services: [expect.objectContaining({ id: 'checkout', tier: 2 }), expect.objectContaining({ id: 'payments' })],
    });
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].url).toBe(SETTINGS_URL);
    expect(posts[0].data).not.toHaveProperty('secureJsonData');
  });

  test('a stale save is refused, names who saved and what changed, and posts nothing', async () => {
    const server = serverWithRegistry();
    const mine = await load(server);
    const theirs = await load(server);
    const first = await saveRegistry(
      theirs,
      withPaymentsLatency(withTier2Checkout(theirs.doc)),
      options(server, otherAdminUser, 'w-bruno')
    );
    expect(first.ok).toBe(true);
    const storedAfterFirst = server.storedJson();

    const second = await saveRegistry(mine, { ...mine.doc, people: [] }, options(server));

    expect(second).toMatchObject({ ok: false, kind: 'conflict', updatedBy: 'bruno', latest: { revision: 4 } });
    expect(!second.ok && second.message).toContain('bruno saved the registry at 2026-11-27T10:00:00.000Z (revision 4)');
    expect(!second.ok && second.message).toContain('service checkout changed, SLO payments-latency added');
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(server.storedJson()).toBe(storedAfterFirst);
  });

  test.each([
    ['500 from Grafana', 500, 'Failed to update plugin setting', 'HTTP 500'],
    ['400 from Grafana', 400, 'bad request data', 'HTTP 400'],
    ['network failure', 0, 'Failed to fetch', 'no answer from Grafana'],
  ])(
    'a failed write (%s) is an error value and leaves the stored jsonData byte-for-byte',
    async (_name, status, message, answer) => {
      const server = serverWithRegistry();
      const before = server.storedJson();
      const base = await load(server);
      server.failNext('POST', status, message);

      const result = await saveRegistry(base, withTier2Checkout(base.doc), options(server));

      expect(result).toMatchObject({ ok: false, kind: 'error', status });
      expect(!result.ok && result.message).toContain(`(${answer}): ${message}`);
      expect(server.storedJson()).toBe(before);
    }
  );

  test('a viewer cannot save: refused without any request', async () => {
    const server = serverWithRegistry();
    const base = await load(server);
    server.requests.length = 0;

    const result = await saveRegistry(base, withTier2Checkout(base.doc), options(server, viewerUser));

    expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(!result.ok && result.message).toContain('plugins:write');
    expect(server.requests).toEqual([]);
  });

  test('a 403 from Grafana (permission revoked since the page loaded) is a forbidden value', async () => {
    const server = serverWithRegistry();
    const before = server.storedJson();
    const base = await load(server);
    server.failNext('POST', 403, 'You need additional permissions: plugins:write');

    const result = await saveRegistry(base, withTier2Checkout(base.doc), options(server));

    expect(result).toMatchObject({ ok: false, kind: 'forbidden', status: 403 });
    expect(server.storedJson()).toBe(before);
  });

  test('two writers saving in turn: the second, started from the same revision, is refused', async () => {
    const server = serverWithRegistry();
    const [a, b] = [await load(server), await load(server)];

    const first = await saveRegistry(a, withTier2Checkout(a.doc), options(server, adminUser, 'w-ana'));
    const second = await saveRegistry(b, withPaymentsLatency(b.doc), options(server, otherAdminUser, 'w-bruno'));

    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, kind: 'conflict', updatedBy: 'ana' });
    expect(!second.ok && second.message).toContain('service checkout changed');
    expect(server.stored().jsonData?.registryWriteId).toBe('w-ana');
  });

  test('two writers interleaved (both read before either wrote): the overwritten one is told', async () => {
    const server = serverWithRegistry();
    const [a, b] = [await load(server), await load(server)];
    server.beforePost = holdUntil(2);

    const [resultA, resultB]: SaveResult[] = await Promise.all([
      saveRegistry(a, withTier2Checkout(a.doc), options(server, adminUser, 'w-ana')),
      saveRegistry(b, withPaymentsLatency(b.doc), options(server, otherAdminUser, 'w-bruno')),
    ]);

    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET', 'POST', 'POST', 'GET', 'GET']);
    expect(server.stored().jsonData?.registryWriteId).toBe('w-bruno');
    expect(resultB).toMatchObject({ ok: true, writeId: 'w-bruno' });
    expect(resultA).toMatchObject({ ok: false, kind: 'conflict', updatedBy: 'bruno' });
    expect(!resultA.ok && resultA.message).toContain('replaced yours: SLO payments-latency added');
  });
});

/** A `beforePost` hook that holds every POST until `count` of them arrived, then lets them in, in order. */
function holdUntil(count: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) {
      release();
    }
    return gate;
  };
}
