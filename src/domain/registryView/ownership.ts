/** Who owns what: the people directory and a person's services, by role. */
import { OWNER_ROLES, OwnerRole, Person, RegistryDocument, Service } from '../model';

export interface OwnedService {
  service: Service;
  /** The roles the person holds for the service, in {@link OWNER_ROLES} order. */
  roles: OwnerRole[];
  /** Whether the person is in the service's on-call escalation chain. */
  onEscalation: boolean;
}

/** The services `personId` holds a role for or is on the escalation chain of, in document order. */
export function servicesOf(doc: RegistryDocument, personId: string): OwnedService[] {
  return doc.services.flatMap((service) => {
    const roles = OWNER_ROLES.filter((role) => service.owners[role] === personId);
    const onEscalation = service.onCall?.escalation?.includes(personId) ?? false;
    return roles.length > 0 || onEscalation ? [{ service, roles, onEscalation }] : [];
  });
}

export interface DirectoryRow {
  person: Person;
  /** Number of services per role held. */
  roles: Record<OwnerRole, number>;
  /** Services the person holds any role for. */
  services: number;
}

/** One row per person with how many services they hold each role for, computed in one pass. */
export function peopleDirectory(doc: RegistryDocument): DirectoryRow[] {
  const rows = new Map<string, DirectoryRow>(
    doc.people.map((person) => [
      person.id,
      {
        person,
        roles: Object.fromEntries(OWNER_ROLES.map((role) => [role, 0])) as Record<OwnerRole, number>,
        services: 0,
      },
    ])
  );
  for (const service of doc.services) {
    const counted = new Set<string>();
    for (const role of OWNER_ROLES) {
      const row = rows.get(service.owners[role] ?? '');
      if (row) {
        row.roles[role]++;
        if (!counted.has(row.person.id)) {
          counted.add(row.person.id);
          row.services++;
        }
      }
    }
  }
  return [...rows.values()];
}

/** Services without a business owner, whatever their tier. */
export function servicesWithoutBusinessOwner(doc: RegistryDocument): Service[] {
  return doc.services.filter((service) => !service.owners.businessOwner);
}
