/**
 * Reads the preview's summary queries: the SLI and budget left over the window, or why there is
 * none. An empty or 0/0 answer is never shown as 100 %: it is "no data", with the cause.
 */
import { budgetConsumed, budgetRemaining } from '../../../../domain/budget';
import { InstantResult } from '../../../../api/prometheus/instantQuery';

export type PreviewCause =
  /** No series matched the SLI's event selector over the window: a wrong metric or label. */
  | 'noSeries'
  /** The series exist but did not move: no traffic in the window. */
  | 'noTraffic'
  /** The expression returned nothing and cannot be taken apart (freeform) or logs are missing. */
  | 'noResult'
  | 'failed';

export type PreviewSummary =
  | { kind: 'measured'; sli: number; budgetLeft: number; events?: number }
  | { kind: 'noData'; cause: PreviewCause; message?: string };

function first(result: InstantResult | undefined): number | undefined {
  return result?.ok && result.samples.length > 0 ? result.samples[0].value : undefined;
}

/** The summary of `results` for an SLO with this objective (percent). */
export function readSummary(results: Record<string, InstantResult>, objective: number): PreviewSummary {
  const failed = Object.values(results).find((result) => !result.ok);
  if (failed && !failed.ok) {
    return { kind: 'noData', cause: 'failed', message: failed.message };
  }
  const ratio = first(results.ratio);
  const events = first(results.events);
  if (ratio !== undefined && Number.isFinite(ratio)) {
    return {
      kind: 'measured',
      sli: 1 - ratio,
      budgetLeft: budgetRemaining(budgetConsumed(ratio, objective)),
      ...(events !== undefined ? { events } : {}),
    };
  }
  if ('series' in results) {
    return { kind: 'noData', cause: first(results.series) === undefined ? 'noSeries' : 'noTraffic' };
  }
  if ('events' in results) {
    // Loki answers nothing when no line matched: the selector is wrong or the service logged nothing.
    return { kind: 'noData', cause: events === undefined ? 'noResult' : 'noTraffic' };
  }
  return { kind: 'noData', cause: ratio === undefined ? 'noResult' : 'noTraffic' };
}
