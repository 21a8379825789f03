import { baseSlo } from '../testing/builders';
import { sloStatus, summarizeSlos } from './sloStatus';

const withPolicy = baseSlo('ratio'); // freezes at burn rate > 2 or budget left < 10%
const withoutPolicy = baseSlo('latency', { budgetPolicy: undefined });

describe('sloStatus', () => {
  test.each([
    ['no values', withPolicy, undefined, 'noData', 'noValues'],
    ['burn rate only', withPolicy, { burnRate: 3 }, 'noData', 'noValues'],
    ['budget spent', withPolicy, { budgetLeft: 0 }, 'exhausted', 'budgetSpent'],
    ['budget overspent', withoutPolicy, { budgetLeft: -0.4 }, 'exhausted', 'budgetSpent'],
    [
      'policy freezes on burn over its window',
      withPolicy,
      { budgetLeft: 0.8, burnRate: 0.5, policyBurn: { rate: 2.5, window: '3d' } },
      'atRisk',
      'releaseFreeze',
    ],
    // The current (5-minute) burn rate is not what the policy limits: a spike alone does not freeze.
    [
      'policy ignores a 5-minute spike',
      withPolicy,
      { budgetLeft: 0.8, burnRate: 9, policyBurn: { rate: 1.5, window: '3d' } },
      'ok',
      'withinBudget',
    ],
    ['policy without its window burn', withPolicy, { budgetLeft: 0.8, burnRate: 9 }, 'ok', 'withinBudget'],
    ['policy freezes on budget left', withPolicy, { budgetLeft: 0.05, burnRate: 0.5 }, 'atRisk', 'releaseFreeze'],
    ['policy allows', withPolicy, { budgetLeft: 0.15, burnRate: 1 }, 'ok', 'withinBudget'],
    ['no policy, low budget', withoutPolicy, { budgetLeft: 0.2 }, 'atRisk', 'budgetLow'],
    ['no policy, healthy', withoutPolicy, { budgetLeft: 0.9, burnRate: 5 }, 'ok', 'withinBudget'],
  ])('%s', (_name, slo, values, health, reason) => {
    expect(sloStatus(slo, values)).toMatchObject({ health, reason });
  });
});

describe('summarizeSlos', () => {
  const a = baseSlo('ratio');
  const b = baseSlo('latency');

  test('no SLOs', () => {
    expect(summarizeSlos([], undefined).health).toBe('none');
  });

  test('no values: every SLO has no data', () => {
    expect(summarizeSlos([a, b], undefined)).toEqual({
      health: 'noData',
      decisive: { slo: a, status: { health: 'noData', reason: 'noValues' } },
      budgetLeft: undefined,
      lowestBudgetSloId: undefined,
      counts: { ok: 0, atRisk: 0, exhausted: 0, noData: 2 },
    });
  });

  test('the worst measured SLO and the lowest budget left win', () => {
    const summary = summarizeSlos([a, b], { [a.id]: { budgetLeft: 0.9 }, [b.id]: { budgetLeft: -0.1 } });
    expect(summary).toMatchObject({ health: 'exhausted', budgetLeft: -0.1, lowestBudgetSloId: b.id });
    expect(summary.decisive?.slo.id).toBe(b.id);
  });

  test('the SLO that sets the health can differ from the one with the lowest budget', () => {
    const frozen = { ...a, budgetPolicy: { enabled: true, freezeBurnRate: 2, escalateToBusinessOwner: false } };
    const summary = summarizeSlos([frozen, b], {
      [frozen.id]: { budgetLeft: 0.5, burnRate: 0.2, policyBurn: { rate: 3, window: '3d' } },
      [b.id]: { budgetLeft: 0.3, burnRate: 0.5 },
    });
    expect(summary).toMatchObject({ health: 'atRisk', budgetLeft: 0.3, lowestBudgetSloId: b.id });
    expect(summary.decisive).toMatchObject({ slo: { id: frozen.id }, status: { reason: 'releaseFreeze' } });
  });
});
