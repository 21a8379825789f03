/**
 * One flat row per SLO for the SLO list: the registry facts and the measured values, computed once
 * per registry and measurement so that filtering and sorting 2,000 SLOs is a cheap pass over rows.
 */
import { RegistryDocument, SliKind } from '../../../domain/model';
import { teamOf } from '../../../domain/registryView/serviceRows';
import { SloAlert, SloMeasurement, ValueSource, NoDataReason, UNKNOWN_ALERT } from '../../../api/sloValues/types';
import { GroupSummary } from './groupValues';

/** The list's status filter: spent budget, budget burning faster than sustainable, no data, fine. */
export const SLO_STATUSES = ['exhausted', 'burning', 'noData', 'ok'] as const;
export type SloListStatus = (typeof SLO_STATUSES)[number];

export interface SloRow {
  id: string;
  name: string;
  serviceId: string;
  serviceName: string;
  ownerId?: string;
  ownerName?: string;
  team?: string;
  objective: number;
  window: string;
  kind: SliKind;
  sli?: number;
  budgetLeft?: number;
  burnRate?: number;
  alert: SloAlert;
  /** `undefined` while the values are being read. */
  source?: ValueSource;
  reason?: NoDataReason;
  status: SloListStatus;
  /** The labels of a grouped SLO, and once read its group count and worst group. */
  groupBy?: string[];
  groups?: GroupSummary;
  /** Lower-case id, name, service, owner and team, for the search box. */
  searchText: string;
}

/**
 * Status of a measured SLO: `exhausted` once the budget is spent, `burning` while it burns faster
 * than sustainable (burn rate above 1) or a burn alert fires, `noData` without a budget value.
 */
export function listStatus(measurement: SloMeasurement | undefined): SloListStatus {
  if (!measurement || measurement.budgetLeft === undefined || !Number.isFinite(measurement.budgetLeft)) {
    return 'noData';
  }
  if (measurement.budgetLeft <= 0) {
    return 'exhausted';
  }
  if ((measurement.burnRate ?? 0) > 1 || measurement.alert.status === 'firing') {
    return 'burning';
  }
  return 'ok';
}

/**
 * Rows of every SLO of `doc`, in document order; `measurements` and the grouped SLOs' `groups`
 * undefined while loading.
 */
export function buildSloRows(
  doc: RegistryDocument,
  measurements?: Record<string, SloMeasurement>,
  groups?: Record<string, GroupSummary>
): SloRow[] {
  const services = new Map(doc.services.map((service) => [service.id, service]));
  const people = new Map(doc.people.map((person) => [person.id, person]));
  const teams = new Map(doc.people.map((person) => [person.id, person.team]));
  return doc.slos.map((slo) => {
    const service = services.get(slo.serviceId);
    const ownerId = service?.owners.businessOwner;
    const ownerName = ownerId ? (people.get(ownerId)?.name ?? ownerId) : undefined;
    const team = service ? teamOf(service, teams) : undefined;
    const measured = measurements?.[slo.id];
    return {
      id: slo.id,
      name: slo.name,
      serviceId: slo.serviceId,
      serviceName: service?.name ?? slo.serviceId,
      ownerId,
      ownerName,
      team,
      objective: slo.objective,
      window: slo.window,
      kind: slo.sli.kind,
      sli: measured?.sli,
      budgetLeft: measured?.budgetLeft,
      burnRate: measured?.burnRate,
      alert: measured?.alert ?? UNKNOWN_ALERT,
      source: measured?.source,
      reason: measured?.reason,
      status: listStatus(measured),
      ...(slo.groupBy?.length ? { groupBy: slo.groupBy, groups: groups?.[slo.id] } : {}),
      searchText: [slo.id, slo.name, slo.serviceId, service?.name, ownerName, team]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
    };
  });
}
