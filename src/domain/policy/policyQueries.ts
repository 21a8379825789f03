/**
 * Reading the policy state from Prometheus, in a fixed number of instant queries whatever the number
 * of SLOs: the release gate's (budget left, objectives, the error ratio over each policy window),
 * then at most one more for the SLOs that neither freeze nor have recovered, which asks when their
 * freeze condition last held within their SLO period.
 *
 * That last query evaluates the release-freeze alert's own condition (rules/alert-rules.ts) as a
 * subquery at hourly steps: the burn over the policy window is summed from hourly tiles, so it
 * changes once an hour, and the budget left moves as slowly. Each step of a 3-day window reads
 * 72 tiles of two series; 30 days of steps read about 100,000 samples per SLO, which is why only the
 * SLOs whose state depends on it are asked, grouped by the shape of their condition so that the
 * query grows with the number of distinct policies, not of SLOs.
 */
import { GatePlan, GateSample, gateTargets, policyGateQueries, readGateValues } from '../gate';
import { RegistryDocument, Service, Slo } from '../model';
import { formatMatchers, regexMatcher } from '../query/selector';
import { isCountableSli } from '../query/sli';
import { freezeAlertExpr } from '../rules/alert-rules';
import { buildSloContext, indexRegistry, SloContext } from '../rules/context';
import { LABEL_ID, LABEL_SERVICE, PERIOD_BUDGET_REMAINING, servicesSelector, TILE_WINDOW } from '../rules/names';
import { activeExceptions, formatInstant } from './exceptions';
import {
  needsLookback,
  servicePolicyState,
  ServicePolicyState,
  SloPolicyInput,
  SloPolicyState,
  sloPolicyState,
} from './policyState';

/** Step of the look-back subquery: one per hourly tile. */
export const LOOKBACK_STEP = TILE_WINDOW;

/** Whether an SLO's budget policy can freeze: enabled, with a threshold. */
function hasPolicy(slo: Slo): boolean {
  const policy = slo.budgetPolicy;
  return (
    policy?.enabled === true && (policy.freezeBurnRate !== undefined || policy.freezeBudgetLeftPercent !== undefined)
  );
}

/**
 * The gate's queries for every SLO with a policy of the services `serviceIds`, one query per series
 * for all of them; `undefined` when none of their SLOs has a policy.
 */
export function planPolicyStates(doc: RegistryDocument, serviceIds: string[]): GatePlan | undefined {
  const wanted = new Set(serviceIds);
  const slos = doc.slos.filter((slo) => wanted.has(slo.serviceId) && hasPolicy(slo));
  if (slos.length === 0) {
    return undefined;
  }
  const withPolicy = [...new Set(slos.map((slo) => slo.serviceId))];
  const selector =
    withPolicy.length === 1 ? formatMatchers({ [LABEL_SERVICE]: withPolicy[0] }) : servicesSelector(withPolicy);
  const targets = gateTargets(slos, doc);
  return {
    service: withPolicy.join(', '),
    targets,
    budgetSeries: `${PERIOD_BUDGET_REMAINING}${selector}`,
    queries: policyGateQueries(selector, targets),
  };
}

/** What the gate's answers say before the look-back: each SLO's input, or why it is unknown. */
export interface PolicyAssessment {
  /** Epoch ms the answers were read at. */
  now: number;
  /** Services to report on, each with the SLOs of the plan that have a policy, in plan order. */
  services: Array<{ serviceId: string; slos: string[] }>;
  inputs: Map<string, SloPolicyInput>;
  /** SLOs whose series are missing, with one sentence per missing series. */
  unknown: Map<string, string[]>;
  /** The one query the look-back needs, when some SLO's state depends on its past. */
  lookback?: string;
}

/**
 * Reads the answers to a gate plan (from {@link planPolicyStates}, or the gate's own `planGate`
 * with the registry) read at `now` (epoch ms). `serviceIds` are the services to report on, those of
 * the plan's SLOs when not given.
 */
