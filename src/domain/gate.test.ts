import { combineGate, evaluateGate, GatePolicy, GateResult, GateValues } from './gate';

const both: GatePolicy = { enabled: true, freezeBurnRate: 2, freezeBudgetLeftPercent: 25 };
const budgetOnly: GatePolicy = { enabled: true, freezeBudgetLeftPercent: 25 };
const burnOnly: GatePolicy = { enabled: true, freezeBurnRate: 2 };

describe('evaluateGate', () => {
  it.each<[string, GateValues, GatePolicy | undefined, Partial<GateResult>]>([
    [
      'healthy SLO under both thresholds',
      { budgetLeft: 0.8, burnRate: 0.5, burnWindow: '3d' },
      both,
      {
        allowed: true,
        status: 'allowed',
        reasons: ['budget left 80% (freezes below 25%)', 'burn rate 0.5x over 3d (freezes above 2x)'],
      },
    ],
    [
      'little budget left',
      { budgetLeft: 0.1, burnRate: 0.5, burnWindow: '3d' },
      both,
      {
        allowed: false,
        status: 'frozen',
        reasons: ['budget left 10% is below the 25% freeze threshold', 'burn rate 0.5x over 3d (freezes above 2x)'],
      },
    ],
    [
      'burning too fast',
      { budgetLeft: 0.9, burnRate: 3.25, burnWindow: '3d' },
      both,
      {
        allowed: false,
        status: 'frozen',
        reasons: ['budget left 90% (freezes below 25%)', 'burn rate 3.25x over 3d is above the 2x freeze threshold'],
      },
    ],
    [
      'overspent budget',
      { budgetLeft: -0.42 },
      budgetOnly,
      { allowed: false, status: 'frozen', reasons: ['budget left -42% is below the 25% freeze threshold'] },
    ],
    [
      'exactly at the budget threshold does not freeze',
      { budgetLeft: 0.25 },
      budgetOnly,
      { allowed: true, reasons: ['budget left 25% (freezes below 25%)'] },
    ],
    [
      'exactly at the burn threshold does not freeze',
      { burnRate: 2 },
      burnOnly,
      { allowed: true, reasons: ['burn rate 2x (freezes above 2x)'] },
    ],
    [
      'just below a threshold is shown with enough decimals',
      { budgetLeft: 0.24999 },
      budgetOnly,
      { allowed: false, reasons: ['budget left 24.999% is below the 25% freeze threshold'] },
    ],
    [
      'just above the burn threshold is shown with enough decimals',
      { burnRate: 2.0004 },
      burnOnly,
      { allowed: false, reasons: ['burn rate 2.0004x is above the 2x freeze threshold'] },
    ],
    [
      'a threshold the policy does not set is not needed',
      { budgetLeft: 0.5 },
      budgetOnly,
      { allowed: true, status: 'allowed', missing: [] },
    ],
    [
      'missing value for a threshold is unknown',
      { budgetLeft: 0.5 },
      both,
      {
        allowed: false,
        status: 'unknown',
        missing: ['burnRate'],
        reasons: ['budget left 50% (freezes below 25%)', 'burn rate is unknown (freezes above 2x)'],
      },
    ],
    [
      'a breached threshold freezes even when the other value is missing',
      { budgetLeft: 0.05 },
      both,
      { allowed: false, status: 'frozen', missing: ['burnRate'] },
    ],
    [
      'disabled policy never freezes',
      { budgetLeft: -1, burnRate: 50 },
      { enabled: false, freezeBurnRate: 2, freezeBudgetLeftPercent: 25 },
      { allowed: true, reasons: ['the error-budget policy is disabled'] },
    ],
    [
      'enabled policy without thresholds',
      { budgetLeft: -1 },
      { enabled: true },
      { allowed: true, reasons: ['the error-budget policy has no freeze threshold'] },
    ],
    [
      'unknown policy follows the firing freeze alert',
      { budgetLeft: 0.1, burnRate: 4, burnWindow: '5m', freezeAlertFiring: true },
      undefined,
      {
        allowed: false,
        status: 'frozen',
        reasons: ['budget left 10%', 'burn rate 4x over 5m', 'the release-freeze alert is firing'],
      },
    ],
    [
      'unknown policy with a quiet freeze alert',
      { budgetLeft: 0.9, freezeAlertFiring: false },
      undefined,
      { allowed: true, reasons: ['budget left 90%', 'the release-freeze alert is not firing'] },
    ],
    [
      'unknown policy and no alert state',
      { budgetLeft: 0.9 },
      undefined,
      { allowed: true, reasons: ['budget left 90%', 'no error-budget policy is known'] },
    ],
  ])('%s', (_name, values, policy, expected) => {
    expect(evaluateGate(values, policy)).toMatchObject(expected);
  });
});

describe('combineGate', () => {
  const allowed = evaluateGate({ budgetLeft: 0.9 }, budgetOnly);
  const frozen = evaluateGate({ budgetLeft: 0.1 }, budgetOnly);
  const unknown = evaluateGate({}, budgetOnly);

  it.each<[string, GateResult[], ReturnType<typeof combineGate>]>([
    ['no SLOs', [], { allowed: true, status: 'allowed' }],
    ['all allowed', [allowed, allowed], { allowed: true, status: 'allowed' }],
    ['one frozen', [allowed, frozen], { allowed: false, status: 'frozen' }],
    ['frozen beats unknown', [unknown, frozen], { allowed: false, status: 'frozen' }],
    ['unknown', [allowed, unknown], { allowed: false, status: 'unknown' }],
  ])('%s', (_name, results, expected) => {
    expect(combineGate(results)).toEqual(expected);
  });
});
