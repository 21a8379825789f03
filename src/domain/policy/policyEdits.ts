/**
 * Edits of a service's budget-policy record (sign-off, exceptions) as pure functions from one
 * registry to the next, and the one-line summary the history shows for them.
 */
import { adjustmentChanges } from '../adjustments/adjustmentEdits';
import { sameValue } from '../diff';
import { PolicyException, RegistryDocument, Service, ServiceBudgetPolicy } from '../model';
import { freeSlug } from '../slugs';
import { EXCEPTION_KIND_TEXT } from './exceptions';

function editPolicy(
  doc: RegistryDocument,
  serviceId: string,
  edit: (policy: ServiceBudgetPolicy) => ServiceBudgetPolicy
): RegistryDocument {
  const services = doc.services.map((service) =>
    service.id === serviceId ? { ...service, budgetPolicy: edit(service.budgetPolicy ?? {}) } : service
  );
  return { ...doc, services };
}

/** Records the sign-off of the service's policy by `by` at `at` (ISO 8601), replacing an earlier one. */
export function signOffPolicy(doc: RegistryDocument, serviceId: string, by: string, at: string): RegistryDocument {
  return editPolicy(doc, serviceId, (policy) => ({ ...policy, signOff: { by, at } }));
}

/** Adds an exception to the service's policy. */
export function addPolicyException(
  doc: RegistryDocument,
  serviceId: string,
  exception: PolicyException
): RegistryDocument {
  return editPolicy(doc, serviceId, (policy) => ({ ...policy, exceptions: [...(policy.exceptions ?? []), exception] }));
}

/**
 * Ends an exception at `at` (ISO 8601): its `to` becomes `at` when that is earlier; one that has
 * not started by then never takes effect and is removed.
 */
export function endPolicyException(doc: RegistryDocument, serviceId: string, id: string, at: string): RegistryDocument {
  const when = Date.parse(at);
  return editPolicy(doc, serviceId, (policy) => ({
    ...policy,
    exceptions: (policy.exceptions ?? []).flatMap((exception) => {
      if (exception.id !== id || when >= Date.parse(exception.to)) {
        return [exception];
      }
      return when <= Date.parse(exception.from) ? [] : [{ ...exception, to: at }];
    }),
  }));
}

/** A free exception id for the service, from its reason: `inc-12`, `inc-12-2`, … */
export function newExceptionId(service: Service, reason: string): string {
  return freeSlug(
    reason,
    new Set((service.budgetPolicy?.exceptions ?? []).map((exception) => exception.id)),
    'exception'
  );
}

/**
 * Sentences on what changed in a service's policy record, e.g. `Policy signed off by ana`, its
 * budget adjustments' included (`Adjustment db-upgrade approved by ana`).
 */
function policyChanges(before: ServiceBudgetPolicy, after: ServiceBudgetPolicy): string[] {
  const lines: string[] = [];
  if (after.signOff && !sameValue(before.signOff, after.signOff)) {
    lines.push(`Policy signed off by ${after.signOff.by}`);
  } else if (before.signOff && !after.signOff) {
    lines.push('Policy sign-off withdrawn');
  }
  const earlier = new Map((before.exceptions ?? []).map((exception) => [exception.id, exception]));
  const later = new Map((after.exceptions ?? []).map((exception) => [exception.id, exception]));
  for (const [id, exception] of later) {
    const previous = earlier.get(id);
    if (!previous) {
      lines.push(`Policy exception ${id} added (${EXCEPTION_KIND_TEXT[exception.kind]}: ${exception.reason})`);
    } else if (
      Date.parse(exception.to) < Date.parse(previous.to) &&
      sameValue({ ...previous, to: exception.to }, exception)
    ) {
      lines.push(`Policy exception ${id} ended`);
    } else if (!sameValue(previous, exception)) {
      lines.push(`Policy exception ${id} changed`);
    }
  }
  for (const id of earlier.keys()) {
    if (!later.has(id)) {
      lines.push(`Policy exception ${id} removed`);
    }
  }
  return [...lines, ...adjustmentChanges(before.adjustments, after.adjustments)];
}

/**
 * The history's one-line summary of a save that changes nothing but one service's policy record
 * (its sign-off or exceptions), e.g. `Policy signed off by ana`; `undefined` for any other save.
 */
export function policyChangeSummary(before: RegistryDocument, after: RegistryDocument): string | undefined {
  if (
    !sameValue(before.settings, after.settings) ||
    !sameValue(before.people, after.people) ||
    !sameValue(before.slos, after.slos) ||
    before.services.length !== after.services.length
  ) {
    return undefined;
  }
  const changed = after.services.filter((service, index) => !sameValue(before.services[index], service));
  if (changed.length !== 1) {
    return undefined;
  }
  const [service] = changed;
  const previous = before.services[after.services.indexOf(service)];
  const { budgetPolicy: was, ...rest } = previous;
  const { budgetPolicy: is, ...next } = service;
  if (!sameValue(rest, next)) {
    return undefined;
  }
  const lines = policyChanges(was ?? {}, is ?? {});
  return lines.length > 0 ? lines.join('; ') : undefined;
}