export function assessPolicy(
  plan: GatePlan,
  answers: GateSample[][],
  now: number,
  doc: RegistryDocument,
  serviceIds?: string[]
): PolicyAssessment {
  const sloById = new Map(doc.slos.map((slo) => [slo.id, slo]));
  const targets = (plan.targets ?? []).filter((target) => {
    const slo = sloById.get(target.sloId);
    return slo !== undefined && hasPolicy(slo);
  });
  const reading = readGateValues({ ...plan, targets }, answers, formatInstant(now));
  const index = indexRegistry(doc);
  const contexts = new Map<string, SloContext>();
  const inputs = new Map<string, SloPolicyInput>();
  for (const target of targets) {
    const slo = sloById.get(target.sloId)!;
    const ctx = buildSloContext(slo, index);
    contexts.set(slo.id, ctx);
    const values = reading?.values.get(slo.id) ?? {};
    inputs.set(slo.id, { sloId: slo.id, policy: slo.budgetPolicy!, values, period: ctx.period });
  }
  const unknown = new Map<string, string[]>();
  for (const { sloId, series, why } of reading?.missing ?? []) {
    unknown.set(sloId, [...(unknown.get(sloId) ?? []), `${series}: ${why}`]);
  }
  const ids = serviceIds ?? [...new Set(targets.map((target) => sloById.get(target.sloId)!.serviceId))];
  const services = ids.map((serviceId) => ({
    serviceId,
    slos: targets.map((target) => target.sloId).filter((id) => sloById.get(id)!.serviceId === serviceId),
  }));
  const asked = [...inputs.values()].filter((input) => !unknown.has(input.sloId) && needsLookback(input));
  const lookback = asked.length > 0 ? lookbackQuery(asked.map((input) => contexts.get(input.sloId)!)) : undefined;
  return { now, services, inputs, unknown, lookback };
}

/**
 * When the freeze condition of each SLO last held within its period, as `max by (sloth_id)` of the
 * last hourly step it held at (unix seconds). SLOs whose condition has the same shape share one
 * term, selected by a regex of their ids.
 */
export function lookbackQuery(contexts: SloContext[]): string {
  const groups = new Map<string, SloContext[]>();
  for (const ctx of contexts) {
    const { freezeBurnRate, freezeBudgetLeftPercent } = ctx.slo.budgetPolicy ?? {};
    const key = [
      isCountableSli(ctx.slo.sli),
      ctx.policyWindow,
      ctx.allowed,
      ctx.period,
      freezeBurnRate,
      freezeBudgetLeftPercent,
    ];
    const shape = key.join(' ');
    groups.set(shape, [...(groups.get(shape) ?? []), ctx]);
  }
  const terms = [...groups.values()].flatMap((group) => {
    const ids = group.map((ctx) => ctx.slo.id);
    const matcher = ids.length === 1 ? formatMatchers({ [LABEL_ID]: ids[0] }) : `{${regexMatcher(LABEL_ID, ids)}}`;
    const condition = freezeAlertExpr({ ...group[0], matcher });
    return condition === undefined
      ? []
      : [`max_over_time(((${condition}) * 0 + time())[${group[0].period}:${LOOKBACK_STEP}])`];
  });
  return `max by (${LABEL_ID}) (${terms.join(' or ')})`;
}

/**
 * The policy state of each service of the assessment, given the answer to its look-back query (none
 * when it had none). Exceptions in force and sign-offs are those of `doc` at `now` (epoch ms), so a
 * state can be settled again after an edit without reading Prometheus again.
 */
export function settlePolicy(
  assessment: PolicyAssessment,
  lookbackAnswer: GateSample[],
  doc: RegistryDocument,
  now = assessment.now
): ServicePolicyState[] {
  const lastFrozen = new Map<string, string>();
  for (const sample of lookbackAnswer) {
    const id = sample.labels[LABEL_ID];
    if (id !== undefined && Number.isFinite(sample.value)) {
      lastFrozen.set(id, formatInstant(sample.value * 1000));
    }
  }
  const services = new Map<string, Service>(doc.services.map((service) => [service.id, service]));
  return assessment.services.map(({ serviceId, slos }) => {
    const service = services.get(serviceId);
    const exceptions = activeExceptions(service, now);
    const states = slos.map((sloId): SloPolicyState => {
      const missing = assessment.unknown.get(sloId);
      if (missing) {
        const headline = `cannot read ${missing.join('; ')}`;
        return { sloId, state: 'unknown', headline, reasons: missing };
      }
      return sloPolicyState(assessment.inputs.get(sloId)!, exceptions, lastFrozen.get(sloId));
    });
    return servicePolicyState(serviceId, service, states, now);
  });
}
