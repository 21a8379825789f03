/** Reading the queries of an OpenSLO SLI: metric sources, selectors and their ranges. */
import { Problem } from '../problems';
import { checkSeriesSelector } from '../query/promql';
import { WINDOW_PLACEHOLDER } from '../query/sli';
import { Fields } from '../validation/checker';
import { fields, SourceDoc, text } from './sourceDoc';

export type YamlPath = Array<string | number>;

/** The keys of a `ratioMetric` the importers read. */
export const RATIO_KEYS = ['counter', 'good', 'bad', 'total', 'raw', 'rawType'];

/** A fixed range such as `[5m]`; a freeform SLI needs `{{window}}` (or the slice length) there instead. */
const FIXED_RANGE = /\[\s*\d+(?:ms|[smhdwy])\s*\]/g;

export interface Source {
  type: string;
  query?: string;
}

/** The query and type of `<key>.metricSource`, e.g. of `good` or `total`. */
export function metricSource(parent: Fields | undefined, key: string): Source | undefined {
  const source = fields(fields(parent, key), 'metricSource');
  if (!source) {
    return undefined;
  }
  return { type: (text(source, 'type') ?? 'Prometheus').toLowerCase(), query: text(fields(source, 'spec'), 'query') };
}

/** The query of a `thresholdMetric`. */
export function thresholdQuery(threshold: Fields): string | undefined {
  return text(fields(fields(threshold, 'metricSource'), 'spec'), 'query');
}

export const isSelector = (query: string | undefined): query is string =>
  query !== undefined && checkSeriesSelector(query).length === 0;

/** The events (good or bad) and total of a ratioMetric, each with a query. */
export interface RatioSources {
  events: Source & { query: string };
  /** Whether `events` counts bad events. */
  bad: boolean;
  total: Source & { query: string };
}

/** The good or bad, and total sources of a ratioMetric, or `undefined` with a problem. */
export function ratioSources(
  ratio: Fields,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): RatioSources | undefined {
  const bad = metricSource(ratio, 'bad');
  const events = bad ?? metricSource(ratio, 'good');
  const total = metricSource(ratio, 'total');
  if (!events?.query || !total?.query) {
    problems.push(src.problem(path, 'ratioMetric needs good or bad, and total, each with metricSource.spec.query'));
    return undefined;
  }
  return {
    events: { ...events, query: events.query },
    bad: bad !== undefined,
    total: { ...total, query: total.query },
  };
}

/**
 * Turns fixed ranges into `range` with a warning: `{{window}}`, so that an expression serves every
 * SLO window, or the length of a time slice. A query that uses `{{window}}` already (a freeform SLI
 * exported to OpenSLO) chose its ranges: it keeps them, or, sliced, gets the slice there too.
 */
export function withRange(query: string, range: string, src: SourceDoc, path: YamlPath, problems: Problem[]): string {
  if (range === WINDOW_PLACEHOLDER && query.includes(WINDOW_PLACEHOLDER)) {
    return query;
  }
  const replaced = query.replace(FIXED_RANGE, `[${range}]`).split(WINDOW_PLACEHOLDER).join(range);
  if (replaced !== query) {
    const why = range === WINDOW_PLACEHOLDER ? 'so the SLI follows the alert windows' : '(the length of a time slice)';
    problems.push(src.problem(path, `fixed ranges such as [5m] were replaced with [${range}] ${why}`, 'warning'));
  }
  return replaced;
}
