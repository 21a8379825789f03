import { useEffect, useState } from 'react';
import { fetchKpiValues, KpiValue } from '../../../api/kpis/fetchKpiValues';
import { DataSourceRef, Kpi } from '../../../domain/model';

/** Where the KPI values stand: no data source, being read since a time (epoch ms), or read. */
export type KpiRead =
  | { status: 'noDataSource' }
  | { status: 'reading'; since: number }
  | { status: 'read'; values: Record<string, KpiValue> };

/** Reads the KPIs' current values once per set of KPIs and data source. */
export function useKpiValues(prometheus: DataSourceRef | undefined, kpis: Kpi[]): KpiRead {
  const [answer, setAnswer] = useState<{ kpis: Kpi[]; uid: string; values: Record<string, KpiValue> } | undefined>(
    undefined
  );
  // The section mounts with the page, and a service's KPIs change only through its form.
  const [since] = useState(Date.now);
  const uid = prometheus?.uid;
  const type = prometheus?.type;
  useEffect(() => {
    if (!uid || kpis.length === 0) {
      return undefined;
    }
    let current = true;
    fetchKpiValues({ uid, type }, kpis).then((values) => current && setAnswer({ kpis, uid, values }));
    return () => {
      current = false;
    };
  }, [uid, type, kpis]);
  if (!uid) {
    return { status: 'noDataSource' };
  }
  return answer?.kpis === kpis && answer.uid === uid
    ? { status: 'read', values: answer.values }
    : { status: 'reading', since };
}
