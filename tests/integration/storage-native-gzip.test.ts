// Runs in Node, which has the browser's `DecompressionStream`, `Blob` and `Response`: the native
// path runs here as in pages; jsdom (the unit tests) takes the fflate path.
import { manyServices } from '../../src/domain/testing/manyServices';
import { compressText, decompressJsonAsync, decompressText } from '../../src/storage/documents/compression';
import { decodeDocument, decodeIndexStages, encodeDocument } from '../../src/storage/documents/dashboardCodec';
import { buildIndexHead } from '../../src/storage/documents/indexHead';
import { DOCUMENT_FORMAT, INDEX_UID, PEOPLE_UID } from '../../src/storage/documents/layout';
import { IndexPayload } from '../../src/storage/documents/payloads';

describe('decompressJsonAsync with the native decoder', () => {
  test('the platform has one here, so this suite tests it and not the fallback', () => {
    expect(typeof DecompressionStream).toBe('function');
    expect(typeof Response).toBe('function');
  });

  test('gives back the JSON value, multi-byte characters included', async () => {
    const value = { name: 'Zahlungsdienst – Prüfung ✓', many: 'x'.repeat(100_000) };
    const compressed = compressText(JSON.stringify(value));
    await expect(decompressJsonAsync(compressed)).resolves.toEqual(value);
    expect(JSON.parse(decompressText(compressed))).toEqual(value);
  });

  test('rejects data that is not gzip', async () => {
    await expect(decompressJsonAsync(btoa('not gzip at all'))).rejects.toThrow();
  });

  test('rejects gzip of text that is not JSON', async () => {
    await expect(decompressJsonAsync(compressText('{"format":'))).rejects.toThrow();
  });
});

describe('decodeIndexStages with the native decoder', () => {
  const doc = manyServices(300);
  const payload: IndexPayload = {
    format: DOCUMENT_FORMAT,
    kind: 'index',
    people: { version: 1, people: doc.people },
    services: doc.services.map((service) => ({
      version: 1,
      service,
      slos: doc.slos.filter((slo) => slo.serviceId === service.id),
    })),
  };
  const encoded = () => encodeDocument(INDEX_UID, payload, 3);

  test('decodes a compressed index as the synchronous decoder does', async () => {
    const dashboard = encoded();
    const sync = decodeDocument(dashboard, 'index');
    const native = await decodeIndexStages(dashboard).whole();
    expect(sync.ok).toBe(true);
    expect(native).toEqual(sync);
  });

  test('reads a large index in two steps, its head at once and the whole natively, as the synchronous decoder does', async () => {
    const dashboard = encoded();
    const stages = decodeIndexStages(dashboard);
    const head = await stages.head();
    expect(head).toEqual(buildIndexHead(payload));
    expect(head?.first).toHaveLength(100);
    await expect(stages.whole()).resolves.toEqual(decodeDocument(dashboard, 'index'));
  });

  test('a corrupted index is an error naming the dashboard, not a throw', async () => {
    const dashboard = encoded() as unknown as { panels: Array<{ options: { content: string } }> };
    const content = JSON.parse(dashboard.panels[1].options.content);
    dashboard.panels[1].options.content = JSON.stringify({ ...content, data: btoa('garbage') });
    const stages = decodeIndexStages(dashboard);
    await expect(stages.head()).resolves.toEqual(buildIndexHead(payload));
    const decoded = await stages.whole();
    expect(decoded).toEqual({
      ok: false,
      message: expect.stringContaining('dashboard bizowner-index: the registry data is not valid JSON or gzip'),
    });
  });

  test('a document of another kind is refused with the kind named', async () => {
    const people = encodeDocument(
      PEOPLE_UID,
      { format: DOCUMENT_FORMAT, kind: 'people', people: doc.people, changes: [] },
      1
    );
    const stages = decodeIndexStages(people);
    await expect(stages.head()).resolves.toBeUndefined();
    await expect(stages.whole()).resolves.toEqual({
      ok: false,
      message: `dashboard ${PEOPLE_UID}: expected an index document, found people`,
    });
  });
});
