/**
 * A period report from Prometheus' answers to its queries (queries.ts). Definitions:
 *
 * - **Attainment**: good events over events of the period (`1 − errors / events`), from the hourly
 *   tiles; for a freeform SLI, `1 −` the mean of its 5-minute error ratio (every 5 minutes weigh
 *   the same, whatever their traffic).
 * - **Budget spent**: errors over the errors the objective allows over the period's events,
 *   `errors / ((1 − objective) × events)`; over 100 % the budget was overspent.
 * - **Worst day**: the 24 hours from the period's start (then each next day) with the lowest
 *   attainment.
 * - **Incidents**: incidents of the SLO (src/domain/incidents) that started in its period.
 * - **Met**: attainment at or above the objective; no events is neither met nor missed.
 * - **Owner totals**: good events over events across the owner's weighted SLOs with data.
 */
import { DEFAULT_TIME_ZONE } from '../budget/period';
import { detectIncidents, FiringSeries, firingFromForState, Incident, RawSeries } from '../incidents';
import { RegistryDocument, Slo } from '../model';
import { isCountableSli } from '../query/sli';
import { LABEL_ID } from '../rules/names';
import { BoundsGroup, ReportPlan } from './plan';
import { DAY_MS, daysQueryId, ERRORS, figuresQueryId, INCIDENTS_QUERY_ID, MEASURE, RATIO, TOTAL } from './queries';
import {
  OwnerReport,
  OwnerTotals,
  PeriodReport,
  ReportAnswers,
  ReportFailure,
  ServiceReport,
  SloOutcome,
  SloReport,
  WorstDay,
} from './types';

interface Measures {
  errors?: number;
  total?: number;
  ratio?: number;
}

/** The last sample of each SLO's measures in an instant answer. */
function readMeasures(series: RawSeries[] | undefined): Map<string, Measures> {
  const bySlo = new Map<string, Measures>();
  for (const { labels, samples } of series ?? []) {
    const id = labels[LABEL_ID];
    const value = samples.at(-1)?.[1];
    if (!id || value === undefined) {
      continue;
    }
    const measures = bySlo.get(id) ?? {};
    const measure = labels[MEASURE];
    if (measure === ERRORS || measure === TOTAL || measure === RATIO) {
      measures[measure] = value;
    }
    bySlo.set(id, measures);
  }
  return bySlo;
}

/** Each SLO's measures at each step of a range answer, by step time. */
function readDays(series: RawSeries[] | undefined): Map<string, Map<number, Measures>> {
  const bySlo = new Map<string, Map<number, Measures>>();
  for (const { labels, samples } of series ?? []) {
    const id = labels[LABEL_ID];
    const measure = labels[MEASURE];
    if (!id || (measure !== ERRORS && measure !== TOTAL && measure !== RATIO)) {
      continue;
    }
    const days = bySlo.get(id) ?? new Map<number, Measures>();
    for (const [time, value] of samples) {
      days.set(time, { ...days.get(time), [measure]: value });
    }
    bySlo.set(id, days);
  }
  return bySlo;
}

/** The error ratio of measures: errors over events, or the recorded mean ratio; undefined without events. */
function errorRatioOf(measures: Measures | undefined, weighted: boolean): number | undefined {
  if (!measures) {
    return undefined;
  }
  if (!weighted) {
    return measures.ratio !== undefined && Number.isFinite(measures.ratio) ? measures.ratio : undefined;
  }
  const { errors = 0, total } = measures;
  return total !== undefined && total > 0 ? Math.min(1, Math.max(0, errors / total)) : undefined;
}

function worstDayOf(days: Map<number, Measures> | undefined, weighted: boolean): WorstDay | undefined {
  let worst: WorstDay | undefined;
  for (const [end, measures] of [...(days ?? [])].sort(([a], [b]) => a - b)) {
    const ratio = errorRatioOf(measures, weighted);
    if (ratio !== undefined && (!worst || (1 - ratio) * 100 < worst.attainment)) {
      worst = { start: new Date(end - DAY_MS).toISOString(), attainment: (1 - ratio) * 100 };
    }
  }
  return worst;
}

/** Met when the attainment reaches the objective; a hair of floating-point error is forgiven. */
function outcomeOf(attainment: number | undefined, objective: number): SloOutcome {
  if (attainment === undefined) {
    return 'noData';
  }
  return attainment >= objective - 1e-9 ? 'met' : 'missed';
}

interface SloInputs {
  slo: Slo;
  group: BoundsGroup;
  measures?: Measures;
  days?: Map<number, Measures>;
  incidents: number;
}

/** One SLO's line of the report. */
export function sloReport({ slo, group, measures, days, incidents }: SloInputs): SloReport {
  const weighted = isCountableSli(slo.sli);
  const ratio = errorRatioOf(measures, weighted);
  const allowed = 1 - slo.objective / 100;
  const attainment = ratio === undefined ? undefined : (1 - ratio) * 100;
  const total = measures?.total ?? 0;
  const worstDay = worstDayOf(days, weighted);
  return {
    sloId: slo.id,
    name: slo.name,
    serviceId: slo.serviceId,
    objective: slo.objective,
    timeZone: slo.timeZone || DEFAULT_TIME_ZONE,
    start: new Date(group.start).toISOString(),
    end: new Date(group.end).toISOString(),
    weighted,
    ...(weighted && ratio !== undefined
      ? { events: { total, good: total - Math.min(total, measures?.errors ?? 0) } }
      : {}),
    ...(attainment === undefined ? {} : { attainment, budgetSpent: (ratio! / allowed) * 100 }),
    ...(worstDay ? { worstDay } : {}),
    incidents,
    outcome: outcomeOf(attainment, slo.objective),
  };
}

