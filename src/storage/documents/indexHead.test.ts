import { manyServices } from '../../domain/testing/manyServices';
import { compressText } from './compression';
import { decodeIndexStages, encodeDocument } from './dashboardCodec';
import { buildIndexHead, HEAD_SERVICES } from './indexHead';
import { INDEX_UID } from './layout';
import { emptyIndex, IndexPayload } from './payloads';

/** An index of `count` services named so that registry order and name order differ. */
function indexOf(count: number): IndexPayload {
  const doc = manyServices(count);
  doc.services.forEach((service, i) => {
    service.name = `Service ${String((i * 37) % count).padStart(4, '0')}`;
  });
  return {
    ...emptyIndex(),
    people: { version: 2, people: doc.people },
    services: doc.services.map((service, i) => ({
      version: 1 + (i % 3),
      service,
      slos: doc.slos.filter((slo) => slo.serviceId === service.id),
    })),
  };
}

function contentOf(dashboard: { panels: unknown[] }): Record<string, unknown> {
  const panel = dashboard.panels[1] as { options: { content: string } };
  return JSON.parse(panel.options.content);
}

function withContent(dashboard: ReturnType<typeof encodeDocument>, patch: Record<string, unknown>) {
  const panel = dashboard.panels[1] as { options: { content: string } };
  const content = JSON.stringify({ ...contentOf(dashboard), ...patch });
  return { ...dashboard, panels: [dashboard.panels[0], { ...panel, options: { ...panel.options, content } }] };
}

describe('the head of a large index', () => {
  test('holds the first services in name order, every id and name in registry order, and the people', () => {
    const index = indexOf(HEAD_SERVICES + 50);
    const head = buildIndexHead(index)!;
    expect(head.first).toHaveLength(HEAD_SERVICES);
    expect(head.first.map((entry) => entry.service.name)).toEqual(
      index.services
        .map((entry) => entry.service.name)
        .sort()
        .slice(0, HEAD_SERVICES)
    );
    // Each entry as the index has it: the document version and the SLOs.
    const first = index.services.find((entry) => entry.service.id === head.first[0].service.id);
    expect(head.first[0]).toEqual(first);
    expect(head.names).toEqual(index.services.map((entry) => [entry.service.id, entry.service.name]));
    expect(head.people).toEqual(index.people.people);
  });

  test('a small index, read whole at once, has none', async () => {
    expect(buildIndexHead(indexOf(HEAD_SERVICES))).toBeUndefined();
    const content = contentOf(encodeDocument(INDEX_UID, indexOf(HEAD_SERVICES)));
    expect(content).not.toHaveProperty('head');
    await expect(decodeIndexStages(encodeDocument(INDEX_UID, indexOf(HEAD_SERVICES))).head()).resolves.toBeUndefined();
  });

  test('is stored gzipped beside the whole index and read before it', async () => {
    const index = indexOf(HEAD_SERVICES + 1);
    const dashboard = encodeDocument(INDEX_UID, index, 3);
    expect(typeof contentOf(dashboard).head).toBe('string');
    const stages = decodeIndexStages(dashboard);
    await expect(stages.head()).resolves.toEqual(buildIndexHead(index));
    await expect(stages.whole()).resolves.toEqual({ ok: true, payload: index });
  });

  test.each([
    ['not gzip', 'not base64 gzip'],
    ['gzip of something else', compressText(JSON.stringify({ names: 'all of them' }))],
    ['a number', 42],
  ])('a head that is %s is ignored and the whole index still reads', async (_, head) => {
    const index = indexOf(HEAD_SERVICES + 1);
    const stages = decodeIndexStages(withContent(encodeDocument(INDEX_UID, index), { head }));
    await expect(stages.head()).resolves.toBeUndefined();
    await expect(stages.whole()).resolves.toEqual({ ok: true, payload: index });
  });

  test('an index that cannot be read has no head and its whole says why', async () => {
    const dashboard = encodeDocument(INDEX_UID, indexOf(HEAD_SERVICES + 1));
    const panel = dashboard.panels[1] as { options: { content: string } };
    panel.options.content = '{"format":"bizowner-registry/v1", broken';
    const stages = decodeIndexStages(dashboard);
    await expect(stages.head()).resolves.toBeUndefined();
    await expect(stages.whole()).resolves.toMatchObject({
      ok: false,
      message: expect.stringMatching(/dashboard bizowner-index: the registry data is not valid JSON/),
    });
  });
});
