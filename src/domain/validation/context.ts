import { Person, Service } from '../model';
import { ownerLabels } from '../rules/context';
import { at, Checker, Fields, isFields } from './checker';

/** Ids that references are checked against; built defensively from a possibly broken document. */
export interface RegistryContext {
  /** Absent when the document's list is broken, so that one broken list does not flag every reference. */
  people?: Set<string>;
  services?: Set<string>;
  /** Team names of people and on-call rotations, which escalation chains may name. */
  teams: Set<string>;
  /**
   * The owner labels the rules derive for the SLOs of each service (`tier`, `team`,
   * `business_owner`), by service id; only for services whose tier and owners can be read.
   */
  ownerLabels: Map<string, Record<string, string>>;
}

function stringsOf(list: unknown, read: (item: Record<string, unknown>) => unknown): string[] {
  if (!Array.isArray(list)) {
    return [];
  }
  return list
    .filter(isFields)
    .map(read)
    .filter((value): value is string => typeof value === 'string');
}

/** Collects the ids a document defines, or `undefined` when `doc` is not an object. */
export function contextOf(doc: unknown): RegistryContext | undefined {
  if (!isFields(doc)) {
    return undefined;
  }
  const onCallTeams = stringsOf(doc.services, (service) =>
    isFields(service.onCall) ? service.onCall.team : undefined
  );
  return {
    people: Array.isArray(doc.people) ? new Set(stringsOf(doc.people, (person) => person.id)) : undefined,
    services: Array.isArray(doc.services) ? new Set(stringsOf(doc.services, (service) => service.id)) : undefined,
    teams: new Set([...stringsOf(doc.people, (person) => person.team), ...onCallTeams]),
    ownerLabels: ownerLabelsOf(doc),
  };
}

function ownerLabelsOf(doc: Fields): Map<string, Record<string, string>> {
  const labels = new Map<string, Record<string, string>>();
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(isFields) : []);
  const people = new Map(
    list(doc.people)
      .filter((person) => typeof person.id === 'string')
      .map((person) => [person.id as string, person as unknown as Person])
  );
  for (const service of list(doc.services)) {
    if (typeof service.id === 'string' && typeof service.tier === 'number' && isFields(service.owners)) {
      labels.set(service.id, ownerLabels(service as unknown as Service, people));
    }
  }
  return labels;
}

/** Reports every item whose `id` repeats an earlier one, e.g. `services[3].id`. */
export function checkDuplicateIds(c: Checker, items: unknown[], path: string, what: string): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const id = isFields(item) ? item.id : undefined;
    if (typeof id !== 'string') {
      return;
    }
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
    } else {
      c.add(
        at(at(path, index), 'id'),
        `duplicate ${what} id "${id}": ${at(path, earlier)} already uses it; pick another id`
      );
    }
  });
}
