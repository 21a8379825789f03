import { Person, RegistryDocument, Service, Slo } from '../model';
import { IncidentPostmortem, LiveValues } from '../registryView/liveValues';
import { FAILURE_MODE_CHECKS } from './failureModes';
import { LADDER_CHECKS } from './ladderChecks';
import {
  CheckResult,
  CheckSubject,
  GovernanceCheck,
  MATURITY_LEVELS,
  MaturityLevel,
  Scorecard,
  ScoreLevel,
} from './types';

/** Every check, ladder first (lowest rung first), then the failure modes. */
export const GOVERNANCE_CHECKS: readonly GovernanceCheck[] = [...LADDER_CHECKS, ...FAILURE_MODE_CHECKS];

/** What the scorecards of a whole registry read, built once rather than per service. */
export interface ScoringContext {
  people: ReadonlyMap<string, Person>;
  slosByService: ReadonlyMap<string, Slo[]>;
  live?: LiveValues;
  generated?: ReadonlySet<string>;
  /** Incidents by service id, when they were read. */
  incidentsByService?: ReadonlyMap<string, IncidentPostmortem[]>;
}

function groupByService(incidents: IncidentPostmortem[]): Map<string, IncidentPostmortem[]> {
  const byService = new Map<string, IncidentPostmortem[]>();
  for (const incident of incidents) {
    byService.set(incident.serviceId, [...(byService.get(incident.serviceId) ?? []), incident]);
  }
  return byService;
}

/** Indexes people and SLOs of `doc` for scoring many services. */
export function scoringContext(doc: RegistryDocument, live?: LiveValues): ScoringContext {
  const slosByService = new Map<string, Slo[]>();
  for (const slo of doc.slos) {
    const list = slosByService.get(slo.serviceId);
    if (list) {
      list.push(slo);
    } else {
      slosByService.set(slo.serviceId, [slo]);
    }
  }
  return {
    people: new Map(doc.people.map((person) => [person.id, person])),
    slosByService,
    live,
    generated: live?.generatedDashboards ? new Set(live.generatedDashboards) : undefined,
    incidentsByService: live?.incidents ? groupByService(live.incidents) : undefined,
  };
}

/** What the checks read about `service`. */
function checkSubject(service: Service, ctx: ScoringContext): CheckSubject {
  return {
    service,
    slos: ctx.slosByService.get(service.id) ?? [],
    people: ctx.people,
    sloValues: ctx.live?.slos,
    cost: ctx.live?.costs?.[service.id],
    costUnknown: ctx.live?.costUnknown,
    costsRead: ctx.live?.costs !== undefined,
    dashboardsGenerated: ctx.generated ? ctx.generated.has(service.id) : undefined,
    incidents: ctx.incidentsByService ? (ctx.incidentsByService.get(service.id) ?? []) : undefined,
    incidentsUnknown: ctx.live?.incidentsUnknown,
  };
}

/**
 * The scorecard of one service: every check's verdict with its evidence, the ladder level reached
 * (the highest rung whose checks, and those of every rung below, all pass) and the failure modes
 * that fail. A check that cannot decide (`unknown`) does not count as passed.
 */
export function scoreService(service: Service, ctx: ScoringContext): Scorecard {
  const subject = checkSubject(service, ctx);
  // One pass over the checks, without spreading each verdict into a new object: the governance page
  // scores every service of the registry (the services list reads `ladderLevel` and `failingModes`).
  const results: CheckResult[] = [];
  const missingByRung = new Map<MaturityLevel, string[]>();
  const failing: string[] = [];
  const unknown: string[] = [];
  for (const check of GOVERNANCE_CHECKS) {
    const verdict = check.evaluate(subject);
    const result: CheckResult = {
      id: check.id,
      kind: check.kind,
      level: check.level,
      outcome: verdict.outcome,
      evidence: verdict.evidence,
    };
    if (verdict.needs !== undefined) {
      result.needs = verdict.needs;
    }
    results.push(result);
    if (check.level !== undefined && verdict.outcome !== 'pass') {
      const missing = missingByRung.get(check.level);
      if (missing) {
        missing.push(check.id);
      } else {
        missingByRung.set(check.level, [check.id]);
      }
    }
    if (check.kind === 'failureMode') {
      if (verdict.outcome === 'fail') {
        failing.push(check.id);
      } else if (verdict.outcome === 'unknown') {
        unknown.push(check.id);
      }
    }
  }
  let level: ScoreLevel = 'none';
  let next: Scorecard['next'];
  for (const rung of MATURITY_LEVELS) {
    const missing = missingByRung.get(rung);
    if (missing) {
      next = { level: rung, missing };
      break;
    }
    level = rung;
  }
  return { serviceId: service.id, level, next, results, failing, unknown };
}

/** Scorecards of every service of `doc`, in document order. */
export function scoreRegistry(doc: RegistryDocument, live?: LiveValues): Scorecard[] {
  const ctx = scoringContext(doc, live);
  return doc.services.map((service) => scoreService(service, ctx));
}

/**
 * The failure modes `service` fails, as its scorecard's `failing`, without the ladder's checks: whether
 * a service needs attention, for a list filtered on it.
 */
export function failingModes(service: Service, ctx: ScoringContext): string[] {
  const subject = checkSubject(service, ctx);
  const failing: string[] = [];
  for (const check of FAILURE_MODE_CHECKS) {
    if (check.evaluate(subject).outcome === 'fail') {
      failing.push(check.id);
    }
  }
  return failing;
}

/**
 * The ladder level `service` reaches, as its scorecard's `level`, without the failure modes; the checks
 * of a rung above one that is missed are not evaluated.
 */
export function ladderLevel(service: Service, ctx: ScoringContext): ScoreLevel {
  const subject = checkSubject(service, ctx);
  let level: ScoreLevel = 'none';
  for (const rung of MATURITY_LEVELS) {
    for (const check of LADDER_CHECKS) {
      if (check.level === rung && check.evaluate(subject).outcome !== 'pass') {
        return level;
      }
    }
    level = rung;
  }
  return level;
}
