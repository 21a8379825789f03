/**
 * The registry model: services, the people who own them and their SLOs.
 *
 * Everything here is plain data so that it can be stored in the app's `jsonData`, written as
 * YAML for GitOps, and read by the command line without a browser.
 */

/** Current version of the stored registry document; bump it with a migration. */
export const SCHEMA_VERSION = 1;

export type Tier = 1 | 2 | 3 | 4;

export const LIFECYCLES = ['experimental', 'beta', 'production', 'deprecated'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Roles a person can hold for a service; `businessOwner` is the accountable one. */
export const OWNER_ROLES = [
  'businessOwner',
  'productManager',
  'serviceOwner',
  'engineeringManager',
  'sreLead',
] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export const LINK_TYPES = ['runbook', 'dashboard', 'repo', 'docs', 'postmortem'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface Person {
  /** Slug, unique in the registry; owners refer to people by this id. */
  id: string;
  name: string;
  email: string;
  team?: string;
  /** Chat handle, e.g. `@ana` or `#checkout-oncall`. */
  chat?: string;
}

/** Person ids by role. Tier 1–2 services must name a business owner. */
export type Owners = Partial<Record<OwnerRole, string>>;

export interface ImpactFlags {
  revenue: boolean;
  compliance: boolean;
  customerFacing: boolean;
  sla: boolean;
}

export interface OnCall {
  team?: string;
  /** Person ids or team names, first contacted first. */
  escalation?: string[];
  scheduleUrl?: string;
}

/** A business KPI shown to the business owner, e.g. revenue per hour or conversion. */
export interface Kpi {
  id: string;
  name: string;
  /** PromQL returning one series (or one per `groupBy` label) for the KPI's current value. */
  query: string;
  /** Grafana unit id, e.g. `currencyUSD`, `percentunit`, `reqps`. */
  unit?: string;
  target?: number;
  /** Whether a higher value is better (revenue) or worse (cart abandonment). */
  direction?: 'higher' | 'lower';
}

export interface ServiceLink {
  type: LinkType;
  title: string;
  /** Only http(s) URLs are accepted. */
  url: string;
}

/** One change of an owner role, appended whenever owners change. */
export interface OwnerChange {
  role: OwnerRole;
  /** Person id before the change; absent when the role was empty. */
  from?: string;
  /** Person id after the change; absent when the role was cleared. */
  to?: string;
  /** ISO 8601 timestamp. */
  at: string;
  /** Login of the user who made the change, when known. */
  by?: string;
}

export interface Service {
  /** Slug: lower-case letters, digits and dashes. */
  id: string;
  name: string;
  description?: string;
  tier: Tier;
  lifecycle: Lifecycle;
  impact: ImpactFlags;
  owners: Owners;
  onCall?: OnCall;
  /** What the business owner may approve, e.g. "budget overspend up to 10%, release freezes". */
  decisionScope?: string;
  kpis: Kpi[];
  links: ServiceLink[];
  /** Billing allocation labels, e.g. `{ cost_center: "checkout" }`. */
  costTags: Record<string, string>;
  /** PromQL/LogQL label matchers that select the service's telemetry, e.g. `{service="checkout"}`. */
  selector: string;
  /** Ids of services this one depends on. */
  dependsOn: string[];
  ownerHistory: OwnerChange[];
  /** The business owner's sign-off of the SLOs' budget policies, the exceptions to them and the budget adjustments. */
  budgetPolicy?: ServiceBudgetPolicy;
}

/** Why an exception waives the error-budget policy. */
export const POLICY_EXCEPTION_KINDS = ['dependencyIncident', 'outOfScopeTraffic', 'other'] as const;
export type PolicyExceptionKind = (typeof POLICY_EXCEPTION_KINDS)[number];

/**
 * A recorded exception to the error-budget policy: while it is active (`from` ≤ now < `to`), the
 * SLOs it covers are neither frozen nor held in reliability work, and the state says why.
 */
export interface PolicyException {
  /** Slug, unique within the service. */
  id: string;
  kind: PolicyExceptionKind;
  /** Why, e.g. "Payments provider outage INC-12". */
  reason: string;
  /** ISO 8601 start. */
  from: string;
  /** ISO 8601 end; ending an exception early sets it to the time it was ended. */
  to: string;
  /** SLOs of the service it covers; all of them when absent. */
  sloIds?: string[];
  /** Login (or person id) of who recorded it. */
  by: string;
  /** ISO 8601 time it was recorded. */
  at: string;
}

/** Who signed off the policy, and when. */
export interface PolicySignOff {
  /** Login (or person id) of the signer, normally the business owner. */
  by: string;
  /** ISO 8601 time. */
  at: string;
}

/** The service's side of its SLOs' budget policies: the sign-off, the exceptions and the budget adjustments. */
export interface ServiceBudgetPolicy {
  signOff?: PolicySignOff;
  exceptions?: PolicyException[];
  /** Windows left out of the adjusted error budget once the business owner approves them. */
  adjustments?: BudgetAdjustment[];
}

/** Why a window is left out of the adjusted budget. */
export const ADJUSTMENT_KINDS = ['maintenance', 'knownCause', 'dependency'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** Days of the week as PromQL's `day_of_week` numbers them: Sunday 0 to Saturday 6. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A window that comes back every week: on `weekdays`, from `start` local time, for `duration`. */
export interface AdjustmentRecurrence {
  weekdays: Weekday[];
  /** Local start time `HH:MM` (24-hour) in `timeZone`. */
  start: string;
  /** Prometheus duration, more than zero and at most a week, e.g. `2h`. */
  duration: string;
  /** IANA time zone of `start`, e.g. `Europe/Berlin`. */
  timeZone: string;
}

/**
 * A budget adjustment: a maintenance or known-cause window, one-off (`start`, `end`) or weekly
 * (`recurrence`), whose events the adjusted budget leaves out once the business owner approved it.
 */
export interface BudgetAdjustment {
  /** Slug, unique within the service. */
  id: string;
  kind: AdjustmentKind;
  /** Why, e.g. "Database upgrade CHG-311". */
  reason: string;
  /** SLOs of the service it covers; all of them when absent. */
  sloIds?: string[];
  /** ISO 8601 start of a one-off window. */
  start?: string;
  /** ISO 8601 end (excluded) of a one-off window. */
  end?: string;
  /** A weekly window instead of `start` and `end`. */
  recurrence?: AdjustmentRecurrence;
  /** Whether the SLOs' burn alerts are held back during the window. */
  silenceAlerts: boolean;
  /** Login of who recorded it. */
  by: string;
  /** ISO 8601 time it was recorded. */
  at: string;
  /** The business owner's approval; until then the adjustment is pending and has no effect. */
  approval?: PolicySignOff;
}

/** Good-or-bad events over total events, both counters. Exactly one of `good` or `bad` is set. */
export interface RatioSli {
  kind: 'ratio';
  /** Counter selector of good events, e.g. `http_requests_total{service="checkout",code!~"5.."}`. */
  good?: string;
  /** Counter selector of bad events, e.g. `http_requests_total{service="checkout",code=~"5.."}`. */
  bad?: string;
  /** Counter selector of all events, e.g. `http_requests_total{service="checkout"}`. */
  total: string;
}

/** Requests slower than `threshold` are errors; read from a Prometheus histogram. */
export interface LatencySli {
  kind: 'latency';
  /** Histogram base name or its `_bucket` series with matchers, e.g. `http_request_duration_seconds_bucket{service="checkout"}`. */
  histogram: string;
  /** Threshold in seconds; it must be one of the histogram's `le` bucket bounds. */
  threshold: number;
  /** Known `le` bounds of the histogram, when looked up; used to validate `threshold`. */
  buckets?: number[];
}

/** Any PromQL expression returning the error ratio (0–1); `{{window}}` stands for the range. */
export interface FreeformSli {
  kind: 'freeform';
  errorRatio: string;
}

/** Bad log lines over all log lines, both LogQL log queries. */
export interface LogRatioSli {
  kind: 'logRatio';
  /** LogQL log query selecting bad lines, e.g. `{service="checkout"} |= "level=error"`. */
  bad: string;
  /** LogQL log query selecting all lines, e.g. `{service="checkout"}`. */
  total: string;
}

export type Sli = RatioSli | LatencySli | FreeformSli | LogRatioSli;
export type SliKind = Sli['kind'];

/**
 * The SLO window: a rolling number of whole days (`7d`, `28d`, `30d`, `90d`) or a calendar period
 * (`calendar-week`, ISO weeks from Monday; `calendar-month`; `calendar-quarter`) in the SLO's
 * `timeZone`.
 */
export type SloWindow = string;

export const ALERT_PRESETS = ['google-30d', 'google-28d', 'custom'] as const;
export type AlertPreset = (typeof ALERT_PRESETS)[number];

export type Severity = 'page' | 'ticket';

/** One multiwindow burn-rate alert tier: fires when both windows burn faster than `factor`. */
export interface BurnWindow {
  /** Stable name used in the `burn_tier` label, e.g. `page-fast`. */
  tier: string;
  severity: Severity;
  /** Burn-rate factor (multiple of the sustainable burn rate). */
  factor: number;
  /** Long window, Prometheus duration, e.g. `1h`. */
  long: string;
  /** Short window, Prometheus duration, e.g. `5m`. */
  short: string;
}

export interface Alerting {
  enabled: boolean;
  /**
   * Name of the burn-rate alerts (`alertname`), `SLOErrorBudgetBurn` when absent. An import keeps
   * the source's alert name so that routes and silences keyed on it still match.
   */
  name?: string;
  preset: AlertPreset;
  /** Windows used when `preset` is `custom`. */
  windows?: BurnWindow[];
  /** Tier names (`burn_tier`) switched off. */
  disabledTiers?: string[];
  pageLabels?: Record<string, string>;
  ticketLabels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Falls back to the service's first runbook link. */
  runbookUrl?: string;
  /** Hold alerts back while the long window saw fewer events than this. */
  minEvents?: number;
}

/** The error-budget release policy the business owner agreed to. */
export interface BudgetPolicy {
  enabled: boolean;
  /** Freeze releases while the burn rate over the policy window exceeds this factor. */
  freezeBurnRate?: number;
  /** Freeze releases while less than this percent of the budget is left. */
  freezeBudgetLeftPercent?: number;
  /**
   * After a freeze, reliability work lasts until at least this percent of the budget is left
   * again; default `freezeBudgetLeftPercent` + 10 (only when that is set).
   */
  recoverBudgetLeftPercent?: number;
  /**
   * After a freeze, reliability work lasts until the burn rate over the policy window is at most
   * this factor; needs `freezeBurnRate`; default 1 (the sustainable rate), or `freezeBurnRate` when lower.
   */
  recoverBurnRate?: number;
  /** Notify the service's business owner when the freeze starts. */
  escalateToBusinessOwner: boolean;
}

export interface Slo {
  /** Slug, unique in the registry. */
  id: string;
  serviceId: string;
  name: string;
  description?: string;
  sli: Sli;
  /** Target in percent, strictly between 0 and 100, e.g. `99.9`. */
  objective: number;
  window: SloWindow;
  /**
   * IANA time zone in which a calendar window's periods start at midnight, e.g. `Europe/Berlin`;
   * UTC when absent. Rolling windows ignore it.
   */
  timeZone?: string;
  /** One SLI per value of these labels, e.g. `["route"]`. */
  groupBy?: string[];
  alerting: Alerting;
  budgetPolicy?: BudgetPolicy;
  labels: Record<string, string>;
}

export const BILLING_KINDS = ['prometheus', 'sql'] as const;
export type BillingKind = (typeof BILLING_KINDS)[number];

export interface DataSourceRef {
  uid: string;
  type?: string;
}

export interface AppSettings {
  prometheus?: DataSourceRef;
  loki?: DataSourceRef;
  billing?: DataSourceRef & {
    kind: BillingKind;
    /** Query template; `$costTags` is replaced with the matchers or SQL condition of a service's cost tags. */
    query: string;
  };
  /** Window given to new SLOs. */
  defaultWindow: '28d' | '30d';
  /** Alert preset given to new SLOs. */
  defaultAlertPreset: Exclude<AlertPreset, 'custom'>;
  /**
   * Also record Sloth's series (`slo:sli_error:ratio_rate<w>`, `slo:current_burn_rate:ratio`, …)
   * for Sloth dashboards and alert routes that read them; an import from Sloth turns it on. Off,
   * each SLO records six series and every window is summed from them in the queries.
   */
  slothSeries?: boolean;
}

/** The whole registry, stored in the app plugin's `jsonData.registry`. */
export interface RegistryDocument {
  schemaVersion: number;
  /** Incremented by every save; a save from an older revision is refused. */
  revision: number;
  /** ISO 8601 time of the last save. */
  updatedAt?: string;
  /** Login of the last writer. */
  updatedBy?: string;
  settings: AppSettings;
  people: Person[];
  services: Service[];
  slos: Slo[];
}
