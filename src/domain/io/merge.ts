import { Person, RegistryDocument, Service, Slo } from '../model';
import { EditAuthor, putService } from '../registryView/edits';
import { isFields } from '../validation/checker';
import { orderKeys } from './keyOrder';
import { ImportedRegistry, newPerson, newService, newSlo } from './importResult';

export interface ImportChange {
  /** `setting`: an app setting the import turns on, named by `id` (e.g. `slothSeries`). */
  kind: 'service' | 'slo' | 'person' | 'setting';
  id: string;
  action: 'create' | 'update' | 'unchanged';
}

export interface MergeResult {
  doc: RegistryDocument;
  changes: ImportChange[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(orderKeys(a)) === JSON.stringify(orderKeys(b));

/**
 * Merges an imported entity into the current one. A field the source did not set still holds the
 * importer's default (`newService` etc.): it keeps the current value, so that importing a Backstage
 * catalog does not erase business owners, tiers or KPIs it knows nothing about. Nested objects
 * (owners, on-call, cost tags) merge key by key.
 */
function mergeEntity<T extends object>(current: T, imported: T, defaults: Partial<T>): T {
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(imported)) {
    const fallback = (defaults as Record<string, unknown>)[key];
    const existing = result[key];
    if (value === undefined || (fallback !== undefined && same(value, fallback))) {
      continue;
    }
    result[key] = isFields(value) && isFields(existing) && key !== 'sli' ? { ...existing, ...value } : value;
  }
  return result as T;
}

function mergeList<T extends { id: string }>(
  kind: ImportChange['kind'],
  current: T[],
  imported: T[],
  defaults: (entity: T) => Partial<T>,
  changes: ImportChange[]
): T[] {
  const result = [...current];
  for (const entity of imported) {
    const index = result.findIndex((existing) => existing.id === entity.id);
    if (index < 0) {
      result.push(entity);
      changes.push({ kind, id: entity.id, action: 'create' });
      continue;
    }
    const merged = mergeEntity(result[index], entity, defaults(entity));
    changes.push({ kind, id: entity.id, action: same(merged, result[index]) ? 'unchanged' : 'update' });
    result[index] = merged;
  }
  return result;
}

/**
 * Merges imported entities into the current registry by id, for a preview before saving: new ids
 * are created, known ids updated (see `mergeEntity` for what is kept), nothing is deleted. Owners
 * an import sets or changes are recorded in the service's owner history as the service form
 * records them (`putService`), by `author`. Settings the import needs are turned on, never off
 * (an import from Sloth: `slothSeries`). The revision is left for the save to increment;
 * validate the result before saving it.
 */
export function mergeImport(current: RegistryDocument, imported: ImportedRegistry, author: EditAuthor): MergeResult {
  const changes: ImportChange[] = [];
  const people = mergeList<Person>('person', current.people, imported.people, (p) => newPerson(p.id), changes);
  const merged = mergeList<Service>('service', current.services, imported.services, (s) => newService(s.id), changes);
  // The SLI and service of an imported SLO are always what the source says.
  const sloDefaults = (slo: Slo): Partial<Slo> => ({
    ...newSlo(slo.id, slo.serviceId, slo.sli),
    sli: undefined,
    serviceId: undefined,
  });
  const slos = mergeList<Slo>('slo', current.slos, imported.slos, sloDefaults, changes);
  const touched = new Set(imported.services.map((service) => service.id));
  const doc = merged
    .filter((service) => touched.has(service.id))
    .reduce(
      (next, service) => {
        const known = current.services.some((existing) => existing.id === service.id);
        return putService(next, service, author, known ? service.id : undefined);
      },
      { ...current, people, slos }
    );
  if (imported.settings?.slothSeries && !current.settings.slothSeries) {
    changes.push({ kind: 'setting', id: 'slothSeries', action: 'update' });
    return { doc: { ...doc, settings: { ...doc.settings, slothSeries: true } }, changes };
  }
  return { doc, changes };
}
