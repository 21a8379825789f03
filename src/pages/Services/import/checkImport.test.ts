import { baseRegistry } from '../../../domain/testing/builders';
import { checkImport } from './checkImport';

const catalog = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
  title: Search
spec:
  type: service
  lifecycle: production
  owner: group:search-team
`;

describe('checkImport', () => {
  test('a valid Backstage component is previewed as a new service', () => {
    const result = checkImport('backstage', { text: catalog, file: 'catalog-info.yaml' }, baseRegistry());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.changes).toContainEqual({ kind: 'service', id: 'search', action: 'create' });
      expect(result.next.services.map((service) => service.id)).toEqual(['checkout', 'payments', 'search']);
    }
  });

  test('a bad line is reported with its line number and nothing is merged', () => {
    const broken = catalog.replace('  title: Search\n', '  title: Search\n  bad: [unclosed\n');
    const result = checkImport('backstage', { text: broken, file: 'catalog-info.yaml' }, baseRegistry());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.some((problem) => problem.line !== undefined && problem.line >= 5)).toBe(true);
    }
  });

  test('an import that breaks the registry is refused', () => {
    const dependent = `${catalog}  dependsOn: [component:default/nowhere]\n`;
    const result = checkImport('backstage', { text: dependent }, baseRegistry());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => problem.path)).toContain('services[2].dependsOn[0]');
    }
  });
});
