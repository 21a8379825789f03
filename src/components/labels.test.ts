import { baseSlo } from '../domain/testing/builders';
import { sloStatus } from '../domain/registryView/sloStatus';
import { sloStatusExplanation, sloStatusLabel } from './labels';

describe('SLO status texts', () => {
  test('a release freeze names the threshold crossed and the values', () => {
    const slo = baseSlo('ratio');
    const status = sloStatus(slo, { budgetLeft: 0.334, burnRate: 0.4, policyBurn: { rate: 2.5, window: '3d' } });
    expect(sloStatusLabel(status.health, status.reason)).toBe('Release freeze');
    expect(sloStatusExplanation(slo, status)).toBe(
      'Checkout ratio: its budget policy freezes releases: burn rate 2.50x over 3d is above its 2x.'
    );
  });

  test('a low budget without a policy names the 25% rule', () => {
    const slo = baseSlo('ratio', { budgetPolicy: undefined });
    const status = sloStatus(slo, { budgetLeft: 0.2 });
    expect(sloStatusLabel(status.health, status.reason)).toBe('Budget low');
    expect(sloStatusExplanation(slo, status)).toContain('20.0% of its budget left: below 25%');
  });

  test('without values there is nothing to explain: the reason for missing values says why', () => {
    const slo = baseSlo('ratio');
    expect(sloStatusExplanation(slo, sloStatus(slo, undefined))).toBeUndefined();
  });
});
