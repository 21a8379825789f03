import { PLUGIN_ID } from '../constants';
import { baseRegistry } from '../domain/testing/builders';
import { PRELOAD_MAX_AGE_MS, preloadRegistry, takePreloadedRegistry } from './preload';
import { apiAs } from './testing/asUser';
import { createFakeGrafana } from './testing/fakeGrafana';
import { adminUser } from './testing/users';

function seeded() {
  const server = createFakeGrafana(PLUGIN_ID, { registry: baseRegistry() });
  return { server, api: apiAs(server, adminUser) };
}

describe('preloadRegistry', () => {
  afterEach(() => {
    // Leave nothing behind for the next test.
    takePreloadedRegistry(() => undefined);
  });

  test('the read it starts is taken once, with the registry', async () => {
    const { api } = seeded();
    preloadRegistry({ api, user: adminUser, now: 1_000 });
    const taken = takePreloadedRegistry(() => undefined, 1_500);
    expect(taken).toBeDefined();
    const result = await taken!;
    expect(result.ok && result.doc.services.map((service) => service.id)).toEqual(
      baseRegistry().services.map((service) => service.id)
    );
    expect(takePreloadedRegistry(() => undefined, 1_600)).toBeUndefined();
  });

  test('a read too old to show is not taken', () => {
    const { api } = seeded();
    preloadRegistry({ api, user: adminUser, now: 1_000 });
    expect(takePreloadedRegistry(() => undefined, 1_000 + PRELOAD_MAX_AGE_MS)).toBeUndefined();
  });

  test('a second preload while one waits reads nothing more; an old one is replaced', async () => {
    const { api, server } = seeded();
    preloadRegistry({ api, user: adminUser, now: 1_000 });
    preloadRegistry({ api, user: adminUser, now: 2_000 });
    await takePreloadedRegistry(() => undefined, 2_500);
    const reads = server.requests.length;

    preloadRegistry({ api, user: adminUser, now: 10_000 });
    preloadRegistry({ api, user: adminUser, now: 10_000 + PRELOAD_MAX_AGE_MS });
    await takePreloadedRegistry(() => undefined, 10_000 + PRELOAD_MAX_AGE_MS + 1);
    expect(server.requests.length).toBe(reads * 3);
  });

  test('with nothing preloaded there is nothing to take', () => {
    expect(takePreloadedRegistry(() => undefined)).toBeUndefined();
  });
});
