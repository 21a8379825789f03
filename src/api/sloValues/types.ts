/**
 * What the SLO list shows for one SLO, and where it came from: the recorded series of the
 * generated rules, the raw SLI query when those are missing, or nothing, with the reason.
 */
import { Severity } from '../../domain/model';

export type ValueSource = 'recorded' | 'raw' | 'none';

/** `unknown`: no alert rules are known to be loaded for the SLO (its values are not recorded). */
export type AlertStatus = 'firing' | 'pending' | 'inactive' | 'unknown';

export interface SloAlert {
  status: AlertStatus;
  /** The most severe burn tier firing or pending. */
  severity?: Severity;
  /** Whether the release-freeze alert fires. */
  freeze?: boolean;
}

export type NoDataReason =
  | { kind: 'noDataSource'; language: 'promql' | 'logql' }
  | { kind: 'queryFailed'; message: string }
  /** The raw query returned no series: the selector matches nothing, or the counters never moved. */
  | { kind: 'noSeries' }
  /** Series exist but saw no events over the window: the ratio is 0/0. */
  | { kind: 'noTraffic' }
  /** Too many SLOs lack recorded series to query each one raw. */
  | { kind: 'skipped'; limit: number };

export interface SloMeasurement {
  source: ValueSource;
  /** The SLI over the SLO window (0–1, e.g. 0.9993). */
  sli?: number;
  /** Share of the window's budget left: 1 untouched, 0 spent, negative overspent. */
  budgetLeft?: number;
  /** Burn rate over the last 5 minutes. */
  burnRate?: number;
  alert: SloAlert;
  reason?: NoDataReason;
}

export const UNKNOWN_ALERT: SloAlert = { status: 'unknown' };
