import { Person, RegistryDocument, Service, Slo } from '../model';
import { IncidentPostmortem, LiveValues } from '../registryView/liveValues';
import { FAILURE_MODE_CHECKS } from './failureModes';
import { LADDER_CHECKS } from './ladderChecks';
import { CheckResult, CheckSubject, GovernanceCheck, MATURITY_LEVELS, Scorecard, ScoreLevel } from './types';

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

/**
 * The scorecard of one service: every check's verdict with its evidence, the ladder level reached
 * (the highest rung whose checks, and those of every rung below, all pass) and the failure modes
 * that fail. A check that cannot decide (`unknown`) does not count as passed.
 */
export function scoreService(service: Service, ctx: ScoringContext): Scorecard {
  const subject: CheckSubject = {
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
  const results: CheckResult[] = GOVERNANCE_CHECKS.map((check) => ({
    id: check.id,
    kind: check.kind,
    level: check.level,
    ...check.evaluate(subject),
  }));
  let level: ScoreLevel = 'none';
  let next: Scorecard['next'];
  for (const rung of MATURITY_LEVELS) {
    const missing = results
      .filter((result) => result.level === rung && result.outcome !== 'pass')
      .map((result) => result.id);
    if (missing.length > 0) {
      next = { level: rung, missing };
      break;
    }
    level = rung;
  }
  const failureModes = (outcome: CheckResult['outcome']) =>
    results.filter((result) => result.kind === 'failureMode' && result.outcome === outcome).map((result) => result.id);
  return {
    serviceId: service.id,
    level,
    next,
    results,
    failing: failureModes('fail'),
    unknown: failureModes('unknown'),
  };
}

/** Scorecards of every service of `doc`, in document order. */
export function scoreRegistry(doc: RegistryDocument, live?: LiveValues): Scorecard[] {
  const ctx = scoringContext(doc, live);
  return doc.services.map((service) => scoreService(service, ctx));
}
