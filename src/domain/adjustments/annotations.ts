/**
 * Budget adjustments drawn on graphs: one Prometheus annotation per adjustment of an SLO, whose
 * query is the adjustment's window mask, so that each window shows as a region wherever it falls in
 * the dashboard's time range, weekly ones included, without a store of events.
 */
import { Annotation } from '../dashboards/types';
import { BudgetAdjustment, RegistryDocument } from '../model';
import { windowMask } from '../rules/adjustments';
import { describeAdjustment, isApproved, sloAdjustments } from './adjustments';

/** Names of the annotations of adjustments start with this, so that views can tell them apart. */
export const ADJUSTMENT_ANNOTATION_PREFIX = 'Adjustment ';

/** One adjustment as an annotation: green once approved, orange while pending. */
function toAnnotation(adjustment: BudgetAdjustment, scope = ''): Annotation[] {
  const expr = windowMask(adjustment);
  if (!expr) {
    return [];
  }
  const approved = isApproved(adjustment);
  const state = approved ? `approved by ${adjustment.approval!.by}` : 'pending approval';
  return [
    {
      name: `${ADJUSTMENT_ANNOTATION_PREFIX}${adjustment.id}`,
      datasource: 'prometheus' as const,
      expr,
      title: `Budget adjustment${scope} (${state}) — ${describeAdjustment(adjustment)}`,
      color: approved ? 'green' : 'orange',
    },
  ];
}

/** The SLO's adjustments as annotations: approved ones in green, pending ones in orange. */
export function adjustmentAnnotations(doc: RegistryDocument, sloId: string): Annotation[] {
  return sloAdjustments(doc, sloId).flatMap((adjustment) => toAnnotation(adjustment));
}

/**
 * Every adjustment of the service once, for its on-call and debug views, naming the SLOs it covers
 * when it does not cover them all.
 */
export function serviceAdjustmentAnnotations(doc: RegistryDocument, serviceId: string): Annotation[] {
  const service = doc.services.find((candidate) => candidate.id === serviceId);
  return (service?.budgetPolicy?.adjustments ?? []).flatMap((adjustment) =>
    toAnnotation(adjustment, adjustment.sloIds?.length ? ` of ${adjustment.sloIds.join(', ')}` : '')
  );
}
