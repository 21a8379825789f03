import { useMemo, useState } from 'react';
import { InstantResult } from '../../api/prometheus/instantQuery';
import { useInstantAnswer } from '../../api/prometheus/useInstantAnswer';
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
  const asked = useMemo(() => KEYS.map((refId) => ({ refId, expr: queries[refId] })), [queries]);
  // the key stands for the data source and the queries
  const read = useInstantAnswer(prometheus, asked, readFigures, JSON.stringify([prometheus?.uid, queries]));
  if (!prometheus?.uid) {
    return { status: 'noDataSource' };
  }
  return read ?? { status: 'reading' };
}

/** The four figures from their answers, or the first failure. */
function readFigures(results: Record<string, InstantResult>): FiguresRead {
  const failure = KEYS.map((refId) => results[refId]).find((result) => result && !result.ok);
  if (failure && !failure.ok) {
    return { status: 'failed', message: failure.message };
  }
  return {
    status: 'read',
    figures: Object.fromEntries(
      KEYS.map((refId) => {
        const result = results[refId];
        const value = result?.ok ? result.samples[0]?.value : undefined;
        return [refId, value === undefined || Number.isNaN(value) ? undefined : value];
      })
    ) as Figures,
  };
}
