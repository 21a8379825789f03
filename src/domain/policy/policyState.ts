/**
 * The error-budget policy as a state per service, from what the recorded series say now and
 * whether the freeze condition held earlier in the SLO period. Pure: no queries here.
 *
 * - `freeze`: an SLO's freeze condition holds now (the release gate and the release-freeze alert
 *   use the same one): budget left below `freezeBudgetLeftPercent`, or the burn rate over the
 *   policy window above `freezeBurnRate`. A value exactly at a threshold does not freeze.
 * - `reliability work`: no freeze now, but the freeze condition held at some point within the last
 *   SLO period and the SLO has not recovered yet: budget left below the recovery threshold, or burn
 *   rate above the recovery rate (see {@link recoveryThresholds}). A value exactly at a recovery
 *   threshold has recovered. Once the freeze falls out of the period (the period rolled over), the
 *   state is normal whatever the budget.
 * - `normal`: neither. An exception in force that covers the SLO (`sloIds`, or all) turns a freeze
 *   or reliability work into normal and says so ("freeze waived until …").
 * - `unknown`: a value the policy needs was not recorded.
 *
 * A service takes the worst state of its SLOs: freeze, then unknown, then reliability work.
 */
import { formatBurnFactor, formatRatioPercent } from '../budget/format';
import { evaluateGate, GateValues } from '../gate';
import { BudgetPolicy, PolicyException, PolicySignOff, Service } from '../model';
import { activeExceptions, coversSlo, describeSignOff, describeWaiver } from './exceptions';

export type PolicyStateKind = 'normal' | 'freeze' | 'reliabilityWork' | 'unknown';

/** Points above `freezeBudgetLeftPercent` where reliability work ends, unless the policy says otherwise. */
export const RECOVERY_MARGIN_PERCENT = 10;
/** Burn rate at or under which reliability work ends, unless the policy says otherwise: the sustainable rate. */
export const RECOVERY_BURN_RATE = 1;

/** Where reliability work ends; a threshold left undefined is not checked. */
export interface RecoveryThresholds {
  budgetLeftPercent?: number;
  burnRate?: number;
}

/**
 * The recovery thresholds of a policy: its own, else `freezeBudgetLeftPercent` + 10 (at most 100)
 * and 1x (or `freezeBurnRate` when that is lower), each only where the policy freezes on that value.
 */
export function recoveryThresholds(policy: BudgetPolicy): RecoveryThresholds {
  const { freezeBudgetLeftPercent: freezeLeft, freezeBurnRate: freezeBurn } = policy;
  const defaultLeft = freezeLeft === undefined ? undefined : Math.min(100, freezeLeft + RECOVERY_MARGIN_PERCENT);
  return {
    budgetLeftPercent: policy.recoverBudgetLeftPercent ?? defaultLeft,
    burnRate:
      freezeBurn === undefined ? undefined : (policy.recoverBurnRate ?? Math.min(RECOVERY_BURN_RATE, freezeBurn)),
  };
}

/** One sentence per recovery threshold the values do not meet; empty when the SLO has recovered. */
export function recoveryShortfalls(values: GateValues, thresholds: RecoveryThresholds): string[] {
  const shortfalls: string[] = [];
  const { budgetLeftPercent, burnRate } = thresholds;
  if (budgetLeftPercent !== undefined) {
    const limit = budgetLeftPercent / 100;
    if (values.budgetLeft === undefined) {
      shortfalls.push(`budget left is unknown (recovers at ${budgetLeftPercent}%)`);
    } else if (values.budgetLeft < limit) {
      shortfalls.push(
        `budget left ${formatRatioPercent(values.budgetLeft, limit)} is below the ${budgetLeftPercent}% recovery threshold`
      );
    }
  }
  if (burnRate !== undefined) {
    const over = values.burnWindow ? ` over ${values.burnWindow}` : '';
    if (values.burnRate === undefined) {
      shortfalls.push(`burn rate${over} is unknown (recovers at ${formatBurnFactor(burnRate)})`);
    } else if (values.burnRate > burnRate) {
      shortfalls.push(
        `burn rate ${formatBurnFactor(values.burnRate, burnRate)}${over} is above the ${formatBurnFactor(burnRate)} recovery rate`
      );
    }
  }
  return shortfalls;
}

/** What the state of one SLO is decided from. */
export interface SloPolicyInput {
  sloId: string;
  /** An enabled policy with at least one freeze threshold. */
  policy: BudgetPolicy;
  values: GateValues;
  /** The SLO period the freeze is looked back over, e.g. `30d`; only used in messages. */
  period: string;
}

export interface SloPolicyState {
  sloId: string;
  state: PolicyStateKind;
  /** One line on why, for summaries: the breached thresholds, the waiver, what keeps it from recovery. */
  headline: string;
  /** Every threshold and fact behind the state, one sentence each. */
  reasons: string[];
  /** The exception that waives a freeze or reliability work of the SLO now. */
  waivedBy?: PolicyException;
  /** Last time (ISO 8601) the freeze condition held within the period, when that matters. */
  lastFrozenAt?: string;
}

