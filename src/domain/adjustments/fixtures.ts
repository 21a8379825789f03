/** Test builders of budget adjustments, shared by the domain, validation and component tests. */
import { BudgetAdjustment, RegistryDocument } from '../model';

/**
 * A maintenance window of `checkout` for all its SLOs, 2026-11-28 02:00 to 04:00 UTC, recorded by
 * an editor and approved by `ana`, its business owner.
 */
export function baseAdjustment(overrides: Partial<BudgetAdjustment> = {}): BudgetAdjustment {
  return {
    id: 'db-upgrade',
    kind: 'maintenance',
    reason: 'Database upgrade CHG-311',
    start: '2026-11-28T02:00:00Z',
    end: '2026-11-28T04:00:00Z',
    silenceAlerts: true,
    by: 'editor',
    at: '2026-11-27T09:00:00Z',
    approval: { by: 'ana', at: '2026-11-27T10:00:00Z' },
    ...overrides,
  };
}

/** `doc` with `adjustments` on its service `serviceId` (`checkout` unless said). */
export function withAdjustments(
  doc: RegistryDocument,
  adjustments: BudgetAdjustment[],
  serviceId = 'checkout'
): RegistryDocument {
  return {
    ...doc,
    services: doc.services.map((service) =>
      service.id === serviceId ? { ...service, budgetPolicy: { ...service.budgetPolicy, adjustments } } : service
    ),
  };
}
