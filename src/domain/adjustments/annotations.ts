/**
 * Budget adjustments drawn on graphs: one Prometheus annotation per adjustment of an SLO, whose
 * query is the adjustment's window mask, so that each window shows as a region wherever it falls in
 * the dashboard's time range, weekly ones included, without a store of events.
 */
import { Annotation } from '../dashboards/types';
import { RegistryDocument } from '../model';
import { windowMask } from '../rules/adjustments';
import { describeAdjustment, isApproved, sloAdjustments } from './adjustments';

/** The SLO's adjustments as annotations: approved ones in green, pending ones in orange. */
export function adjustmentAnnotations(doc: RegistryDocument, sloId: string): Annotation[] {
  return sloAdjustments(doc, sloId).flatMap((adjustment) => {
    const expr = windowMask(adjustment);
    if (!expr) {
      return [];
    }
    const approved = isApproved(adjustment);
    const state = approved ? `approved by ${adjustment.approval!.by}` : 'pending approval';
    return [
      {
        name: `Adjustment ${adjustment.id}`,
        datasource: 'prometheus' as const,
        expr,
        title: `Budget adjustment (${state}) — ${describeAdjustment(adjustment)}`,
        color: approved ? 'green' : 'orange',
      },
    ];
  });
}
