/**
 * Incidents: the periods an SLO paged someone, read from its page burn alerts. Times are Unix
 * milliseconds throughout; a missing `end` means still firing when the history was read.
 */

/** One period during which an alert series fired. */
export interface FiringInterval {
  start: number;
  /** The first moment it no longer fired; absent while it still fires. */
  end?: number;
}

/** The firing periods of one alert series (one SLO, tier and, for grouped SLOs, group). */
export interface FiringSeries {
  labels: Record<string, string>;
  intervals: FiringInterval[];
}

/** Who took an incident on, and when: recorded in the app, or a Grafana alerting silence. */
export interface Acknowledgement {
  sloId: string;
  at: number;
  by: string;
  source: 'app' | 'silence';
  /**
   * The incident an acknowledgement made in the app names (its id): it counts for that incident
   * from its start on, also after its resolution (acknowledge.ts).
   */
  incidentId?: string;
}

/** One matcher of an Alertmanager silence (`isEqual: false` is `!=` or `!~`). */
export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual?: boolean;
}

/** An Alertmanager silence, as Grafana alerting lists them (times in Unix milliseconds). */
export interface Silence {
  id: string;
  createdBy: string;
  comment?: string;
  startsAt: number;
  endsAt: number;
  matchers: SilenceMatcher[];
}

/** The page alerts of one SLO firing, merged over overlaps and short gaps. */
export interface Incident {
  /** `<slo id>-<yyyymmdd>-<hhmm>` of the start in UTC, e.g. `checkout-availability-20240501-1005`. */
  id: string;
  sloId: string;
  serviceId: string;
  start: number;
  /** Resolution: when the last of its alerts stopped firing; absent while open. */
  end?: number;
  /** The label sets of the alert series that fired (silences are matched against them). */
  alerts: Array<Record<string, string>>;
  /** The burn tiers that fired (`page-fast`, `page-slow`). */
  tiers: string[];
  /** The earliest acknowledgement made while it was open, or made in the app naming it. */
  acknowledged?: Acknowledgement;
}

/** Errors and events of one SLO over the 5 minutes that end at `end` (its recorded increases). */
export interface EventBucket {
  end: number;
  errors: number;
  total: number;
}

/** Per-SLO budget numbers the caller reads from the recorded series. */
export interface SloBudgetInput {
  /** Failed events the objective allows over the SLO's period: (1 − objective) × its events. */
  periodAllowedFailures?: number;
  /** Failed events over the whole reporting window, incidents included. */
  windowFailures?: number;
}

/** A service's revenue rate, from its revenue KPI (see revenue.ts). */
export interface RevenueRate {
  perSecond: number;
  /** ISO currency code from the KPI's unit, e.g. `USD`. */
  currency: string;
}

/** What an incident cost. Each part is absent when its input was not available. */
export interface IncidentImpact {
  failedEvents?: number;
  totalEvents?: number;
  /** Failed over total events during the incident. */
  errorRatio?: number;
  /** Share of the SLO's period error budget the failed events used (0.25 = a quarter). */
  budgetConsumed?: number;
  revenueAtRisk?: { amount: number; currency: string };
}

/**
 * Whether the outage policy asks for a postmortem: `missing` for a resolved budget-heavy incident
 * without a postmortem link, `pending` while such an incident is still open, `unknown` when its
 * budget use could not be measured.
 */
export type PostmortemState = 'notRequired' | 'covered' | 'missing' | 'pending' | 'unknown';

export interface AssessedIncident extends Incident {
  /** Duration up to the resolution, or up to the read time while open. */
  durationMs: number;
  impact: IncidentImpact;
  postmortem: { state: PostmortemState; link?: { title: string; url: string } };
}

/** Response figures over a set of incidents (see summary.ts for the definitions). */
export interface IncidentStats {
  count: number;
  open: number;
  resolved: number;
  /** Incidents acknowledged while open. */
  acknowledged: number;
  /**
   * Incidents without an acknowledgement made while open (open or resolved, a late one made after
   * the resolution included); left out of the MTTA.
   */
  unacknowledged: number;
  /** Mean time to acknowledge over incidents acknowledged while open; absent when there are none. */
  mttaMs?: number;
  /** Mean time to resolve over resolved incidents; absent when there are none. */
  mttrMs?: number;
  /** Failed events during the incidents, over those whose events were read. */
  failedEvents: number;
  /** Resolved incidents that require a postmortem and have none. */
  postmortemsMissing: number;
}

/** How one SLO's budget went over the window: during incidents or in background errors. */
export interface SloBudgetSplit {
  sloId: string;
  /** Share of the period budget used by failed events during incidents. */
  incidents?: number;
  /** Share of the period budget used by the failed events outside incidents. */
  background?: number;
}

export interface ServiceIncidentSummary {
  serviceId: string;
  businessOwner?: string;
  stats: IncidentStats;
  budget: SloBudgetSplit[];
}

export interface OwnerIncidentSummary {
  /** Person id of the business owner. */
  owner: string;
  serviceIds: string[];
  stats: IncidentStats;
}

export interface IncidentReport {
  window: { from: number; to: number };
  /** Incidents that started in the window, latest first. */
  incidents: AssessedIncident[];
  stats: IncidentStats;
  services: ServiceIncidentSummary[];
  owners: OwnerIncidentSummary[];
}
