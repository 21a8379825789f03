import { kpiVerdict } from './kpiTarget';

describe('kpiVerdict', () => {
  test.each<[string, { target?: number; direction?: 'higher' | 'lower' }, number, string | undefined]>([
    ['higher is better by default: above', { target: 100 }, 120, 'meets'],
    ['higher is better by default: below', { target: 100 }, 80, 'misses'],
    ['exactly at the target meets it', { target: 100, direction: 'higher' }, 100, 'meets'],
    ['lower is better: below', { target: 0.05, direction: 'lower' }, 0.03, 'meets'],
    ['lower is better: above', { target: 0.05, direction: 'lower' }, 0.08, 'misses'],
    ['no target', {}, 5, undefined],
    ['NaN', { target: 1 }, NaN, undefined],
  ])('%s', (_name, kpi, value, verdict) => {
    expect(kpiVerdict(kpi, value)).toBe(verdict);
  });
});
