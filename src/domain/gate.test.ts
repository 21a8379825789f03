import {
  combineGate,
  evaluateGate,
  GatePlan,
  GatePolicy,
  GateRequest,
  GateResult,
  GateSample,
  GateValues,
  judgeGate,
  planGate,
  readGateValues,
} from './gate';
import { assessPolicy, settlePolicy } from './policy/policyQueries';
import { baseException, baseRegistry, baseService, baseSlo } from './testing/builders';

function planOf(request: GateRequest): GatePlan {
  const planned = planGate(request);
  if (planned.error !== undefined) {
    throw new Error(planned.error);
  }
  return planned.plan;
}

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

describe('planGate', () => {
  const doc = baseRegistry({
    slos: [
      baseSlo('ratio'),
      baseSlo('latency', {
        budgetPolicy: { enabled: true, freezeBudgetLeftPercent: 25, escalateToBusinessOwner: false },
      }),
    ],
  });
  const registry = { doc, name: 'registry.yaml' };

  it('with the registry: the SLOs of the service, and the burn rate over each policy window once', () => {
    const plan = planOf({ service: 'checkout', registry });
    expect(plan.targets?.map((target) => [target.sloId, target.policyWindow, target.allowed])).toEqual([
      ['checkout-ratio', '3d', 0.001],
      ['checkout-latency', '3d', 0.001],
    ]);
    expect(plan.queries).toEqual([
      {
        kind: 'budgetLeft',
        promql:
          'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_service="checkout"}[2h]))',
      },
      { kind: 'objective', promql: 'max by (sloth_id, objective) (slo:info{sloth_service="checkout"})' },
      {
        kind: 'policyBurn',
        window: '3d',
        promql:
          'max by (sloth_id) ((max without (sloth_window) (sum_over_time(slo:sli_error:increase1h{sloth_service="checkout"}[2d23h59m59s999ms]) ' +
          '/ sum_over_time(slo:sli_total:increase1h{sloth_service="checkout"}[2d23h59m59s999ms])) ' +
          'or max without (sloth_window) (slo:sli_error:ratio_rate3d{sloth_service="checkout"})))',
      },
    ]);
  });

  it('reads no burn rate when no policy limits it', () => {
    const plan = planOf({ service: 'checkout', sloId: 'checkout-latency', registry });
    expect(plan.targets?.map((target) => target.sloId)).toEqual(['checkout-latency']);
    expect(plan.queries.map((query) => query.kind)).toEqual(['budgetLeft', 'objective']);
    expect(plan.budgetSeries).toBe(
      'slo:period_error_budget_remaining:ratio{sloth_id="checkout-latency", sloth_service="checkout"}'
    );
  });

  it('without the registry: the current error ratio, the objectives and the release-freeze alert of the service', () => {
    const plan = planOf({ service: 'checkout' });
    expect(plan.targets).toBeUndefined();
    expect(plan.queries.map((query) => query.promql)).toEqual([
      'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_service="checkout"}[2h]))',
      'max by (sloth_id, objective) (slo:info{sloth_service="checkout"})',
      'max by (sloth_id) ((max without (sloth_window) (slo:sli_error:increase5m{sloth_service="checkout"} / slo:sli_total:increase5m{sloth_service="checkout"}) ' +
        'or max without (sloth_window) (slo:sli_error:ratio_rate5m{sloth_service="checkout"})))',
      'max by (sloth_id) (ALERTS{alertname="SLOReleaseFreeze", alertstate="firing", sloth_service="checkout"})',
    ]);
  });

  it.each([
    ['an unknown service', 'nope', undefined, 'service "nope" is not in registry.yaml (services: checkout, payments)'],
    [
      'a service without SLOs',
      'payments',
      undefined,
      'service "payments" has no SLOs in registry.yaml: nothing to gate',
    ],
    [
      'an SLO of another service',
      'payments',
      'checkout-ratio',
      'SLO "checkout-ratio" of service "payments" is not in registry.yaml (its SLOs: none)',
    ],
    [
      'an unknown SLO',
      'checkout',
      'nope',
      'SLO "nope" of service "checkout" is not in registry.yaml (its SLOs: checkout-ratio, checkout-latency)',
    ],
  ])('refuses %s', (_name, service, sloId, error) => {
    expect(planGate({ service, sloId, registry })).toEqual({ error });
  });
});

