import { GatePlan, GateSample } from '../gate';
import { RegistryDocument } from '../model';
import { baseException, baseRegistry, baseService, baseSlo } from '../testing/builders';
import { assessPolicy, planPolicyStates, settlePolicy } from './policyQueries';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const byId = (values: Record<string, number>): GateSample[] =>
  Object.entries(values).map(([id, value]) => ({ labels: { sloth_id: id }, value }));

function planOf(doc: RegistryDocument, serviceIds: string[]): GatePlan {
  const plan = planPolicyStates(doc, serviceIds);
  if (!plan) {
    throw new Error('no plan');
  }
  return plan;
}

/** checkout: ratio and latency (freeze below 10%, above 2x) and freeform (below 25% only); payments: one ratio SLO. */
function registry(checkout = baseService()): RegistryDocument {
  return baseRegistry({
    services: [checkout, baseRegistry().services[1]],
    slos: [
      baseSlo('ratio'),
      baseSlo('latency'),
      baseSlo('freeform', {
        budgetPolicy: { enabled: true, freezeBudgetLeftPercent: 25, escalateToBusinessOwner: false },
      }),
      baseSlo('logRatio', { budgetPolicy: { enabled: false, escalateToBusinessOwner: false } }),
      baseSlo('ratio', { id: 'payments-ratio', serviceId: 'payments' }),
    ],
  });
}

describe('planPolicyStates', () => {
  it('reads every SLO with a policy of the services in one query per series', () => {
    const plan = planOf(registry(), ['checkout', 'payments']);
    expect(plan.targets?.map((target) => target.sloId)).toEqual([
      'checkout-ratio',
      'checkout-latency',
      'checkout-freeform',
      'payments-ratio',
    ]);
    expect(plan.queries.map((query) => query.promql)).toEqual([
      'min by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_service=~"checkout|payments"}[2h]))',
      'max by (sloth_id, objective) (slo:info{sloth_service=~"checkout|payments"})',
      'max by (sloth_id) ((max without (sloth_window) (sum_over_time(slo:sli_error:increase1h{sloth_service=~"checkout|payments"}[2d23h59m59s999ms]) ' +
        '/ sum_over_time(slo:sli_total:increase1h{sloth_service=~"checkout|payments"}[2d23h59m59s999ms])) ' +
        'or max without (sloth_window) (slo:sli_error:ratio_rate3d{sloth_service=~"checkout|payments"})))',
    ]);
  });

  it('selects one service by equality, and plans nothing without a policy', () => {
    expect(planOf(registry(), ['payments']).budgetSeries).toBe(
      'slo:period_error_budget_remaining:ratio{sloth_service="payments"}'
    );
    expect(planPolicyStates(baseRegistry({ slos: [] }), ['checkout'])).toBeUndefined();
  });
});

describe('assessPolicy and settlePolicy', () => {
  const doc = registry();
  const plan = planOf(doc, ['checkout', 'payments']);
  // ratio healthy, latency frozen (5% left), freeform between its freeze (25%) and recovery (35%)
  // thresholds; payments-ratio has no budget series.
  const answers = [
    byId({ 'checkout-ratio': 0.8, 'checkout-latency': 0.05, 'checkout-freeform': 0.3 }),
    [],
    byId({ 'checkout-ratio': 0.0005, 'checkout-latency': 0.0005, 'payments-ratio': 0.0005 }),
  ];

  it('asks the past only of the SLOs that neither freeze nor have recovered', () => {
    const assessment = assessPolicy(plan, answers, NOW, doc, ['checkout', 'payments']);
    expect(assessment.lookback).toBe(
      'max by (sloth_id) (max_over_time((((max without (sloth_window) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="checkout-freeform"}[2h])) < 0.25)) ' +
        '* 0 + time())[30d:1h]))'
    );
    expect(assessment.unknown).toEqual(
      new Map([
        [
          'payments-ratio',
          ['slo:period_error_budget_remaining:ratio{sloth_id="payments-ratio"}: no samples at 2026-11-27T10:00:00Z'],
        ],
      ])
    );
  });

  it('groups SLOs whose freeze conditions have the same shape into one term', () => {
    const healthy = byId({ 'checkout-ratio': 0.15, 'checkout-latency': 0.12, 'checkout-freeform': 0.8 });
    const { lookback } = assessPolicy(plan, [healthy, [], answers[2]], NOW, doc);
    expect(lookback).toContain('{sloth_id=~"checkout-ratio|checkout-latency"}[2d23h59m59s999ms]');
    expect(lookback?.match(/max_over_time/g)).toHaveLength(1);
  });

  it('settles reliability work from the time the freeze condition last held', () => {
    const assessment = assessPolicy(plan, answers, NOW, doc, ['checkout', 'payments']);
    const lastFrozen = Date.parse('2026-11-26T07:00:00Z') / 1000;
    const [checkout, payments] = settlePolicy(assessment, byId({ 'checkout-freeform': lastFrozen }), doc);
    expect(checkout.slos.map((slo) => [slo.sloId, slo.state])).toEqual([
      ['checkout-ratio', 'normal'],
      ['checkout-latency', 'freeze'],
      ['checkout-freeform', 'reliabilityWork'],
    ]);
    expect(checkout.state).toBe('freeze');
    expect(checkout.slos[2].headline).toBe(
      'last frozen at 2026-11-26T07:00:00Z, within the 30d period; budget left 30% is below the 35% recovery threshold'
    );
    expect(payments).toMatchObject({
      serviceId: 'payments',
      state: 'unknown',
      summary:
        'unknown: payments-ratio cannot read slo:period_error_budget_remaining:ratio{sloth_id="payments-ratio"}: no samples at 2026-11-27T10:00:00Z',
    });
  });

  it('applies the exceptions and sign-off of the registry it settles with', () => {
    const assessment = assessPolicy(plan, answers, NOW, doc, ['checkout']);
    const edited = registry(
      baseService({
        budgetPolicy: {
          signOff: { by: 'ana', at: '2026-11-02T09:00:00Z' },
          exceptions: [baseException({ sloIds: ['checkout-latency'] })],
        },
      })
    );
    const [checkout] = settlePolicy(assessment, [], edited);
    expect(checkout.state).toBe('normal');
    expect(checkout.summary).toBe(
      'normal: checkout-latency freeze waived until 2026-12-01T00:00:00Z — dependency incident: Payments provider outage INC-12 ' +
        '(policy signed off by ana on 2026-11-02)'
    );
    expect(checkout.active.map((exception) => exception.id)).toEqual(['inc-12']);
    // the same answers after the exception has ended
    const [later] = settlePolicy(assessment, [], edited, Date.parse('2026-12-01T00:00:00Z'));
    expect(later.state).toBe('freeze');
  });

  it('reports a service without policies as normal, with nothing to read', () => {
    const assessment = assessPolicy(plan, answers, NOW, doc, ['nothing-here']);
    expect(settlePolicy(assessment, [], doc)).toEqual([
      {
        serviceId: 'nothing-here',
        state: 'normal',
        summary: 'no SLO has an enabled error-budget policy',
        slos: [],
        active: [],
        signOff: undefined,
      },
    ]);
  });
});
