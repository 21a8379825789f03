/**
 * The release gate: does the error-budget policy of an SLO let releases proceed right now?
 *
 * Pure decision logic over values read from the recorded series, shared by the command line
 * (`gate`, for CI/CD pipelines) and the app. It mirrors the release-freeze alert of the generated
 * rules: releases freeze while the burn rate over the policy window is above `freezeBurnRate`, or
 * while less than `freezeBudgetLeftPercent` of the period's budget is left. A value exactly at a
 * threshold does not freeze.
 */
import { BudgetPolicy } from './model';

/** What was measured for one SLO at the time of the decision. */
export interface GateValues {
  /** Share of the period's error budget left: 1 untouched, 0 spent, negative overspent. */
  budgetLeft?: number;
  /** Burn rate over the policy window, as a multiple of the sustainable rate. */
  burnRate?: number;
  /** The window `burnRate` was measured over, e.g. `3d`; only used in messages. */
  burnWindow?: string;
  /**
   * Whether the release-freeze alert fires. Only consulted when the policy itself is unknown
   * (`policy` undefined), e.g. when the gate runs without the registry.
   */
  freezeAlertFiring?: boolean;
}

/** The thresholds of a budget policy; `enabled: false` never freezes. */
export type GatePolicy = Pick<BudgetPolicy, 'enabled' | 'freezeBurnRate' | 'freezeBudgetLeftPercent'>;

/** `unknown`: the policy needs a value that was not measured, so no decision can be made. */
export type GateStatus = 'allowed' | 'frozen' | 'unknown';

/** A value the policy needs. */
export type GateInput = 'budgetLeft' | 'burnRate';

export interface GateResult {
  /** True only when the status is `allowed`. */
  allowed: boolean;
  status: GateStatus;
  /** One sentence per threshold (or per fact) that led to the decision. */
  reasons: string[];
  /** Values the policy needs but that were not given. */
  missing: GateInput[];
}

/** Name of the release-freeze alert in messages. */
const FREEZE_ALERT_TEXT = 'the release-freeze alert';

/**
 * Decides for one SLO. `policy` undefined means the thresholds are not known: the decision then
 * follows the release-freeze alert when its state is given, and allows releases otherwise.
 */
export function evaluateGate(values: GateValues, policy: GatePolicy | undefined): GateResult {
  if (!policy) {
    return byAlert(values);
  }
  if (!policy.enabled) {
    return { allowed: true, status: 'allowed', reasons: ['the error-budget policy is disabled'], missing: [] };
  }
  const reasons: string[] = [];
  const missing: GateInput[] = [];
  let frozen = false;
  const { freezeBudgetLeftPercent, freezeBurnRate } = policy;
  if (freezeBudgetLeftPercent !== undefined) {
    const limit = freezeBudgetLeftPercent / 100;
    if (values.budgetLeft === undefined) {
      missing.push('budgetLeft');
      reasons.push(`budget left is unknown (freezes below ${freezeBudgetLeftPercent}%)`);
    } else if (values.budgetLeft < limit) {
      frozen = true;
      reasons.push(
        `budget left ${percent(values.budgetLeft, limit)} is below the ${freezeBudgetLeftPercent}% freeze threshold`
      );
    } else {
      reasons.push(`budget left ${percent(values.budgetLeft, limit)} (freezes below ${freezeBudgetLeftPercent}%)`);
    }
  }
  if (freezeBurnRate !== undefined) {
    const over = values.burnWindow ? ` over ${values.burnWindow}` : '';
    if (values.burnRate === undefined) {
      missing.push('burnRate');
      reasons.push(`burn rate${over} is unknown (freezes above ${factor(freezeBurnRate)})`);
    } else if (values.burnRate > freezeBurnRate) {
      frozen = true;
      reasons.push(
        `burn rate ${factor(values.burnRate, freezeBurnRate)}${over} is above the ${factor(freezeBurnRate)} freeze threshold`
      );
    } else {
      reasons.push(
        `burn rate ${factor(values.burnRate, freezeBurnRate)}${over} (freezes above ${factor(freezeBurnRate)})`
      );
    }
  }
  if (reasons.length === 0) {
    return { allowed: true, status: 'allowed', reasons: ['the error-budget policy has no freeze threshold'], missing };
  }
  // A breached threshold freezes even when the other value is unknown.
  const status: GateStatus = frozen ? 'frozen' : missing.length > 0 ? 'unknown' : 'allowed';
  return { allowed: status === 'allowed', status, reasons, missing };
}

/** Combines the results of several SLOs: frozen if any is frozen, unknown if any is unknown. */
export function combineGate(results: GateResult[]): { allowed: boolean; status: GateStatus } {
  const status: GateStatus = results.some((r) => r.status === 'frozen')
    ? 'frozen'
    : results.some((r) => r.status === 'unknown')
      ? 'unknown'
      : 'allowed';
  return { allowed: status === 'allowed', status };
}

function byAlert(values: GateValues): GateResult {
  const facts: string[] = [];
  if (values.budgetLeft !== undefined) {
    facts.push(`budget left ${percent(values.budgetLeft)}`);
  }
  if (values.burnRate !== undefined) {
    facts.push(`burn rate ${factor(values.burnRate)}${values.burnWindow ? ` over ${values.burnWindow}` : ''}`);
  }
  if (values.freezeAlertFiring === undefined) {
    return { allowed: true, status: 'allowed', reasons: [...facts, 'no error-budget policy is known'], missing: [] };
  }
  if (values.freezeAlertFiring) {
    return { allowed: false, status: 'frozen', reasons: [...facts, `${FREEZE_ALERT_TEXT} is firing`], missing: [] };
  }
  return { allowed: true, status: 'allowed', reasons: [...facts, `${FREEZE_ALERT_TEXT} is not firing`], missing: [] };
}

/**
 * Formats `value` with as few decimals as keep it apart from `threshold`, so that a value just
 * below a threshold never reads as equal to it.
 */
function shown(value: number, threshold: number | undefined, minDigits: number): string {
  for (let digits = minDigits; digits <= 6; digits++) {
    const text = trim(value.toFixed(digits));
    if (threshold === undefined || value === threshold || text !== trim(threshold.toFixed(digits))) {
      return text;
    }
  }
  return String(value);
}

function trim(text: string): string {
  const short = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return short === '-0' ? '0' : short;
}

/** A ratio as a percentage, e.g. `0.125` → `12.5%`. */
function percent(ratio: number, threshold?: number): string {
  return `${shown(ratio * 100, threshold === undefined ? undefined : threshold * 100, 1)}%`;
}

/** A burn-rate factor, e.g. `2.4x`. */
function factor(rate: number, threshold?: number): string {
  return `${shown(rate, threshold, 2)}x`;
}
