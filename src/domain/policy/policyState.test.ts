import { BudgetPolicy } from '../model';
import { baseException, baseService } from '../testing/builders';
import { activeExceptions, isExceptionActive } from './exceptions';
import {
  needsLookback,
  PolicyStateKind,
  recoveryThresholds,
  servicePolicyState,
  SloPolicyInput,
  sloPolicyState,
  SloPolicyState,
} from './policyState';

const both: BudgetPolicy = {
  enabled: true,
  freezeBurnRate: 2,
  freezeBudgetLeftPercent: 25,
  escalateToBusinessOwner: false,
};
const FROZE = '2026-11-20T14:00:00Z';
const NOW = Date.parse('2026-11-27T10:00:00Z');

function input(budgetLeft: number, burnRate?: number, policy: BudgetPolicy = both): SloPolicyInput {
  const values = burnRate === undefined ? { budgetLeft } : { budgetLeft, burnRate, burnWindow: '3d' };
  return { sloId: 'checkout-availability', policy, values, period: '30d' };
}

const exception = baseException;

describe('recoveryThresholds', () => {
  it.each<[string, Partial<BudgetPolicy>, ReturnType<typeof recoveryThresholds>]>([
    ['freeze thresholds + 10 points and 1x', {}, { budgetLeftPercent: 35, burnRate: 1 }],
    ['at most 100% of the budget', { freezeBudgetLeftPercent: 95 }, { budgetLeftPercent: 100, burnRate: 1 }],
    [
      'a freeze rate under 1x is its own recovery rate',
      { freezeBurnRate: 0.8 },
      { budgetLeftPercent: 35, burnRate: 0.8 },
    ],
    [
      'the policy’s own thresholds',
      { recoverBudgetLeftPercent: 60, recoverBurnRate: 1.5 },
      { budgetLeftPercent: 60, burnRate: 1.5 },
    ],
    [
      'only the values the policy freezes on',
      { freezeBudgetLeftPercent: undefined },
      { budgetLeftPercent: undefined, burnRate: 1 },
    ],
    [
      'a recovery budget on a burn-only policy',
      { freezeBudgetLeftPercent: undefined, recoverBudgetLeftPercent: 20 },
      { budgetLeftPercent: 20, burnRate: 1 },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(recoveryThresholds({ ...both, ...overrides })).toEqual(expected);
  });
});

describe('sloPolicyState at and around the thresholds', () => {
  // [name, input, froze within the period, expected state, needs the look-back, reasons it shows]
  it.each<[string, SloPolicyInput, string | undefined, PolicyStateKind, boolean, string[]]>([
    [
      'healthy: normal without asking the past',
      input(0.8, 0.5),
      FROZE,
      'normal',
      false,
      ['budget left 80% (freezes below 25%)', 'burn rate 0.5x over 3d (freezes above 2x)'],
    ],
    [
      'budget just below the freeze threshold freezes',
      input(0.2499, 0.5),
      undefined,
      'freeze',
      false,
      ['budget left 24.99% is below the 25% freeze threshold', 'burn rate 0.5x over 3d (freezes above 2x)'],
    ],
    [
      'burn just above the freeze threshold freezes',
      input(0.8, 2.0001),
      undefined,
      'freeze',
      false,
      ['budget left 80% (freezes below 25%)', 'burn rate 2.0001x over 3d is above the 2x freeze threshold'],
    ],
    [
      'exactly at the freeze threshold after a freeze: reliability work',
      input(0.25, 0.5),
      FROZE,
      'reliabilityWork',
      true,
      [
        'budget left 25% (freezes below 25%)',
        'burn rate 0.5x over 3d (freezes above 2x)',
        'last frozen at 2026-11-20T14:00:00Z, within the 30d period',
        'not recovered: budget left 25% is below the 35% recovery threshold',
      ],
    ],
    [
      'same values without a freeze in the period: normal',
      input(0.25, 0.5),
      undefined,
      'normal',
      true,
      ['budget left 25% (freezes below 25%)', 'burn rate 0.5x over 3d (freezes above 2x)'],
    ],
    [
      'just below the recovery threshold: still reliability work',
      input(0.3499, 0.5),
      FROZE,
      'reliabilityWork',
      true,
      [
        // the freeze comparison shows as few decimals as keep the value apart from the freeze threshold
        'budget left 35% (freezes below 25%)',
        'burn rate 0.5x over 3d (freezes above 2x)',
        'last frozen at 2026-11-20T14:00:00Z, within the 30d period',
        'not recovered: budget left 34.99% is below the 35% recovery threshold',
      ],
    ],
    [
      'exactly at both recovery thresholds: recovered',
      input(0.35, 1),
      FROZE,
      'normal',
      false,
      ['budget left 35% (freezes below 25%)', 'burn rate 1x over 3d (freezes above 2x)'],
    ],
    [
      'burn just above the recovery rate: reliability work',
      input(0.9, 1.0001),
      FROZE,
      'reliabilityWork',
      true,
      [
        'budget left 90% (freezes below 25%)',
        'burn rate 1x over 3d (freezes above 2x)',
        'last frozen at 2026-11-20T14:00:00Z, within the 30d period',
        'not recovered: burn rate 1.0001x over 3d is above the 1x recovery rate',
      ],
    ],
    [
      'a burn-only policy recovers on the burn rate alone',
      input(0.01, 0.9, { ...both, freezeBudgetLeftPercent: undefined }),
      FROZE,
      'normal',
      false,
      ['burn rate 0.9x over 3d (freezes above 2x)'],
    ],
    [
      'the policy’s own recovery threshold',
      input(0.5, 0.5, { ...both, recoverBudgetLeftPercent: 60 }),
      FROZE,
      'reliabilityWork',
      true,
      [
        'budget left 50% (freezes below 25%)',
        'burn rate 0.5x over 3d (freezes above 2x)',
        'last frozen at 2026-11-20T14:00:00Z, within the 30d period',
        'not recovered: budget left 50% is below the 60% recovery threshold',
      ],
    ],
    [
      'a value the policy needs is missing: unknown',
      input(0.5),
      undefined,
      'unknown',
      false,
      ['budget left 50% (freezes below 25%)', 'burn rate is unknown (freezes above 2x)'],
    ],
  ])('%s', (_name, slo, lastFrozenAt, state, lookback, reasons) => {
    expect(needsLookback(slo)).toBe(lookback);
    const result = sloPolicyState(slo, [], lastFrozenAt);
    expect(result.state).toBe(state);
    expect(result.reasons).toEqual(reasons);
    expect(result.waivedBy).toBeUndefined();
  });

  it('an exception in force waives a freeze and says until when and why', () => {
    const waiver = exception();
    expect(sloPolicyState(input(0.05, 0.5), [waiver])).toEqual({
      sloId: 'checkout-availability',
      state: 'normal',
      headline: 'freeze waived until 2026-12-01T00:00:00Z — dependency incident: Payments provider outage INC-12',
      reasons: [
        'budget left 5% is below the 25% freeze threshold',
        'burn rate 0.5x over 3d (freezes above 2x)',
        'freeze waived until 2026-12-01T00:00:00Z — dependency incident: Payments provider outage INC-12',
      ],
      waivedBy: waiver,
    });
  });

  it('an exception for other SLOs of the service waives nothing', () => {
    const state = sloPolicyState(input(0.05, 0.5), [exception({ sloIds: ['checkout-latency'] })]);
    expect(state).toMatchObject({ state: 'freeze', headline: 'budget left 5% is below the 25% freeze threshold' });
  });

  it('an exception in force waives reliability work too', () => {
    const state = sloPolicyState(
      input(0.3, 0.5),
      [exception({ kind: 'outOfScopeTraffic', reason: 'load test' })],
      FROZE
    );
    expect(state).toMatchObject({
      state: 'normal',
      headline: 'reliability work waived until 2026-12-01T00:00:00Z — out-of-scope traffic: load test',
      lastFrozenAt: FROZE,
    });
  });
});

describe('exceptions in force', () => {
  it.each<[string, string, boolean]>([
    ['before it starts', '2026-11-25T23:59:59.999Z', false],
    ['from its start', '2026-11-26T00:00:00Z', true],
    ['just before its end', '2026-11-30T23:59:59.999Z', true],
    ['from its end', '2026-12-01T00:00:00Z', false],
  ])('%s', (_name, at, active) => {
    expect(isExceptionActive(exception(), Date.parse(at))).toBe(active);
  });

  it('lists those of the service in force, the one that ends last first', () => {
    const ended = exception({ id: 'ended', to: '2026-11-27T09:00:00Z' });
    const short = exception({ id: 'short', to: '2026-11-28T00:00:00Z' });
    const long = exception({ id: 'long' });
    const service = baseService({ budgetPolicy: { exceptions: [ended, short, long] } });
    expect(activeExceptions(service, NOW).map((item) => item.id)).toEqual(['long', 'short']);
    expect(activeExceptions(baseService(), NOW)).toEqual([]);
  });
});

describe('servicePolicyState', () => {
  const state = (sloId: string, kind: PolicyStateKind, headline = ''): SloPolicyState => ({
    sloId,
    state: kind,
    headline,
    reasons: [],
  });
  const signed = baseService({ budgetPolicy: { signOff: { by: 'ana', at: '2026-11-02T09:30:00Z' } } });

  it.each<[string, SloPolicyState[], PolicyStateKind, string]>([
    ['no policy', [], 'normal', 'no SLO has an enabled error-budget policy'],
    [
      'all normal',
      [state('a', 'normal'), state('b', 'normal')],
      'normal',
      'normal: 2 SLOs within the error-budget policy',
    ],
    [
      'a freeze beats unknown and reliability work',
      [state('a', 'reliabilityWork', 'x'), state('b', 'unknown', 'y'), state('c', 'freeze', 'budget left 0% is below')],
      'freeze',
      'frozen: c budget left 0% is below',
    ],
    [
      'unknown beats reliability work',
      [state('a', 'reliabilityWork', 'x'), state('b', 'unknown', 'cannot read z')],
      'unknown',
      'unknown: b cannot read z',
    ],
    [
      'reliability work',
      [state('a', 'normal'), state('b', 'reliabilityWork', 'last frozen')],
      'reliabilityWork',
      'reliability work: b last frozen',
    ],
    [
      'a waiver shows in a normal state',
      [state('a', 'normal', 'freeze waived until …')],
      'normal',
      'normal: a freeze waived until …',
    ],
  ])('%s', (_name, slos, expected, summary) => {
    const result = servicePolicyState('checkout', baseService(), slos, NOW);
    expect(result.state).toBe(expected);
    expect(result.summary).toBe(summary);
  });

  it('names who signed the policy off and when', () => {
    const result = servicePolicyState(
      'checkout',
      signed,
      [state('c', 'freeze', 'budget left 0% is below the 10% freeze threshold')],
      NOW
    );
    expect(result.summary).toBe(
      'frozen: c budget left 0% is below the 10% freeze threshold (policy signed off by ana on 2026-11-02)'
    );
    expect(result.signOff).toEqual({ by: 'ana', at: '2026-11-02T09:30:00Z' });
  });
});
