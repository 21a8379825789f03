/**
 * Burn-rate window presets, kept as data. Each tier spends a share of the error budget within its
 * long window; the factor follows from the share, the SLO period and the long window
 * (see {@link burnFactor}), so the same table serves 7-day, 28-day or 90-day SLOs.
 *
 * The shares are those of the Google SRE workbook ("Alerting on SLOs", multiwindow,
 * multi-burn-rate alerts): 2 % of a 30-day budget in 1 hour pages (14.4x), 5 % in 6 hours pages
 * (6x), 10 % in 1 day and 10 % in 3 days open tickets (3x and 1x).
 */
import { AlertPreset, Severity } from '../model';

/** One tier of a preset: the budget share it alerts on, rather than a fixed factor. */
export interface BurnWindowShare {
  tier: string;
  severity: Severity;
  /** Share of the whole period's budget spent within `long` when the alert fires (0–1). */
  budgetShare: number;
  long: string;
  short: string;
}

export interface WindowPreset {
  id: Exclude<AlertPreset, 'custom'>;
  /** Period the shares were written for; factors are exactly the workbook's at this period. */
  designedForDays: number;
  windows: BurnWindowShare[];
}

const GOOGLE_WINDOWS: BurnWindowShare[] = [
  { tier: 'page-fast', severity: 'page', budgetShare: 0.02, long: '1h', short: '5m' },
  { tier: 'page-slow', severity: 'page', budgetShare: 0.05, long: '6h', short: '30m' },
  { tier: 'ticket-fast', severity: 'ticket', budgetShare: 0.1, long: '1d', short: '2h' },
  { tier: 'ticket-slow', severity: 'ticket', budgetShare: 0.1, long: '3d', short: '6h' },
];

/**
 * The presets. Both use the workbook's windows and shares; `google-28d` exists so that SLOs
 * imported from Sloth keep their preset name, and gives 13.44x/5.6x/2.8x/0.93x on a 28-day window.
 */
export const WINDOW_PRESETS: Record<WindowPreset['id'], WindowPreset> = {
  'google-30d': { id: 'google-30d', designedForDays: 30, windows: GOOGLE_WINDOWS },
  'google-28d': { id: 'google-28d', designedForDays: 28, windows: GOOGLE_WINDOWS },
};
