import { Person, Service, Slo } from '../model';
import {
  CostLiveValues,
  CostUnknown,
  IncidentPostmortem,
  IncidentsUnknown,
  SloLiveValues,
} from '../registryView/liveValues';

/** Rungs of the maturity ladder, lowest first. */
export const MATURITY_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];
/** The level a service reached; `none` until every beginner check passes. */
export type ScoreLevel = 'none' | MaturityLevel;

/**
 * `unknown`: the check needs a value that is not available yet (see `CheckResult.needs`);
 * `notApplicable`: nothing to check, e.g. telemetry of a service without SLOs.
 */
export type CheckOutcome = 'pass' | 'fail' | 'unknown' | 'notApplicable';

/** What a check would need to decide. */
export type CheckNeed = 'prometheus' | 'loki' | 'billing' | 'dashboards';

/**
 * One fact shown as evidence. `code` names the sentence (the UI translates it); `values` fill it.
 * Lists of ids are joined with ", " so that evidence stays plain data.
 */
export interface Evidence {
  code: string;
  values?: Record<string, string | number>;
}

export interface CheckVerdict {
  outcome: CheckOutcome;
  evidence: Evidence[];
  needs?: CheckNeed;
}

/** Everything a check reads about one service. */
export interface CheckSubject {
  service: Service;
  slos: Slo[];
  people: ReadonlyMap<string, Person>;
  /** Measured values for the service's SLOs, by SLO id, when a data source provides them. */
  sloValues?: Record<string, SloLiveValues>;
  cost?: CostLiveValues;
  /** Why no service's spend could be read, when it could not. */
  costUnknown?: CostUnknown;
  /** Whether spend was read for the registry (a service missing from it matched no spend). */
  costsRead?: boolean;
  /** Whether the service's on-call dashboard is saved in Grafana; undefined when unknown. */
  dashboardsGenerated?: boolean;
  /** The service's incidents of the reporting window; undefined when incidents were not read. */
  incidents?: IncidentPostmortem[];
  /** Why incidents could not be read, when that is known. */
  incidentsUnknown?: IncidentsUnknown;
}

/** A rung of the maturity ladder, or a failure mode that needs attention whatever the level. */
export type CheckKind = 'ladder' | 'failureMode';

export interface GovernanceCheck {
  id: string;
  kind: CheckKind;
  /** The ladder rung the check belongs to; failure modes have none. */
  level?: MaturityLevel;
  evaluate(subject: CheckSubject): CheckVerdict;
}

export interface CheckResult extends CheckVerdict {
  id: string;
  kind: CheckKind;
  level?: MaturityLevel;
}

export interface Scorecard {
  serviceId: string;
  level: ScoreLevel;
  /** The next rung and the checks that keep the service from it. */
  next?: { level: MaturityLevel; missing: string[] };
  results: CheckResult[];
  /** Failure modes that fail: the service needs attention. */
  failing: string[];
  /** Failure modes that could not be decided (see each result's evidence for why); not failures. */
  unknown: string[];
}
