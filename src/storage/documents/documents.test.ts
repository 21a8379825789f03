import { baseRegistry } from '../../domain/testing/builders';
import { manyServices } from '../../domain/testing/manyServices';
import { applyWrites } from '../save/indexUpdate';
import { decodeDocument, encodeDocument } from './dashboardCodec';
import { DOCUMENT_FORMAT, serviceUid } from './layout';
import { emptyIndex, ServicePayload } from './payloads';

const doc = baseRegistry();
const payload: ServicePayload = {
  format: DOCUMENT_FORMAT,
  kind: 'service',
  service: doc.services[0],
  slos: doc.slos,
  changes: [],
};
const stamp = { at: '2026-12-06T10:00:00Z', by: 'ana' };

describe('serviceUid', () => {
  test.each([
    ['checkout', 'bizowner-s-checkout'],
    ['a'.repeat(29), `bizowner-s-${'a'.repeat(29)}`],
  ])('%s fits Grafana’s 40 characters as it is', (id, uid) => {
    expect(serviceUid(id)).toBe(uid);
  });

  test('ids too long for 40 characters keep their start and get a hash of the whole id', () => {
    const a = serviceUid(`${'x'.repeat(40)}-one`);
    const b = serviceUid(`${'x'.repeat(40)}-two`);
    expect(a).toHaveLength(40);
    expect(a).not.toBe(b);
    expect(a.startsWith('bizowner-s-xxxx')).toBe(true);
  });
});

describe('registry documents as dashboards', () => {
  test('round trip: a service document decodes to what was encoded', () => {
    const dashboard = encodeDocument('bizowner-s-checkout', payload, 4);
    expect(dashboard).toMatchObject({
      uid: 'bizowner-s-checkout',
      version: 4,
      title: 'Service · Checkout',
      editable: false,
    });
    expect(decodeDocument(dashboard, 'service')).toEqual({ ok: true, payload });
  });

  test('the data survives being moved into a row, as Grafana’s editor may do', () => {
    const dashboard = encodeDocument('bizowner-s-checkout', payload);
    const inRow = { ...dashboard, panels: [{ type: 'row', panels: dashboard.panels }] };
    expect(decodeDocument(inRow, 'service')).toEqual({ ok: true, payload });
  });

  test.each([
    ['no panels', { uid: 'u' }, 'holds no registry data'],
    [
      'broken JSON',
      { uid: 'u', panels: [{ options: { content: `{"format":"${DOCUMENT_FORMAT}",` } }] },
      'not valid JSON',
    ],
    [
      'another kind',
      { uid: 'u', panels: [{ options: { content: JSON.stringify({ ...payload, kind: 'people' }) } }] },
      'expected a service document, found people',
    ],
    [
      'slos not a list',
      { uid: 'u', panels: [{ options: { content: JSON.stringify({ ...payload, slos: {} }) } }] },
      '"slos" must be a list',
    ],
  ])('%s is an error value naming the dashboard', (_name, dashboard, message) => {
    const decoded = decodeDocument(dashboard, 'service');
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.message).toContain('dashboard u');
    expect(!decoded.ok && decoded.message).toContain(message);
  });
});

describe('the index, gzipped', () => {
  const index = applyWrites(emptyIndex(), [{ uid: 'x', version: 1, payload }], stamp);

  test('round trip, and the same index always encodes to the same dashboard', () => {
    const dashboard = encodeDocument('bizowner-index', index);
    expect(decodeDocument(dashboard, 'index')).toEqual({ ok: true, payload: index });
    expect(JSON.stringify(encodeDocument('bizowner-index', index))).toBe(JSON.stringify(dashboard));
  });

  test('5,000 services stay far below MySQL’s 16 MB for a dashboard', () => {
    const doc = manyServices(5000);
    const written = doc.services.map((service, i) => ({
      uid: `s${i}`,
      version: 1,
      payload: { ...payload, service, slos: doc.slos.filter((slo) => slo.serviceId === service.id) },
    }));
    const big = applyWrites(emptyIndex(), written, stamp);
    const size = JSON.stringify(encodeDocument('bizowner-index', big)).length;
    expect(JSON.stringify(big).length).toBeGreaterThan(5_000_000);
    expect(size).toBeLessThan(1_000_000);
  });

  test('data that is not gzip is an error value naming the dashboard', () => {
    const content = JSON.stringify({
      format: DOCUMENT_FORMAT,
      kind: 'index',
      encoding: 'gzip+base64',
      data: 'bm90IGd6aXA=',
    });
    const decoded = decodeDocument({ uid: 'bizowner-index', panels: [{ options: { content } }] }, 'index');
    expect(!decoded.ok && decoded.message).toContain(
      'dashboard bizowner-index: the registry data is not valid JSON or gzip'
    );
  });
});

describe('applyWrites', () => {
  const service = (version: number, name: string, deleted?: boolean) => ({
    uid: 'x',
    version,
    payload: { ...payload, service: { ...payload.service, name }, ...(deleted ? { deleted: true } : {}) },
  });

  test('a newer version replaces the entry, an older one never does', () => {
    const index = applyWrites(emptyIndex(), [service(3, 'three')], stamp);
    expect(applyWrites(index, [service(2, 'two')], stamp).services[0]).toMatchObject({
      version: 3,
      service: { name: 'three' },
    });
    expect(applyWrites(index, [service(4, 'four')], stamp).services[0]).toMatchObject({
      version: 4,
      service: { name: 'four' },
    });
  });

  test('a deleted service leaves, and a slower save of an older version cannot bring it back', () => {
    const index = applyWrites(
      applyWrites(emptyIndex(), [service(3, 'three')], stamp),
      [service(4, 'gone', true)],
      stamp
    );
    expect(index.services).toEqual([]);
    expect(applyWrites(index, [service(3, 'three')], stamp).services).toEqual([]);
    expect(applyWrites(index, [service(5, 'back')], stamp).services.map((e) => e.service.name)).toEqual(['back']);
  });
});
