import { useEffect, useState } from 'react';
import { runInstantQueries } from '../../../../api/prometheus/instantQuery';
import { DataSourceRef } from '../../../../domain/model';
import { PreviewPlan } from './previewPlan';
import { PreviewSummary, readSummary } from './readSummary';

/** Runs the plan's summary queries whenever the plan changes; undefined while they run. */
export function usePreviewSummary(
  plan: PreviewPlan | undefined,
  datasource: DataSourceRef | undefined,
  objective: number
): PreviewSummary | undefined {
  const [answer, setAnswer] = useState<{ key: string; summary: PreviewSummary } | undefined>(undefined);
  const key = plan && datasource ? JSON.stringify([plan.summary, datasource, objective]) : '';
  useEffect(() => {
    if (!plan || !datasource) {
      return undefined;
    }
    let current = true;
    runInstantQueries(datasource, plan.summary).then((results) => {
      if (current) {
        setAnswer({ key, summary: readSummary(results, objective, plan.groupBy) });
      }
    });
    return () => {
      current = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return answer?.key === key ? answer.summary : undefined;
}
