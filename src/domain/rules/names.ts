/**
 * Names of the recorded series, alerts and labels that the generated rules produce. Dashboards,
 * the executive view and the release gate query these, so they are the public vocabulary of the
 * rules; the names and labels follow Sloth so that Sloth dashboards keep working.
 */
import { regexMatcher } from '../query/selector';

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
/**
 * The error ratio from the start of a calendar SLO's current period, recorded every hour after the
 * tiles it sums (rules/calendar.ts); the budget left of a calendar SLO reads it.
 */
export const PERIOD_ERROR_RATIO = 'slo:period_error:ratio';
/** The same without the windows of approved budget adjustments, for calendar SLOs that have some. */
export const PERIOD_ERROR_RAW_RATIO = 'slo:period_error_raw:ratio';
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
 * Labels `slo:info` adds to the SLO's labels: the objective as written (`99.9`), window and name,
 * the service's name and the SLO's runbook (when it has one). The registry-wide alerting rules
 * print the names and the runbook from them (shared-alerts.ts).
 */
export const INFO_OBJECTIVE = 'objective';
export const INFO_WINDOW = 'slo_window';
export const INFO_NAME = 'slo_name';
export const INFO_SERVICE_NAME = 'slo_service_name';
export const INFO_RUNBOOK = 'slo_runbook_url';
/** On `slo:info` of an SLO whose freeze alert escalates to its business owner: `Name <email>`. */
export const INFO_OWNER_CONTACT = 'slo_owner_contact';
/** Every label `slo:info` adds to the SLO's own: what a join with it must drop or may read. */
export const INFO_LABELS: readonly string[] = [
  INFO_OBJECTIVE,
  INFO_WINDOW,
  INFO_NAME,
  INFO_SERVICE_NAME,
  INFO_RUNBOOK,
  INFO_OWNER_CONTACT,
];
/**
 * A service's cloud spend in one-hour buckets (USD), from the billing query, labelled
 * `sloth_service`: the spend panels sum these tiles instead of re-reading the billing counters.
 */
export const SERVICE_SPEND_1H = 'service:cloud_spend_usd:increase1h';

/**
 * Default name of the multiwindow multi-burn-rate alerts; one rule per tier, told apart by
 * `burn_tier`. An SLO's `alerting.name` replaces it ({@link burnAlertName}), so queries find burn
 * alerts by {@link BURN_ALERT_MATCHER}, never by this name.
 */
export const BURN_ALERT = 'SLOErrorBudgetBurn';
/** Error-budget policy alert: releases of the service are frozen while it fires. */
export const FREEZE_ALERT = 'SLOReleaseFreeze';

/**
 * `interval` of the groups whose rules change slowly or read windows of hours: the SLI's 5-minute
 * increases, `slo:info`, every alert tier but an SLO's first page tier (`firstPageTier`,
 * alert-rules.ts), the freeze alert, the ratios summed from hourly tiles, budget and burn rates. Short
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

/**
 * The SLO id, unique in the registry: what every query uses to find one SLO. Sloth writes
 * `<service>-<slo name>` here, which is the id an import from Sloth gives the SLO.
 */
export const LABEL_ID = 'sloth_id';
export const LABEL_SERVICE = 'sloth_service';
/**
 * The SLO name as Sloth writes it: the id without its `<service>-` prefix ({@link slothSloName}).
 * Not unique (two services may both have an `availability` SLO): shown, never matched on.
 */
export const LABEL_SLO = 'sloth_slo';
export const LABEL_WINDOW = 'sloth_window';
export const LABEL_BUSINESS_OWNER = 'business_owner';
export const LABEL_TEAM = 'team';
export const LABEL_TIER = 'tier';
/** The burn alert's tier (`page-fast`, …): every burn alert carries it, whatever its name. */
export const LABEL_BURN_TIER = 'burn_tier';
/** `page` or `ticket` on every burn alert, as Sloth writes it; `severity` defaults to the same value. */
export const LABEL_SLOTH_SEVERITY = 'sloth_severity';
export const LABEL_SEVERITY = 'severity';

/** Selects the burn alerts of the generated rules in `ALERTS`, whatever `alerting.name` calls them. */
export const BURN_ALERT_MATCHER = `${LABEL_BURN_TIER}!=""`;

/**
 * Labels the rules write themselves on every series or burn alert, whatever an SLO's `labels` say.
 * An SLO's labels (or its alert labels) may repeat one only with the value the rules write, as they
 * may the owner labels `business_owner`, `team` and `tier` (validation/slo.ts refuses another): the
 * shared rules join on them, and the dashboards, the gate and Sloth's dashboards select by them.
 */
export const RESERVED_LABELS: readonly string[] = [
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  LABEL_WINDOW,
  LABEL_SLOTH_SEVERITY,
  LABEL_BURN_TIER,
];

/**
 * `sloth_slo` of an SLO: its id without the `<serviceId>-` prefix when the id starts with it (an
 * SLO imported from Sloth has the id `<service>-<name>`), else the whole id.
 */
export function slothSloName(sloId: string, serviceId: string): string {
  const prefix = `${serviceId}-`;
  return sloId.startsWith(prefix) && sloId.length > prefix.length ? sloId.slice(prefix.length) : sloId;
}

/** The `alertname` of an SLO's burn alerts: its `alerting.name`, else {@link BURN_ALERT}. */
export function burnAlertName(alerting: { name?: string }): string {
  return alerting.name || BURN_ALERT;
}

/** The SLI error ratio series over `window`, e.g. `slo:sli_error:ratio_rate1h`. */
export function sliErrorRatioName(window: string): string {
  return `${SLI_ERROR_RATIO_PREFIX}${window}`;
}

/** The event count series over `window`, e.g. `slo:sli_total:count6h`. */
export function sliTotalCountName(window: string): string {
  return `${SLI_TOTAL_COUNT_PREFIX}${window}`;
}

/** `{sloth_service=~"checkout|payments"}`: the recorded series of these services. */
export function servicesSelector(serviceIds: string[], extra: string[] = []): string {
  return `{${[regexMatcher(LABEL_SERVICE, serviceIds), ...extra].join(', ')}}`;
}
