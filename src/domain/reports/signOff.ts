/**
 * Signing a period off: a business owner's record that they saw their services' report of an ended
 * period. Only the owner may sign (the signed-in user whose login is the person's id or whose
 * email is the person's email); the report's figures never change with it.
 */
import { Person, RegistryDocument } from '../model';
import { FrozenReport, ReportSignOff } from './types';

/** Who is signed in: Grafana's login and email. */
export interface SignedInIdentity {
  login: string;
  email?: string;
}

/** Whether `user` is `person`: the login is the person's id, or the emails match (case aside). */
export function isPerson(person: Person | undefined, user: SignedInIdentity): boolean {
  if (!person) {
    return false;
  }
  const email = user.email?.trim().toLowerCase();
  return person.id === user.login || (!!email && person.email.trim().toLowerCase() === email);
}

/** The person ids among the report's business owners that `user` is. */
export function ownersSignedInAs(doc: RegistryDocument, ownerIds: string[], user: SignedInIdentity): string[] {
  const people = new Map(doc.people.map((person) => [person.id, person]));
  return ownerIds.filter((id) => isPerson(people.get(id), user));
}

/**
 * The frozen report with `ownerId`'s sign-off; a sign-off already there is kept (the first one
 * counts), and an owner who has no SLOs in the report cannot sign it.
 */
export function withSignOff(
  frozen: FrozenReport,
  ownerId: string,
  signOff: ReportSignOff
): FrozenReport | { message: string } {
  if (!frozen.report.owners.some((owner) => owner.ownerId === ownerId)) {
    return { message: `${ownerId} owns no service in the report of ${frozen.report.period}` };
  }
  if (frozen.signOffs[ownerId]) {
    return frozen;
  }
  return { ...frozen, signOffs: { ...frozen.signOffs, [ownerId]: signOff } };
}
