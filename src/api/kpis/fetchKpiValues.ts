/**
 * The current value of every KPI of a page, in one data source request: one instant query per KPI,
 * so that a KPI whose query is wrong fails on its own instead of taking the others with it (a
 * combined `or` query would fail as a whole).
 */
import { DataSourceRef, Kpi } from '../../domain/model';
import { InstantResult, runInstantQueries, Sample } from '../prometheus/instantQuery';

/** One KPI's answer: its series (one, or one per label value), or the data source's error. */
export type KpiValue = { ok: true; series: Sample[] } | { ok: false; message: string };

/** The KPIs' values by KPI id; KPI ids are unique within a service. */
export async function fetchKpiValues(
  prometheus: DataSourceRef,
  kpis: Kpi[],
  now = Date.now()
): Promise<Record<string, KpiValue>> {
  const results: Record<string, InstantResult> = await runInstantQueries(
    prometheus,
    kpis.map((kpi, index) => ({ refId: `kpi${index}`, expr: kpi.query })),
    now
  );
  return Object.fromEntries(
    kpis.map((kpi, index) => {
      const result = results[`kpi${index}`];
      const value: KpiValue = result?.ok
        ? { ok: true, series: result.samples }
        : { ok: false, message: result?.ok === false ? result.message : '' };
      return [kpi.id, value];
    })
  );
}
