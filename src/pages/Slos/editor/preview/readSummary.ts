/**
 * Reads the preview's summary queries: the SLI and budget left over the window (and of each group
 * of a grouped SLO, the least budget left first), or why there is none. An empty or 0/0 answer is
 * never shown as 100 %: it is "no data", with the cause.
 */
import { budgetConsumed, budgetRemaining } from '../../../../domain/budget';
import { InstantResult } from '../../../../api/prometheus/instantQuery';
import { GROUPS_REF } from './previewPlan';

export type PreviewCause =
  /** No series matched the SLI's event selector over the window: a wrong metric or label. */
  | 'noSeries'
  /** The series exist but did not move: no traffic in the window. */
  | 'noTraffic'
  /** The expression returned nothing and cannot be taken apart (freeform) or logs are missing. */
  | 'noResult'
  | 'failed';

/** One group of a grouped SLO over the window; `sli` and `budgetLeft` absent without traffic. */
export interface PreviewGroup {
  labels: Record<string, string>;
  sli?: number;
  budgetLeft?: number;
}

export type PreviewSummary =
  | { kind: 'measured'; sli: number; budgetLeft: number; events?: number; groups?: PreviewGroup[] }
  | { kind: 'noData'; cause: PreviewCause; message?: string };

function first(result: InstantResult | undefined): number | undefined {
  return result?.ok && result.samples.length > 0 ? result.samples[0].value : undefined;
}

function budgetLeftOf(ratio: number, objective: number): number {
  return budgetRemaining(budgetConsumed(ratio, objective));
}

/** Each group's SLI and budget left, the least budget left first and groups without traffic last. */
function readGroups(result: InstantResult | undefined, groupBy: string[], objective: number): PreviewGroup[] {
  const groups = (result?.ok ? result.samples : []).map(({ labels, value }) => ({
    labels: Object.fromEntries(groupBy.map((label) => [label, labels[label] ?? ''])),
    ...(Number.isFinite(value) ? { sli: 1 - value, budgetLeft: budgetLeftOf(value, objective) } : {}),
  }));
  const rank = (group: PreviewGroup) => group.budgetLeft ?? Infinity;
  return groups.sort((a, b) => rank(a) - rank(b) || JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
}

/** The summary of `results` for an SLO with this objective (percent), grouped by `groupBy`. */
export function readSummary(
  results: Record<string, InstantResult>,
  objective: number,
  groupBy: string[] = []
): PreviewSummary {
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
      budgetLeft: budgetLeftOf(ratio, objective),
      ...(events !== undefined ? { events } : {}),
      ...(groupBy.length > 0 ? { groups: readGroups(results[GROUPS_REF], groupBy, objective) } : {}),
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