/** Totals of an owner's SLOs: events summed across the weighted ones, outcomes counted. */
export function ownerTotals(slos: SloReport[]): OwnerTotals {
  const totals: OwnerTotals = {
    events: { total: 0, good: 0 },
    met: 0,
    missed: 0,
    noData: 0,
    unweighted: 0,
    incidents: 0,
  };
  for (const slo of slos) {
    totals[slo.outcome] += 1;
    totals.incidents += slo.incidents;
    if (!slo.weighted) {
      totals.unweighted += 1;
    } else if (slo.events) {
      totals.events.total += slo.events.total;
      totals.events.good += slo.events.good;
    }
  }
  return totals.events.total > 0 ? { ...totals, attainment: (totals.events.good / totals.events.total) * 100 } : totals;
}

/** Incidents per SLO that started within that SLO's bounds. */
function incidentCounts(
  firing: FiringSeries[] | undefined,
  plan: ReportPlan,
  groupOf: Map<string, BoundsGroup>
): Map<string, number> {
  const counts = new Map<string, number>();
  if (!firing) {
    return counts;
  }
  const serviceOf = new Map(plan.slos.map((slo) => [slo.id, slo.serviceId]));
  const incidents: Incident[] = detectIncidents(firing, {
    serviceOf: (sloId) => serviceOf.get(sloId),
  });
  for (const incident of incidents) {
    const group = groupOf.get(incident.sloId);
    if (group && incident.start >= group.start && incident.start < group.end) {
      counts.set(incident.sloId, (counts.get(incident.sloId) ?? 0) + 1);
    }
  }
  return counts;
}

/** The SLO reports grouped by business owner (owners by name, services without one last) and service. */
function byOwner(doc: RegistryDocument, slos: SloReport[]): OwnerReport[] {
  const people = new Map(doc.people.map((person) => [person.id, person.name]));
  const owners = new Map<string, OwnerReport>();
  for (const service of doc.services) {
    const mine = slos.filter((slo) => slo.serviceId === service.id);
    if (mine.length === 0) {
      continue;
    }
    const ownerId = service.owners.businessOwner;
    const key = ownerId ?? '';
    const owner = owners.get(key) ?? {
      ...(ownerId ? { ownerId } : {}),
      ownerName: ownerId ? (people.get(ownerId) ?? ownerId) : '',
      services: [],
      totals: ownerTotals([]),
    };
    owner.services.push({ serviceId: service.id, name: service.name, slos: mine } satisfies ServiceReport);
    owners.set(key, owner);
  }
  return [...owners.values()]
    .map((owner) => ({ ...owner, totals: ownerTotals(owner.services.flatMap((service) => service.slos)) }))
    .sort((a, b) => Number(!a.ownerId) - Number(!b.ownerId) || a.ownerName.localeCompare(b.ownerName));
}

/** The firing periods of the page alerts in Prometheus' `ALERTS_FOR_STATE` answer, if it answered. */
function firingOf(series: RawSeries[] | undefined, plan: ReportPlan): FiringSeries[] | undefined {
  return series && firingFromForState(series, Math.max(...plan.groups.map((group) => group.readEnd)));
}

/**
 * The report of `plan` from the answers to its queries; `failures` lists the queries that failed,
 * whose parts of the report stay empty. `firing` gives the page alerts' firing periods read
 * elsewhere (Grafana's alert state history) instead of the incidents query's answer.
 */
export function buildReport(
  doc: RegistryDocument,
  plan: ReportPlan,
  answers: ReportAnswers,
  failures: ReportFailure[] = [],
  firing: FiringSeries[] | undefined = firingOf(answers[INCIDENTS_QUERY_ID], plan)
): PeriodReport {
  const groupOf = new Map(plan.groups.flatMap((group) => group.sloIds.map((id) => [id, group] as const)));
  const incidents = incidentCounts(firing, plan, groupOf);
  const figures = new Map(plan.groups.map((group) => [group.key, readMeasures(answers[figuresQueryId(group)])]));
  const days = new Map(plan.groups.map((group) => [group.key, readDays(answers[daysQueryId(group)])]));
  const slos = plan.slos.flatMap((slo) => {
    const group = groupOf.get(slo.id);
    return group
      ? [
          sloReport({
            slo,
            group,
            measures: figures.get(group.key)?.get(slo.id),
            days: days.get(group.key)?.get(slo.id),
            incidents: incidents.get(slo.id) ?? 0,
          }),
        ]
      : [];
  });
  return {
    unit: plan.unit,
    period: plan.period,
    status: plan.ended ? 'ended' : 'inProgress',
    generatedAt: new Date(plan.now).toISOString(),
    owners: byOwner(doc, slos),
    failures,
  };
}

/** Whether any SLO of the report had events (or a ratio) in the period. */
export function hasData(report: PeriodReport): boolean {
  return report.owners.some((owner) =>
    owner.services.some((service) => service.slos.some((slo) => slo.outcome !== 'noData'))
  );
}
