/**
 * Names of the recorded series, alerts and labels that the generated rules produce. Dashboards,
 * the executive view and the release gate query these, so they are the public vocabulary of the
 * rules; the names and labels follow Sloth so that Sloth dashboards keep working.
 */

/** Prefix of the SLI error ratio over a window: `slo:sli_error:ratio_rate5m`. */
export const SLI_ERROR_RATIO_PREFIX = 'slo:sli_error:ratio_rate';
/**
 * Errors over the last 5 minutes, recorded every evaluation: the error ratios of countable PromQL
 * SLIs over windows from 5 minutes to under a day are sums of these divided by sums of the event
 * counts (shared-rules.ts). Under an hour the sums take every evaluation's, whose spans overlap, so
 * only the ratios mean something, not the sums themselves.
 */
export const SLI_ERROR_INCREASE_5M = 'slo:sli_error:increase5m';
/** Events over the last 5 minutes, the denominators of the sub-day error ratios. */
export const SLI_TOTAL_INCREASE_5M = 'slo:sli_total:increase5m';
/** Errors in one-hour buckets, the tiles the traffic-weighted period ratio is summed from. */
export const SLI_ERROR_INCREASE_1H = 'slo:sli_error:increase1h';
/** Events in one-hour buckets, the denominator tiles of the period ratio. */
export const SLI_TOTAL_INCREASE_1H = 'slo:sli_total:increase1h';
/** Prefix of the event count over an alert's long window (low-traffic guard): `slo:sli_total:count1h`. */
export const SLI_TOTAL_COUNT_PREFIX = 'slo:sli_total:count';
export const OBJECTIVE_RATIO = 'slo:objective:ratio';
export const ERROR_BUDGET_RATIO = 'slo:error_budget:ratio';
export const TIME_PERIOD_DAYS = 'slo:time_period:days';
/** Burn rate over the shortest window (5m). */
export const CURRENT_BURN_RATE = 'slo:current_burn_rate:ratio';
/** Burn rate over the whole SLO period: the share of the budget consumed. */
export const PERIOD_BURN_RATE = 'slo:period_burn_rate:ratio';
/** Share of the period's budget left (1 − period burn rate); negative when overspent. */
export const PERIOD_BUDGET_REMAINING = 'slo:period_error_budget_remaining:ratio';
/** One series per SLO (value 1) carrying owners, objective and window as labels. */
export const SLO_INFO = 'slo:info';
/**
 * A service's cloud spend in one-hour buckets (USD), from the billing query, labelled
 * `sloth_service`: the spend panels sum these tiles instead of re-reading the billing counters.
 */
export const SERVICE_SPEND_1H = 'service:cloud_spend_usd:increase1h';

/** Multiwindow multi-burn-rate alert; one rule per tier, told apart by `burn_tier`. */
export const BURN_ALERT = 'SLOErrorBudgetBurn';
/** Error-budget policy alert: releases of the service are frozen while it fires. */
export const FREEZE_ALERT = 'SLOReleaseFreeze';

/**
 * `interval` of the groups whose rules change slowly or read windows of hours: `slo:info`, the
 * ticket-tier and freeze alerts, the ratios summed from hourly tiles, budget and burn rates. Short
 * enough that their series never go stale (Prometheus looks back 5 minutes), long enough to cost a
 * third of what they would at a 20-second evaluation interval.
 */
export const SLOW_INTERVAL = '1m';

/** The bucket size of the period tiles. */
export const TILE_WINDOW = '1h';
/** The window of the current burn rate; always recorded. */
export const CURRENT_WINDOW = '5m';
/** The span of the per-evaluation increases the sub-day windows are summed from. */
export const BASE_WINDOW = CURRENT_WINDOW;

export const LABEL_ID = 'sloth_id';
export const LABEL_SERVICE = 'sloth_service';
export const LABEL_SLO = 'sloth_slo';
export const LABEL_WINDOW = 'sloth_window';
export const LABEL_BUSINESS_OWNER = 'business_owner';
export const LABEL_TEAM = 'team';
export const LABEL_TIER = 'tier';
export const LABEL_BURN_TIER = 'burn_tier';
export const LABEL_SEVERITY = 'severity';

/** The SLI error ratio series over `window`, e.g. `slo:sli_error:ratio_rate1h`. */
export function sliErrorRatioName(window: string): string {
  return `${SLI_ERROR_RATIO_PREFIX}${window}`;
}

/** The event count series over `window`, e.g. `slo:sli_total:count6h`. */
export function sliTotalCountName(window: string): string {
  return `${SLI_TOTAL_COUNT_PREFIX}${window}`;
}
