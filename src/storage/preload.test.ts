import { PLUGIN_ID } from '../constants';
import { baseRegistry } from '../domain/testing/builders';
import { manyServices } from '../domain/testing/manyServices';
import { HEAD_SERVICES } from './documents/indexHead';
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
    const taken = takePreloadedRegistry(() => undefined, undefined, 1_500);
    expect(taken).toBeDefined();
    const result = await taken!;
    expect(result.ok && result.doc.services.map((service) => service.id)).toEqual(
      baseRegistry().services.map((service) => service.id)
    );
    expect(takePreloadedRegistry(() => undefined, undefined, 1_600)).toBeUndefined();
  });

  test('a read too old to show is not taken', () => {
    const { api } = seeded();
    preloadRegistry({ api, user: adminUser, now: 1_000 });
    expect(takePreloadedRegistry(() => undefined, undefined, 1_000 + PRELOAD_MAX_AGE_MS)).toBeUndefined();
  });

  test('a second preload while one waits reads nothing more; an old one is replaced', async () => {
    const { api, server } = seeded();
    preloadRegistry({ api, user: adminUser, now: 1_000 });
    preloadRegistry({ api, user: adminUser, now: 2_000 });
    await takePreloadedRegistry(() => undefined, undefined, 2_500);
    const reads = server.requests.length;

    preloadRegistry({ api, user: adminUser, now: 10_000 });
    preloadRegistry({ api, user: adminUser, now: 10_000 + PRELOAD_MAX_AGE_MS });
    await takePreloadedRegistry(() => undefined, undefined, 10_000 + PRELOAD_MAX_AGE_MS + 1);
    expect(server.requests.length).toBe(reads * 3);
  });

  test('a large registry’s head waits for the page that takes the read, and the whole for the head to be shown', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: manyServices(HEAD_SERVICES + 1) });
    preloadRegistry({ api: apiAs(server, adminUser), user: adminUser, preview: true, now: 1_000 });
    // The head is read while the page's code is still on its way.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const events: string[] = [];
    const taken = takePreloadedRegistry(
      () => undefined,
      async (preview) => {
        events.push(`preview of ${preview.serviceNames.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        events.push('shown');
      },
      1_100
    );
    const result = await taken!;
    events.push('loaded');
    expect(events).toEqual([`preview of ${HEAD_SERVICES + 1}`, 'shown', 'loaded']);
    expect(result.ok && result.doc.services).toHaveLength(HEAD_SERVICES + 1);
  });

  test('a head nobody takes holds the whole back for a while only', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: manyServices(HEAD_SERVICES + 1) });
    preloadRegistry({ api: apiAs(server, adminUser), user: adminUser, preview: true, previewWaitMs: 30, now: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const onPreview = jest.fn();
    const result = await takePreloadedRegistry(() => undefined, onPreview, 1_300)!;
    expect(result.ok && result.doc.services).toHaveLength(HEAD_SERVICES + 1);
    // Decoded whole before the page came: nothing left to preview.
    expect(onPreview).not.toHaveBeenCalled();
  });

  test('without asking for a preview, a large registry is read whole', async () => {
    const server = createFakeGrafana(PLUGIN_ID, { registry: manyServices(HEAD_SERVICES + 1) });
    preloadRegistry({ api: apiAs(server, adminUser), user: adminUser, now: 1_000 });
    const onPreview = jest.fn();
    const result = await takePreloadedRegistry(() => undefined, onPreview, 1_100)!;
    expect(result.ok).toBe(true);
    expect(onPreview).not.toHaveBeenCalled();
  });

  test('with nothing preloaded there is nothing to take', () => {
    expect(takePreloadedRegistry(() => undefined)).toBeUndefined();
  });
});
