/**
 * Response figures over a window, per service and per business owner:
 *
 * - **Count**: incidents that started in the window (open ones included).
 * - **MTTA** (mean time to acknowledge): the mean of acknowledgement − start over the
 *   incidents that were acknowledged while open. Unacknowledged incidents, and those acknowledged
 *   only after their resolution, are left out of the mean and counted apart (`unacknowledged`), so
 *   a low MTTA is read next to how many pages nobody took.
 * - **MTTR** (mean time to resolve): the mean of resolution − start over the resolved incidents;
 *   open ones are left out and counted apart (`open`).
 * - **Budget by incidents vs background**, per SLO: the failed events during its incidents, and
 *   those of the whole window minus them, each over the failed events its period allows.
 */
import { Service } from '../model';
import { acknowledgedWhileOpen } from './acknowledge';
import { AssessedIncident, IncidentStats, OwnerIncidentSummary, ServiceIncidentSummary, SloBudgetInput } from './types';

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Count, MTTA, MTTR and failed events of `incidents`. */
export function incidentStats(incidents: AssessedIncident[]): IncidentStats {
  const acknowledged = incidents.filter(acknowledgedWhileOpen);
  const resolved = incidents.filter((incident) => incident.end !== undefined);
  const mttaMs = mean(acknowledged.map((incident) => (incident.acknowledged?.at ?? 0) - incident.start));
  const mttrMs = mean(resolved.map((incident) => (incident.end ?? 0) - incident.start));
  return {
    count: incidents.length,
    open: incidents.length - resolved.length,
    resolved: resolved.length,
    acknowledged: acknowledged.length,
    unacknowledged: incidents.length - acknowledged.length,
    ...(mttaMs === undefined ? {} : { mttaMs }),
    ...(mttrMs === undefined ? {} : { mttrMs }),
    failedEvents: incidents.reduce((sum, incident) => sum + (incident.impact.failedEvents ?? 0), 0),
    postmortemsMissing: incidents.filter((incident) => incident.postmortem.state === 'missing').length,
  };
}

/** The split of one SLO's window errors into incidents and background, as shares of its period budget. */
function budgetSplit(sloId: string, incidents: AssessedIncident[], input: SloBudgetInput | undefined) {
  const allowed = input?.periodAllowedFailures;
  if (allowed === undefined || allowed <= 0) {
    return { sloId };
  }
  const during = incidents
    .filter((incident) => incident.sloId === sloId)
    .reduce((sum, incident) => sum + (incident.impact.failedEvents ?? 0), 0);
  const split: { sloId: string; incidents: number; background?: number } = { sloId, incidents: during / allowed };
  if (input?.windowFailures !== undefined) {
    // Tiles and 5-minute spans disagree by a few minutes at the window's ends: never below zero.
    split.background = Math.max(0, input.windowFailures - during) / allowed;
  }
  return split;
}

/** One summary per service of `services` (in their order), with its SLOs' budget split. */
export function summarizeServices(
  services: Service[],
  sloIdsByService: ReadonlyMap<string, string[]>,
  incidents: AssessedIncident[],
  budgets: ReadonlyMap<string, SloBudgetInput>
): ServiceIncidentSummary[] {
  return services.map((service) => {
    const own = incidents.filter((incident) => incident.serviceId === service.id);
    return {
      serviceId: service.id,
      ...(service.owners.businessOwner ? { businessOwner: service.owners.businessOwner } : {}),
      stats: incidentStats(own),
      budget: (sloIdsByService.get(service.id) ?? []).map((sloId) => budgetSplit(sloId, own, budgets.get(sloId))),
    };
  });
}

/** One summary per business owner, over the incidents of every service they own; by person id. */
export function summarizeOwners(services: Service[], incidents: AssessedIncident[]): OwnerIncidentSummary[] {
  const byOwner = new Map<string, string[]>();
  for (const service of services) {
    const owner = service.owners.businessOwner;
    if (owner) {
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), service.id]);
    }
  }
  return [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, serviceIds]) => ({
      owner,
      serviceIds,
      stats: incidentStats(incidents.filter((incident) => serviceIds.includes(incident.serviceId))),
    }));
}
