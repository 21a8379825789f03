import { join } from 'path';

import { baseRegistry } from '../testing/builders';
import { readFixture } from '../testing/golden';
import { checkImport, checkReplace } from './importCheck';
import { stringifyRegistryYaml } from './native';

/** A Backstage catalog of one component, `search`, owned by a group. */
const catalog = readFixture(join(__dirname, '__fixtures__', 'backstage', 'search.yaml'));
const author = { at: '2026-03-01T10:00:00.000Z', by: 'ana' };

describe('checkImport', () => {
  test('a valid Backstage component is previewed as a new service', () => {
    const result = checkImport('backstage', [{ text: catalog, file: 'catalog-info.yaml' }], baseRegistry(), { author });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.changes).toContainEqual({ kind: 'service', id: 'search', action: 'create' });
      expect(result.next.services.map((service) => service.id)).toEqual(['checkout', 'payments', 'search']);
      expect(result.report).toContainEqual(
        expect.objectContaining({ outcome: 'mapped', source: 'spec.owner', target: 'services[search].onCall.team' })
      );
    }
  });

  test('a bad line is reported with its line number and nothing is merged', () => {
    const broken = catalog.replace('  title: Search\n', '  title: Search\n  bad: [unclosed\n');
    const result = checkImport('backstage', [{ text: broken, file: 'catalog-info.yaml' }], baseRegistry(), { author });
    expect(result).toMatchObject({ ok: false, refusedFor: 'source' });
    if (!result.ok) {
      expect(result.problems.some((problem) => problem.line !== undefined && problem.line >= 5)).toBe(true);
    }
  });

  test('an import that breaks the registry is refused', () => {
    const dependent = `${catalog}  dependsOn: [component:default/nowhere]\n`;
    const result = checkImport('backstage', [{ text: dependent }], baseRegistry(), { author });
    expect(result).toMatchObject({ ok: false, refusedFor: 'registry' });
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.path)).toContain('services[2].dependsOn[0]');
    }
  });

  test('without a registry, the import is only checked on its own', () => {
    const dependent = `${catalog}  dependsOn: [component:default/nowhere]\n`;
    const result = checkImport('backstage', [{ text: dependent }], undefined, { author });
    expect(result.ok).toBe(true);
  });

  test('strict refuses an import that drops a field, and accepts one that drops none', () => {
    const tagged = catalog.replace('  title: Search\n', '  title: Search\n  tags: [java]\n');
    const refused = checkImport('backstage', [{ text: tagged }], baseRegistry(), { author, strict: true });
    expect(refused).toMatchObject({ ok: false, refusedFor: 'strict' });
    if (!refused.ok) {
      expect(refused.problems.at(-1)?.message).toBe('strict: 1 source fields would be dropped; the report names them');
    }
    expect(checkImport('backstage', [{ text: tagged }], baseRegistry(), { author }).ok).toBe(true);
    expect(checkImport('backstage', [{ text: catalog }], baseRegistry(), { author, strict: true }).ok).toBe(true);
  });

  test('several files merge into one import, and problems name the file and document', () => {
    const second = `${catalog.replace(/search/g, 'cart')}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Bad_Name\n`;
    const result = checkImport(
      'backstage',
      [
        { text: catalog, file: 'search.yaml' },
        { text: second, file: 'cart.yaml' },
      ],
      baseRegistry(),
      { author }
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual(
        expect.objectContaining({ path: 'services[2].id', file: 'cart.yaml', line: 14, document: 2 })
      );
    }
    const fixed = checkImport(
      'backstage',
      [
        { text: catalog, file: 'search.yaml' },
        { text: second.replace('Bad_Name', 'basket'), file: 'cart.yaml' },
      ],
      baseRegistry(),
      { author }
    );
    expect(fixed.ok && fixed.changes.map((change) => change.id)).toEqual(['search', 'cart', 'basket']);
  });
});

describe('checkReplace', () => {
  test('valid native YAML comes with what it changes', () => {
    const next = baseRegistry();
    next.services[0].tier = 2;
    const result = checkReplace(stringifyRegistryYaml(next), 'registry.yaml', baseRegistry());
    expect(result).toEqual({
      ok: true,
      doc: next,
      warnings: [],
      changes: [{ entity: 'service', id: 'checkout', change: 'changed' }],
    });
  });

  test('an invalid registry is refused with its errors only', () => {
    const result = checkReplace('services: [', 'registry.yaml', baseRegistry());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([expect.objectContaining({ file: 'registry.yaml', line: 1 })]);
    }
  });
});
