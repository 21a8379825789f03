/**
 * The incident report of a window: incidents detected from the firing page alerts, acknowledged,
 * costed and checked against the outage policy, then summed per service and per business owner.
 * Everything read from Prometheus or Grafana comes in as plain values, so the whole chain is pure.
 */
import { RegistryDocument } from '../model';
import { acknowledgeIncidents } from './acknowledge';
import { DetectOptions, detectIncidents } from './detect';
import { incidentDuration, incidentImpact } from './impact';
import { POSTMORTEM_BUDGET_SHARE, postmortemState } from './postmortem';
import { incidentStats, summarizeOwners, summarizeServices } from './summary';
import {
  Acknowledgement,
  AssessedIncident,
  EventBucket,
  FiringSeries,
  IncidentReport,
  RevenueRate,
  Silence,
  SloBudgetInput,
} from './types';

export interface IncidentInputs {
  doc: Pick<RegistryDocument, 'services' | 'slos'>;
  /** The reporting window; `to` is also the read time, the end of open incidents. */
  window: { from: number; to: number };
  /** Firing periods of alert series (any alerts; the page burn alerts are picked out). */
  series: FiringSeries[];
  /** Acknowledgements recorded in the app. */
  acknowledgements?: Acknowledgement[];
  /** Grafana alerting silences. */
  silences?: Silence[];
  /** 5-minute increases by SLO id. */
  buckets?: ReadonlyMap<string, EventBucket[]>;
  /** Period allowances and window errors by SLO id. */
  budgets?: ReadonlyMap<string, SloBudgetInput>;
  /** Revenue rates by service id. */
  revenue?: ReadonlyMap<string, RevenueRate>;
  options?: Pick<DetectOptions, 'mergeGapMs'> & {
    /** Budget share above which a postmortem is required; default 0.2. */
    postmortemShare?: number;
  };
}

/** The report for the window: incidents that started in it, latest first, and their summaries. */
export function assessIncidents(inputs: IncidentInputs): IncidentReport {
  const { doc, window } = inputs;
  const serviceBySlo = new Map(doc.slos.map((slo) => [slo.id, slo.serviceId]));
  const services = new Map(doc.services.map((service) => [service.id, service]));
  const detected = detectIncidents(inputs.series, {
    mergeGapMs: inputs.options?.mergeGapMs,
    serviceOf: (sloId) => serviceBySlo.get(sloId),
  }).filter((incident) => incident.start >= window.from && incident.start < window.to);
  const budgets = inputs.budgets ?? new Map<string, SloBudgetInput>();
  const incidents: AssessedIncident[] = acknowledgeIncidents(detected, inputs.acknowledgements, inputs.silences)
    .map((incident) => {
      const impact = incidentImpact(incident, {
        buckets: inputs.buckets?.get(incident.sloId),
        budget: budgets.get(incident.sloId),
        revenue: inputs.revenue?.get(incident.serviceId),
        now: window.to,
      });
      const links = services.get(incident.serviceId)?.links ?? [];
      const { state, link } = postmortemState(
        incident,
        impact,
        links,
        inputs.options?.postmortemShare ?? POSTMORTEM_BUDGET_SHARE
      );
      return {
        ...incident,
        durationMs: incidentDuration(incident, window.to),
        impact,
        postmortem: link ? { state, link: { title: link.title, url: link.url } } : { state },
      };
    })
    .sort((a, b) => b.start - a.start || a.sloId.localeCompare(b.sloId));
  const sloIdsByService = new Map<string, string[]>();
  for (const slo of doc.slos) {
    sloIdsByService.set(slo.serviceId, [...(sloIdsByService.get(slo.serviceId) ?? []), slo.id]);
  }
  return {
    window,
    incidents,
    stats: incidentStats(incidents),
    services: summarizeServices(doc.services, sloIdsByService, incidents, budgets),
    owners: summarizeOwners(doc.services, incidents),
  };
}

/** The resolved incidents that required a postmortem and have none linked. */
export function incidentsWithoutPostmortem(report: IncidentReport): AssessedIncident[] {
  return report.incidents.filter((incident) => incident.postmortem.state === 'missing');
}