describe('judgeGate', () => {
  const doc = baseRegistry({
    slos: [
      baseSlo('ratio'),
      baseSlo('latency', {
        budgetPolicy: { enabled: true, freezeBudgetLeftPercent: 25, escalateToBusinessOwner: false },
      }),
    ],
  });
  const AT = '2026-11-27T10:00:00Z';
  const byId = (values: Record<string, number>): GateSample[] =>
    Object.entries(values).map(([id, value]) => ({ labels: { sloth_id: id }, value }));
  const withRegistry = planOf({ service: 'checkout', registry: { doc, name: 'r' } });
  const withoutRegistry = planOf({ service: 'checkout' });

  it('decides for each SLO of the registry, burn rates as multiples of the allowed error ratio', () => {
    const outcome = judgeGate(
      withRegistry,
      [byId({ 'checkout-ratio': 0.8, 'checkout-latency': 0.1 }), byId({}), byId({ 'checkout-ratio': 0.0005 })],
      AT
    );
    expect(outcome).toEqual({
      kind: 'decided',
      verdict: { allowed: false, status: 'frozen' },
      slos: [
        {
          sloId: 'checkout-ratio',
          objective: 99.9,
          result: expect.objectContaining({
            status: 'allowed',
            reasons: ['budget left 80% (freezes below 10%)', 'burn rate 0.5x over 3d (freezes above 2x)'],
          }),
        },
        {
          sloId: 'checkout-latency',
          objective: 99.9,
          result: expect.objectContaining({
            status: 'frozen',
            reasons: ['budget left 10% is below the 25% freeze threshold'],
          }),
        },
      ],
    });
  });

  it('names every series that is missing or NaN', () => {
    const outcome = judgeGate(
      withRegistry,
      [byId({ 'checkout-ratio': 0.8 }), byId({}), byId({ 'checkout-ratio': NaN })],
      AT
    );
    expect(outcome).toEqual({
      kind: 'missing',
      missing: [
        {
          series: 'slo:period_error_budget_remaining:ratio{sloth_id="checkout-latency"}',
          why: `no samples at ${AT}`,
        },
        {
          series:
            'slo:sli_error:increase1h{sloth_id="checkout-ratio"} / slo:sli_total:increase1h{sloth_id="checkout-ratio"} summed over 3d',
          why: `NaN at ${AT}: no events in the last 3d?`,
        },
      ],
    });
  });

  it("names a freeform SLI's recorded ratio when its policy window has no value", () => {
    const freeform = baseRegistry({ slos: [baseSlo('freeform')] });
    const plan = planOf({ service: 'checkout', registry: { doc: freeform, name: 'r' } });
    expect(judgeGate(plan, [byId({ 'checkout-freeform': 0.8 }), byId({}), byId({})], AT)).toEqual({
      kind: 'missing',
      missing: [{ series: 'slo:sli_error:ratio_rate3d{sloth_id="checkout-freeform"}', why: `no samples at ${AT}` }],
    });
  });

  it('without the registry: no data at all, when no SLO has a budget series', () => {
    expect(judgeGate(withoutRegistry, [[], [], [], []], AT)).toEqual({ kind: 'noData' });
  });

  it('without the registry: the SLOs with data, in id order, decided by the release-freeze alert', () => {
    // slo:info gives the objective as a label; checkout-latency has none, so its ratio is no burn rate
    const info: GateSample[] = [{ labels: { sloth_id: 'checkout-ratio', objective: '99.9' }, value: 1 }];
    const outcome = judgeGate(
      withoutRegistry,
      [
        byId({ 'checkout-ratio': 0.8, 'checkout-latency': 0.1 }),
        info,
        byId({ 'checkout-ratio': 0.0004, 'checkout-latency': 0.5 }),
        byId({ 'checkout-latency': 1 }),
      ],
      AT
    );
    expect(outcome).toEqual({
      kind: 'decided',
      verdict: { allowed: false, status: 'frozen' },
      slos: [
        {
          sloId: 'checkout-latency',
          objective: undefined,
          result: expect.objectContaining({
            status: 'frozen',
            reasons: ['budget left 10%', 'the release-freeze alert is firing'],
          }),
        },
        {
          sloId: 'checkout-ratio',
          objective: 99.9,
          result: expect.objectContaining({
            status: 'allowed',
            reasons: ['budget left 80%', 'burn rate 0.4x over 5m', 'the release-freeze alert is not firing'],
          }),
        },
      ],
    });
  });
});

