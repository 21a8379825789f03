/**
 * Edits of the registry as pure functions from one document to the next. Each returns a new
 * document and leaves its input untouched, so a refused save leaves nothing half-changed.
 */
import { OWNER_ROLES, OwnerChange, Owners, Person, RegistryDocument, Service } from '../model';
import { Problem } from '../problems';

/** Who makes an edit and when (ISO 8601). */
export interface EditAuthor {
  at: string;
  by?: string;
}

/** One owner change per role whose person changed from `before` to `after`. */
export function ownerChanges(before: Owners, after: Owners, author: EditAuthor): OwnerChange[] {
  return OWNER_ROLES.flatMap((role) => {
    const from = before[role] || undefined;
    const to = after[role] || undefined;
    if (from === to) {
      return [];
    }
    const change: OwnerChange = { role, at: author.at };
    if (from) {
      change.from = from;
    }
    if (to) {
      change.to = to;
    }
    if (author.by) {
      change.by = author.by;
    }
    return [change];
  });
}

/**
 * Puts `service` into `doc`: replaces the service stored as `originalId`, or appends a new one.
 * The owner history is the stored one (a form cannot rewrite it) followed by the owner changes
 * of this edit; a new service records its first owners as changes from nobody.
 */
export function putService(
  doc: RegistryDocument,
  service: Service,
  author: EditAuthor,
  originalId?: string
): RegistryDocument {
  const previous = originalId === undefined ? undefined : doc.services.find((item) => item.id === originalId);
  const history = [...(previous?.ownerHistory ?? []), ...ownerChanges(previous?.owners ?? {}, service.owners, author)];
  const next: Service = { ...service, ownerHistory: history };
  const services = previous ? doc.services.map((item) => (item === previous ? next : item)) : [...doc.services, next];
  return { ...doc, services };
}

/** What happens to a deleted service's SLOs: deleted with it, or moved to another service. */
export type SloDisposal = { kind: 'delete' } | { kind: 'move'; to: string };

/** Services that list `serviceId` in their `dependsOn`. */
export function dependentsOf(doc: RegistryDocument, serviceId: string): Service[] {
  return doc.services.filter((service) => service.dependsOn.includes(serviceId));
}

/**
 * Deletes a service, deals with its SLOs as `disposal` says, and removes it from the `dependsOn`
 * of the services that depended on it (a dangling reference would make the registry invalid).
 */
export function deleteService(doc: RegistryDocument, serviceId: string, disposal: SloDisposal): RegistryDocument {
  const services = doc.services
    .filter((service) => service.id !== serviceId)
    .map((service) =>
      service.dependsOn.includes(serviceId)
        ? { ...service, dependsOn: service.dependsOn.filter((id) => id !== serviceId) }
        : service
    );
  const slos =
    disposal.kind === 'delete'
      ? doc.slos.filter((slo) => slo.serviceId !== serviceId)
      : doc.slos.map((slo) => (slo.serviceId === serviceId ? { ...slo, serviceId: disposal.to } : slo));
  return { ...doc, services, slos };
}

/** Puts `person` into `doc`, replacing the person stored as `originalId` or appending a new one. */
export function putPerson(doc: RegistryDocument, person: Person, originalId?: string): RegistryDocument {
  const exists = originalId !== undefined && doc.people.some((item) => item.id === originalId);
  const people = exists ? doc.people.map((item) => (item.id === originalId ? person : item)) : [...doc.people, person];
  return { ...doc, people };
}

export interface PersonReference {
  serviceId: string;
  serviceName: string;
  /** An owner role, or `escalation` for the on-call chain. */
  as: string;
}

/** Where services name `personId`: owner roles and escalation chains. */
export function personReferences(doc: RegistryDocument, personId: string): PersonReference[] {
  return doc.services.flatMap((service) => {
    const roles: string[] = OWNER_ROLES.filter((role) => service.owners[role] === personId);
    if (service.onCall?.escalation?.includes(personId)) {
      roles.push('escalation');
    }
    return roles.map((as) => ({ serviceId: service.id, serviceName: service.name, as }));
  });
}

/** Deletes a person; callers first check {@link personReferences}, as references would dangle. */
export function deletePerson(doc: RegistryDocument, personId: string): RegistryDocument {
  return { ...doc, people: doc.people.filter((person) => person.id !== personId) };
}

/**
 * Problems of `after` that `before` did not have (same path and message): what an edit broke.
 * A registry that was already invalid elsewhere does not block an unrelated edit.
 */
export function newProblems(before: Problem[], after: Problem[]): Problem[] {
  const known = new Set(before.map((problem) => `${problem.path}\n${problem.message}`));
  return after.filter((problem) => problem.severity !== 'warning' && !known.has(`${problem.path}\n${problem.message}`));
}
