/**
 * Edits of a service's budget adjustments as pure functions from one registry to the next, and the
 * history's sentences for them (`Adjustment db-upgrade approved by ana`).
 */
import { sameValue } from '../diff';
import { BudgetAdjustment, PolicySignOff, RegistryDocument, Service } from '../model';
import { freeSlug } from '../slugs';
import { describeAdjustment } from './adjustments';

function editAdjustments(
  doc: RegistryDocument,
  serviceId: string,
  edit: (adjustments: BudgetAdjustment[]) => BudgetAdjustment[]
): RegistryDocument {
  const services = doc.services.map((service) => {
    if (service.id !== serviceId) {
      return service;
    }
    const policy = service.budgetPolicy ?? {};
    const adjustments = edit(policy.adjustments ?? []);
    const { adjustments: _dropped, ...rest } = policy;
    return { ...service, budgetPolicy: adjustments.length > 0 ? { ...rest, adjustments } : rest };
  });
  return { ...doc, services };
}

/** Adds an adjustment to the service; it is pending until the business owner approves it. */
export function addAdjustment(
  doc: RegistryDocument,
  serviceId: string,
  adjustment: BudgetAdjustment
): RegistryDocument {
  const { approval: _pending, ...recorded } = adjustment;
  return editAdjustments(doc, serviceId, (adjustments) => [...adjustments, recorded]);
}

/**
 * Replaces the adjustment of the same id. An approval covers what was approved, so a change of
 * anything but the approval makes it pending again.
 */
export function updateAdjustment(
  doc: RegistryDocument,
  serviceId: string,
  adjustment: BudgetAdjustment
): RegistryDocument {
  return editAdjustments(doc, serviceId, (adjustments) =>
    adjustments.map((existing) => {
      if (existing.id !== adjustment.id) {
        return existing;
      }
      const { approval, ...next } = adjustment;
      const { approval: _was, ...before } = existing;
      return approval && sameValue(before, next) ? { ...next, approval } : next;
    })
  );
}

/** Removes the adjustment `id` from the service. */
export function removeAdjustment(doc: RegistryDocument, serviceId: string, id: string): RegistryDocument {
  return editAdjustments(doc, serviceId, (adjustments) => adjustments.filter((adjustment) => adjustment.id !== id));
}

/** Records the business owner's approval of the adjustment `id`. */
export function approveAdjustment(
  doc: RegistryDocument,
  serviceId: string,
  id: string,
  approval: PolicySignOff
): RegistryDocument {
  return editAdjustments(doc, serviceId, (adjustments) =>
    adjustments.map((adjustment) => (adjustment.id === id ? { ...adjustment, approval } : adjustment))
  );
}

/** A free adjustment id for the service, from its reason: `database-upgrade`, `database-upgrade-2`, … */
export function newAdjustmentId(service: Service, reason: string): string {
  const taken = new Set((service.budgetPolicy?.adjustments ?? []).map((adjustment) => adjustment.id));
  return freeSlug(reason, taken, 'adjustment');
}

/**
 * Sentences on what changed in a service's adjustments, e.g. `Adjustment db-upgrade added
 * (maintenance: Database upgrade)` or `Adjustment db-upgrade approved by ana`.
 */
export function adjustmentChanges(before: BudgetAdjustment[] = [], after: BudgetAdjustment[] = []): string[] {
  const earlier = new Map(before.map((adjustment) => [adjustment.id, adjustment]));
  const later = new Set(after.map((adjustment) => adjustment.id));
  const lines: string[] = [];
  for (const adjustment of after) {
    const previous = earlier.get(adjustment.id);
    const { approval } = adjustment;
    if (!previous) {
      lines.push(`Adjustment ${adjustment.id} added (${describeAdjustment(adjustment)})`);
    } else if (
      approval &&
      !sameValue(previous.approval, approval) &&
      sameValue({ ...previous, approval }, adjustment)
    ) {
      lines.push(`Adjustment ${adjustment.id} approved by ${approval.by}`);
    } else if (!sameValue(previous, adjustment)) {
      lines.push(`Adjustment ${adjustment.id} changed${approval || !previous.approval ? '' : ', approval withdrawn'}`);
    }
  }
  for (const id of earlier.keys()) {
    if (!later.has(id)) {
      lines.push(`Adjustment ${id} removed`);
    }
  }
  return lines;
}