/**
 * Whether the SLO's state depends on its past: it does not freeze now but has not recovered either,
 * so only whether it froze within the period tells reliability work from normal.
 */
export function needsLookback(input: SloPolicyInput): boolean {
  const gate = evaluateGate(input.values, input.policy);
  return gate.status === 'allowed' && recoveryShortfalls(input.values, recoveryThresholds(input.policy)).length > 0;
}

/**
 * The state of one SLO. `lastFrozenAt`: when the freeze condition last held within the period (ISO
 * 8601), undefined when it did not or was not looked up; `exceptions`: those of its service in force now.
 */
export function sloPolicyState(
  input: SloPolicyInput,
  exceptions: PolicyException[],
  lastFrozenAt?: string
): SloPolicyState {
  const { sloId, values, policy, period } = input;
  const gate = evaluateGate(values, policy);
  const waiver = exceptions.find((exception) => coversSlo(exception, sloId));
  if (gate.status === 'unknown') {
    return { sloId, state: 'unknown', headline: gate.reasons.join('; '), reasons: gate.reasons };
  }
  if (gate.status === 'frozen') {
    const breached = (gate.breaches ?? []).join(' and ');
    if (waiver) {
      const waived = `freeze waived ${describeWaiver(waiver)}`;
      return { sloId, state: 'normal', headline: waived, reasons: [...gate.reasons, waived], waivedBy: waiver };
    }
    return { sloId, state: 'freeze', headline: breached, reasons: gate.reasons };
  }
  const shortfalls = recoveryShortfalls(values, recoveryThresholds(policy));
  if (shortfalls.length === 0 || lastFrozenAt === undefined) {
    return { sloId, state: 'normal', headline: '', reasons: gate.reasons };
  }
  const frozen = `last frozen at ${lastFrozenAt}, within the ${period} period`;
  const reasons = [...gate.reasons, frozen, ...shortfalls.map((shortfall) => `not recovered: ${shortfall}`)];
  if (waiver) {
    const waived = `reliability work waived ${describeWaiver(waiver)}`;
    return { sloId, state: 'normal', headline: waived, reasons: [...reasons, waived], waivedBy: waiver, lastFrozenAt };
  }
  return { sloId, state: 'reliabilityWork', headline: `${frozen}; ${shortfalls.join(' and ')}`, reasons, lastFrozenAt };
}

/** A service's policy state: the worst of its SLOs', with the exceptions in force and the sign-off. */
export interface ServicePolicyState {
  serviceId: string;
  state: PolicyStateKind;
  /** One line on why, e.g. `frozen: checkout-availability budget left 0% is below the 10% freeze threshold`. */
  summary: string;
  /** The SLOs with an enabled policy; none when the service has no policy. */
  slos: SloPolicyState[];
  /** Exceptions in force, whether or not they waive anything now. */
  active: PolicyException[];
  signOff?: PolicySignOff;
}

/** The states from worst to best: a service takes the worst of its SLOs'. */
export const POLICY_STATES_WORST_FIRST: PolicyStateKind[] = ['freeze', 'unknown', 'reliabilityWork', 'normal'];

const STATE_TEXT: Record<PolicyStateKind, string> = {
  freeze: 'frozen',
  unknown: 'unknown',
  reliabilityWork: 'reliability work',
  normal: 'normal',
};

/** How a state reads in sentences: `frozen`, `reliability work`, … */
export function policyStateText(state: PolicyStateKind): string {
  return STATE_TEXT[state];
}

/** Combines the SLOs' states of `service` at `now` (epoch ms) into the service's. */
export function servicePolicyState(
  serviceId: string,
  service: Service | undefined,
  slos: SloPolicyState[],
  now: number
): ServicePolicyState {
  const state = POLICY_STATES_WORST_FIRST.find((kind) => slos.some((slo) => slo.state === kind)) ?? 'normal';
  const signOff = service?.budgetPolicy?.signOff;
  const active = activeExceptions(service, now);
  const signed = signOff ? ` (${describeSignOff(signOff)})` : '';
  return { serviceId, state, summary: `${summaryOf(state, slos)}${signed}`, slos, active, signOff };
}

function summaryOf(state: PolicyStateKind, slos: SloPolicyState[]): string {
  if (slos.length === 0) {
    return 'no SLO has an enabled error-budget policy';
  }
  const named = (kind: PolicyStateKind) =>
    slos
      .filter((slo) => slo.state === kind && slo.headline)
      .map((slo) => `${slo.sloId} ${slo.headline}`)
      .join('; ');
  if (state !== 'normal') {
    return `${STATE_TEXT[state]}: ${named(state)}`;
  }
  const waived = named('normal');
  const within = `${slos.length} ${slos.length === 1 ? 'SLO' : 'SLOs'} within the error-budget policy`;
  return waived ? `normal: ${waived}` : `normal: ${within}`;
}
