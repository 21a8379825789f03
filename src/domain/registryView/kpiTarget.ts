/** A KPI's current value held against its target. */
import { Kpi } from '../model';

/** `meets`: on the good side of the target or exactly at it; undefined without a target. */
export type KpiVerdict = 'meets' | 'misses';

/**
 * Whether `value` meets the KPI's target: at least the target when higher is better (the
 * default, e.g. revenue), at most when lower is better (e.g. cart abandonment).
 */
export function kpiVerdict(kpi: Pick<Kpi, 'target' | 'direction'>, value: number): KpiVerdict | undefined {
  if (kpi.target === undefined || !Number.isFinite(value)) {
    return undefined;
  }
  const meets = kpi.direction === 'lower' ? value <= kpi.target : value >= kpi.target;
  return meets ? 'meets' : 'misses';
}
