import { SCHEMA_VERSION } from '../domain/model';
import { defaultSettings, emptyRegistry } from '../domain/registry';
import { baseRegistry } from '../domain/testing/builders';
import { readStoredRegistry } from './storedRegistry';

describe('readStoredRegistry', () => {
  test.each([
    ['jsonData null', null],
    ['jsonData without a registry', { other: 1 }],
    ['registry null', { registry: null }],
  ])('%s reads as the empty registry', (_name, jsonData) => {
    expect(readStoredRegistry(jsonData)).toEqual({ ok: true, doc: emptyRegistry(), writeId: undefined });
  });

  test('a current document reads unchanged, with its write id', () => {
    const doc = baseRegistry({ revision: 9 });
    expect(readStoredRegistry({ registry: doc, registryWriteId: 'w9' })).toEqual({ ok: true, doc, writeId: 'w9' });
  });

  test('a hand-written document without version, revision or lists gets the defaults', () => {
    const result = readStoredRegistry({ registry: { settings: { defaultWindow: '28d' }, services: [] } });
    expect(result).toEqual({
      ok: true,
      writeId: undefined,
      doc: { ...emptyRegistry(), settings: { ...defaultSettings(), defaultWindow: '28d' } },
    });
  });

  test.each([
    ['not an object', { registry: 'services: []' }, 'not an object'],
    ['a list', { registry: [] }, 'not an object'],
    ['from a newer schema', { registry: { ...baseRegistry(), schemaVersion: SCHEMA_VERSION + 1 } }, 'newer version'],
  ])('a registry that is %s is refused', (_name, jsonData, message) => {
    const result = readStoredRegistry(jsonData);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});
