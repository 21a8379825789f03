/**
 * Between the registry as pages use it (one `RegistryDocument`) and the documents it is stored in:
 * split it per service, put it back together from the index, compare two of them. Pure.
 */
import { sameValue } from '../../domain/diff';
import { AppSettings, Person, RegistryDocument, SCHEMA_VERSION, Service, Slo } from '../../domain/model';
import { IndexPayload } from './payloads';

/** A service with its SLOs: what one service document holds. */
export interface ServicePart {
  service: Service;
  slos: Slo[];
}

/** Document versions the registry was read at; a save sends them back for Grafana to check. */
export interface StoredVersions {
  index?: number;
  people?: number;
  /** By service id. */
  services: Record<string, number>;
}

/** The registry's services, each with its SLOs in registry order. */
export function splitByService(doc: RegistryDocument): Map<string, ServicePart> {
  const parts = new Map<string, ServicePart>(doc.services.map((service) => [service.id, { service, slos: [] }]));
  for (const slo of doc.slos) {
    parts.get(slo.serviceId)?.slos.push(slo);
  }
  return parts;
}

/** SLOs whose service is not in the registry: no document can hold them. */
export function orphanSlos(doc: RegistryDocument): Slo[] {
  const ids = new Set(doc.services.map((service) => service.id));
  return doc.slos.filter((slo) => !ids.has(slo.serviceId));
}

/** The registry an index describes, with the app's settings (kept in plugin settings) beside it. */
export function assembleRegistry(
  index: IndexPayload,
  indexVersion: number,
  settings: AppSettings
): { doc: RegistryDocument; versions: StoredVersions } {
  const doc: RegistryDocument = {
    schemaVersion: SCHEMA_VERSION,
    revision: indexVersion,
    ...(index.updatedAt ? { updatedAt: index.updatedAt } : {}),
    ...(index.updatedBy ? { updatedBy: index.updatedBy } : {}),
    settings,
    people: index.people.people,
    services: index.services.map((entry) => entry.service),
    slos: index.services.flatMap((entry) => entry.slos),
  };
  const versions: StoredVersions = {
    index: indexVersion,
    people: index.people.version || undefined,
    services: Object.fromEntries(index.services.map((entry) => [entry.service.id, entry.version])),
  };
  return { doc, versions };
}

/**
 * Whether two registries hold the same people, services, SLOs and settings. SLOs are compared
 * per service, since documents keep them with their service; bookkeeping fields do not count.
 */
export function sameContent(a: RegistryDocument, b: RegistryDocument): boolean {
  const partsA = splitByService(a);
  const partsB = splitByService(b);
  return (
    sameValue(a.settings, b.settings) &&
    sameValue(a.people, b.people) &&
    sameValue(
      a.services.map((s) => s.id),
      b.services.map((s) => s.id)
    ) &&
    [...partsA].every(([id, part]) => sameValue(part, partsB.get(id))) &&
    sameValue(orphanSlos(a), orphanSlos(b))
  );
}

/** Whether two people lists differ. */
export function peopleChanged(before: Person[], after: Person[]): boolean {
  return !sameValue(before, after);
}
