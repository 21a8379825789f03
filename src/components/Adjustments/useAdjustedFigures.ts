import { useEffect, useMemo, useState } from 'react';
import { runInstantQueries } from '../../api/prometheus/instantQuery';
import { adjustedFigureQueries, AdjustedQueries } from '../../domain/adjustments/adjustedQueries';
import { RegistryDocument, Slo } from '../../domain/model';

export type Figures = Record<keyof AdjustedQueries, number | undefined>;

/** Where the raw and adjusted figures stand. */
export type FiguresRead =
  | { status: 'noDataSource' }
  | { status: 'reading' }
  | { status: 'failed'; message: string }
  | { status: 'read'; figures: Figures };

const KEYS: Array<keyof AdjustedQueries> = ['rawSli', 'adjustedSli', 'rawBudgetLeft', 'adjustedBudgetLeft'];

/**
 * The SLO's raw and adjusted SLI and budget left, read from Prometheus in one request; read again
 * when the queries change (an adjustment approved, changed or removed), not on other saves.
 */
export function useAdjustedFigures(doc: RegistryDocument, slo: Slo): FiguresRead {
  const prometheus = doc.settings.prometheus;
  const [now] = useState(Date.now);
  const queries = useMemo(() => adjustedFigureQueries(doc, slo, now), [doc, slo, now]);
  const key = JSON.stringify([prometheus?.uid, queries]);
  const [answer, setAnswer] = useState<{ key: string; read: FiguresRead }>();

  useEffect(() => {
    if (!prometheus?.uid) {
      return undefined;
    }
    let current = true;
    const asked = KEYS.map((refId) => ({ refId, expr: queries[refId] }));
    runInstantQueries(prometheus, asked).then((results) => {
      if (!current) {
        return;
      }
      const failure = KEYS.map((refId) => results[refId]).find((result) => result && !result.ok);
      const read: FiguresRead =
        failure && !failure.ok
          ? { status: 'failed', message: failure.message }
          : {
              status: 'read',
              figures: Object.fromEntries(
                KEYS.map((refId) => {
                  const result = results[refId];
                  const value = result?.ok ? result.samples[0]?.value : undefined;
                  return [refId, value === undefined || Number.isNaN(value) ? undefined : value];
                })
              ) as Figures,
            };
      setAnswer({ key, read });
    });
    return () => {
      current = false;
    };
    // `key` stands for the data source and the queries
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!prometheus?.uid) {
    return { status: 'noDataSource' };
  }
  return answer?.key === key ? answer.read : { status: 'reading' };
}
