/**
 * SLO status from measured values: the one place that turns budget left and burn rate into the
 * health shown in lists and scorecards, so that the dashboards can feed real values in later.
 */
import { evaluateGate } from '../gate';
import { Slo } from '../model';
import { SloLiveValues } from './liveValues';

/** `noData`: nothing measured yet (no data source, or the recording rules are not loaded). */
export type SloHealth = 'ok' | 'atRisk' | 'exhausted' | 'noData';

/** Why an SLO has its health, for the message next to it. */
export type SloHealthReason = 'noValues' | 'budgetSpent' | 'releaseFreeze' | 'budgetLow' | 'withinBudget';

export interface SloStatus {
  health: SloHealth;
  reason: SloHealthReason;
  budgetLeft?: number;
  burnRate?: number;
  /** The burn rate over the policy's window, which the policy's burn-rate threshold applies to. */
  policyBurn?: { rate: number; window: string };
}

/** Below this share of budget left an SLO without a policy is at risk. */
export const LOW_BUDGET_LEFT = 0.25;

/** Worst first: a service shows the worst health of its SLOs. */
const SEVERITY: Record<SloHealth, number> = { exhausted: 3, atRisk: 2, ok: 1, noData: 0 };

/**
 * Health of one SLO. Without a measured budget left the SLO has no data. A spent budget is
 * `exhausted`; a budget policy that freezes releases (see `evaluateGate`, with the burn rate over the
 * policy's window) or, without a policy,
 * less than a quarter of the budget left is `atRisk`.
 */
export function sloStatus(slo: Slo, values: SloLiveValues | undefined): SloStatus {
  const budgetLeft = values?.budgetLeft;
  const burnRate = values?.burnRate;
  const policyBurn = values?.policyBurn;
  if (budgetLeft === undefined || !Number.isFinite(budgetLeft)) {
    return { health: 'noData', reason: 'noValues' };
  }
  const measured = { budgetLeft, burnRate, ...(policyBurn ? { policyBurn } : {}) };
  if (budgetLeft <= 0) {
    return { health: 'exhausted', reason: 'budgetSpent', ...measured };
  }
  const policy = slo.budgetPolicy;
  // The policy's burn-rate threshold holds over its own window (e.g. 3d), as for the gate, not the current 5 minutes.
  const gateValues = { budgetLeft, burnRate: policyBurn?.rate, burnWindow: policyBurn?.window };
  if (policy?.enabled && evaluateGate(gateValues, policy).status === 'frozen') {
    return { health: 'atRisk', reason: 'releaseFreeze', ...measured };
  }
  if (!policy?.enabled && budgetLeft < LOW_BUDGET_LEFT) {
    return { health: 'atRisk', reason: 'budgetLow', ...measured };
  }
  return { health: 'ok', reason: 'withinBudget', ...measured };
}

/** Health of a set of SLOs (one service's): the worst measured one, `none` when there are no SLOs. */
export interface SloSummary {
  health: SloHealth | 'none';
  /** The SLO whose status sets `health` (the first of the worst), so that the page can say why. */
  decisive?: { slo: Slo; status: SloStatus };
  /** Lowest budget left among the SLOs that have a value. */
  budgetLeft?: number;
  /** The SLO with the lowest budget left: not always the decisive one (a policy may freeze on burn). */
  lowestBudgetSloId?: string;
  /** SLOs per health. */
  counts: Record<SloHealth, number>;
}

/** Summarises the health of `slos` from the values measured for them (by SLO id). */
export function summarizeSlos(slos: Slo[], values: Record<string, SloLiveValues> | undefined): SloSummary {
  const counts: Record<SloHealth, number> = { ok: 0, atRisk: 0, exhausted: 0, noData: 0 };
  let decisive: SloSummary['decisive'];
  let budgetLeft: number | undefined;
  let lowestBudgetSloId: string | undefined;
  for (const slo of slos) {
    const status = sloStatus(slo, values?.[slo.id]);
    counts[status.health]++;
    if (decisive === undefined || SEVERITY[status.health] > SEVERITY[decisive.status.health]) {
      decisive = { slo, status };
    }
    if (status.budgetLeft !== undefined && (budgetLeft === undefined || status.budgetLeft < budgetLeft)) {
      budgetLeft = status.budgetLeft;
      lowestBudgetSloId = slo.id;
    }
  }
  return { health: decisive?.status.health ?? 'none', decisive, budgetLeft, lowestBudgetSloId, counts };
}

/** Sort rank of a health, worst highest; `none` (no SLOs) ranks below `noData`. */
export function healthRank(health: SloHealth | 'none'): number {
  return health === 'none' ? -1 : SEVERITY[health];
}
