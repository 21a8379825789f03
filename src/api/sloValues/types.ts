/**
 * What the SLO list shows for one SLO, and where it came from: the recorded series of the
 * generated rules, the raw SLI query when those are missing, or nothing, with the reason.
 */
import { Severity } from '../../domain/model';
import { NoDataReason, ValueSource } from '../../domain/registryView/liveValues';

export type { NoDataReason, ValueSource };

/** `unknown`: no alert rules are known to be loaded for the SLO (its values are not recorded). */
export type AlertStatus = 'firing' | 'pending' | 'inactive' | 'unknown';

export interface SloAlert {
  status: AlertStatus;
  /** The most severe burn tier firing or pending. */
  severity?: Severity;
  /** Whether the release-freeze alert fires. */
  freeze?: boolean;
}

export interface SloMeasurement {
  source: ValueSource;
  /** The SLI over the SLO window (0–1, e.g. 0.9993). */
  sli?: number;
  /** Share of the window's budget left: 1 untouched, 0 spent, negative overspent. */
  budgetLeft?: number;
  /** Burn rate over the last 5 minutes. */
  burnRate?: number;
  /**
   * Burn rate over the window the SLO's budget policy limits (its longest alert window, e.g. `3d`),
   * as the release gate and the release-freeze alert read it; only for policies that limit the burn rate.
   */
  policyBurn?: { rate: number; window: string };
  /** Budget left at the end of the window before the current one, when the rules recorded it then. */
  previousBudgetLeft?: number;
  alert: SloAlert;
  reason?: NoDataReason;
}

export const UNKNOWN_ALERT: SloAlert = { status: 'unknown' };