describe('breaches', () => {
  it.each<[string, GateValues, GatePolicy | undefined, string[] | undefined]>([
    ['within the policy', { budgetLeft: 0.8, burnRate: 0.5 }, both, undefined],
    [
      'both thresholds',
      { budgetLeft: 0.1, burnRate: 3 },
      both,
      ['budget left 10% is below the 25% freeze threshold', 'burn rate 3x is above the 2x freeze threshold'],
    ],
    ['the freeze alert', { freezeAlertFiring: true }, undefined, ['the release-freeze alert is firing']],
  ])('%s', (_name, values, policy, breaches) => {
    expect(evaluateGate(values, policy).breaches).toEqual(breaches);
  });
});

describe('readGateValues', () => {
  it('keeps the SLO each missing series belongs to, and the values of the others', () => {
    const doc = baseRegistry({ slos: [baseSlo('ratio'), baseSlo('latency')] });
    const plan = planOf({ service: 'checkout', registry: { doc, name: 'r' } });
    const reading = readGateValues(
      plan,
      [
        [{ labels: { sloth_id: 'checkout-ratio' }, value: 0.5 }],
        [],
        [{ labels: { sloth_id: 'checkout-ratio' }, value: 0.002 }],
      ],
      'now'
    );
    expect(reading?.values.get('checkout-ratio')).toEqual({ budgetLeft: 0.5, burnRate: 2, burnWindow: '3d' });
    expect(reading?.missing.map((entry) => entry.sloId)).toEqual(['checkout-latency', 'checkout-latency']);
  });
});

describe('the policy state from the gate’s answers', () => {
  const NOW = Date.parse('2026-11-27T10:00:00Z');
  const answers = (budgetLeft: number): GateSample[][] => [
    [{ labels: { sloth_id: 'checkout-ratio' }, value: budgetLeft }],
    [],
    [{ labels: { sloth_id: 'checkout-ratio' }, value: 0.0005 }],
  ];
  const stateOf = (doc: ReturnType<typeof baseRegistry>, budgetLeft: number, lastFrozen: GateSample[] = []) => {
    const plan = planOf({ service: 'checkout', registry: { doc, name: 'r' } });
    const assessment = assessPolicy(plan, answers(budgetLeft), NOW, doc, ['checkout']);
    return { assessment, state: settlePolicy(assessment, lastFrozen, doc)[0] };
  };

  it('an exception in force waives the freeze the gate finds', () => {
    const exception = baseException({ reason: 'INC-12' });
    const doc = baseRegistry({
      services: [baseService({ budgetPolicy: { exceptions: [exception] } })],
      slos: [baseSlo('ratio')],
    });
    const { state } = stateOf(doc, 0.05);
    expect(state).toMatchObject({
      state: 'normal',
      summary: 'normal: checkout-ratio freeze waived until 2026-12-01T00:00:00Z — dependency incident: INC-12',
    });
  });

  it('between the freeze and the recovery thresholds after a freeze: reliability work', () => {
    const doc = baseRegistry({ slos: [baseSlo('ratio')] });
    const { assessment, state } = stateOf(doc, 0.15, [
      { labels: { sloth_id: 'checkout-ratio' }, value: Date.parse('2026-11-20T14:00:00Z') / 1000 },
    ]);
    expect(assessment.lookback).toContain('[30d:1h]');
    expect(state).toMatchObject({
      state: 'reliabilityWork',
      summary:
        'reliability work: checkout-ratio last frozen at 2026-11-20T14:00:00Z, within the 30d period; budget left 15% is below the 20% recovery threshold',
    });
  });
});
