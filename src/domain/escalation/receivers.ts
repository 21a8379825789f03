/**
 * Receivers from the registry: one per on-call team for its pages and one for its tickets, one per
 * business owner, and the fallback. Names derive from team names and person ids only, so they stay
 * put while people join, leave or change address.
 */
import { fnv1a } from '../rules/uid';
import { Person, RegistryDocument, Service } from '../model';
import { DEFAULT_RECEIVER, RECEIVER_PREFIX } from './labels';
import { Receiver } from './types';

/** `Checkout On-call` → `checkout-on-call`: what receiver names may hold everywhere. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'team'
  );
}

/**
 * The slug of each team name; two names with the same slug (`Payments` and `payments`) each get
 * the hash of their own name appended, so neither takes the other's receiver.
 */
export function teamSlugs(teams: string[]): Map<string, string> {
  const bySlug = new Map<string, string[]>();
  for (const team of new Set(teams)) {
    bySlug.set(slug(team), [...(bySlug.get(slug(team)) ?? []), team]);
  }
  const slugs = new Map<string, string>();
  for (const [base, names] of bySlug) {
    for (const team of names) {
      slugs.set(team, names.length === 1 ? base : `${base}-${fnv1a(team)}`);
    }
  }
  return slugs;
}

export function pageReceiverName(teamSlug: string): string {
  return `${RECEIVER_PREFIX}page-${teamSlug}`;
}

export function ticketReceiverName(teamSlug: string): string {
  return `${RECEIVER_PREFIX}ticket-${teamSlug}`;
}

export function ownerReceiverName(personId: string): string {
  return `${RECEIVER_PREFIX}owner-${personId}`;
}

/** The fallback: no integration, for the admin to fill (Alertmanager accepts it empty). */
export function defaultReceiver(): Receiver {
  return { name: DEFAULT_RECEIVER, kind: 'default', emails: [], chat: [] };
}

/**
 * Who a team's receivers reach: the people the escalation chains of its services name (a team
 * name there stands for the people of that team), services in id order and each chain in its
 * order; then the people whose `team` is the on-call team.
 */
export function teamMembers(team: string, services: Service[], doc: RegistryDocument): Person[] {
  const people = new Map(doc.people.map((person) => [person.id, person]));
  const ofTeam = (name: string) => doc.people.filter((person) => person.team === name);
  const members: Person[] = [];
  for (const service of services.filter((candidate) => candidate.onCall?.team === team)) {
    for (const entry of service.onCall?.escalation ?? []) {
      const person = people.get(entry);
      members.push(...(person ? [person] : ofTeam(entry)));
    }
  }
  members.push(...ofTeam(team));
  return uniqueBy(members, (person) => person.id);
}

/** A receiver reaching `people`: their addresses and chat handles, each once. */
export function receiverFor(name: string, kind: Receiver['kind'], subject: string, people: Person[]): Receiver {
  const emails = uniqueBy(
    people.map((person) => person.email?.trim()).filter((email): email is string => Boolean(email)),
    (email) => email.toLowerCase()
  );
  const chat = uniqueBy(
    people.map((person) => person.chat?.trim()).filter((handle): handle is string => Boolean(handle)),
    (handle) => handle
  );
  return { name, kind, subject, emails, chat };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) {
      return false;
    }
    seen.add(k);
    return true;
  });
}
