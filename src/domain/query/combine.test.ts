import { orTerms, sumBy, withLabels } from './combine';

test('sums by labels, or in all', () => {
  expect(sumBy('rate(x[5m])', [])).toBe('sum(rate(x[5m]))');
  expect(sumBy('rate(x[5m])', ['route', 'code'])).toBe('sum by (route, code) (rate(x[5m]))');
});

test('constant labels are added with label_replace, $ and quotes escaped', () => {
  expect(withLabels('up', { service: 'a"$1' })).toBe('label_replace((up), "service", "a\\"$$1", "", "")');
});

test('`or` terms are grouped as a balanced tree, in their order', () => {
  expect(orTerms([])).toBe('');
  expect(orTerms(['a'])).toBe('a');
  expect(orTerms(['a', 'b'])).toBe('a or b');
  expect(orTerms(['a', 'b', 'c'])).toBe('(a or b) or c');
  expect(orTerms(['a', 'b', 'c', 'd', 'e'])).toBe('((a or b) or c) or (d or e)');
});
