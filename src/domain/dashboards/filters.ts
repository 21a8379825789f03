/**
 * Which services a dashboard covers: the executive view is filtered by business owner, team and
 * tier (and optionally by service), and every query names the selected services in one regex, so
 * the number of queries does not depend on how many services match.
 */
import { Person, RegistryDocument, Service, Tier } from '../model';
import { VariableOption } from './types';

export interface ExecutiveFilters {
  /** Person ids of business owners. */
  owners?: string[];
  /** Team names, as the rules label them (see {@link serviceTeam}). */
  teams?: string[];
  tiers?: Tier[];
  /** Service ids. */
  services?: string[];
}

/**
 * The team a service's recorded series are labelled with (`team`): its on-call team, else the
 * team of its service owner, else of its business owner. The rule generator labels series the
 * same way, so filtering the registry by team selects the same series as a `team` matcher.
 */
export function serviceTeam(service: Service, people: Map<string, Person>): string | undefined {
  const ownerTeam = (id?: string) => (id ? people.get(id)?.team : undefined);
  return service.onCall?.team ?? ownerTeam(service.owners.serviceOwner) ?? ownerTeam(service.owners.businessOwner);
}

/** Whether any filter is set: an empty filter selects every service. */
export function hasFilters(filters: ExecutiveFilters): boolean {
  return [filters.owners, filters.teams, filters.tiers, filters.services].some((list) => (list?.length ?? 0) > 0);
}

/** The services of `doc` that pass every non-empty filter, in registry order. */
export function selectServices(doc: RegistryDocument, filters: ExecutiveFilters): Service[] {
  const people = new Map(doc.people.map((person) => [person.id, person]));
  const passes = <T>(list: T[] | undefined, value: T | undefined) =>
    !list || list.length === 0 || (value !== undefined && list.includes(value));
  return doc.services.filter(
    (service) =>
      passes(filters.owners, service.owners.businessOwner) &&
      passes(filters.teams, serviceTeam(service, people)) &&
      passes(filters.tiers, service.tier) &&
      passes(filters.services, service.id)
  );
}

export interface FilterOptions {
  owners: VariableOption[];
  teams: VariableOption[];
  tiers: VariableOption[];
}

/** The values each filter can take in `doc`: business owners (by name), teams and tiers in use. */
export function filterOptions(doc: RegistryDocument): FilterOptions {
  const people = new Map(doc.people.map((person) => [person.id, person]));
  const owners = unique(doc.services.map((service) => service.owners.businessOwner));
  const teams = unique(doc.services.map((service) => serviceTeam(service, people)));
  const tiers = unique(doc.services.map((service) => String(service.tier)));
  return {
    owners: owners
      .map((id) => ({ value: id, text: people.get(id)?.name ?? id }))
      .sort((a, b) => a.text.localeCompare(b.text)),
    teams: teams.sort().map((team) => ({ value: team, text: team })),
    tiers: tiers.sort().map((tier) => ({ value: tier, text: `Tier ${tier}` })),
  };
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
