import { Sli } from '../model';
import { Problem } from '../problems';
import { WINDOW_PLACEHOLDER } from '../query/promql';
import { checkSeriesSelector } from '../query/selector';
import { Fields } from '../validation/checker';
import { fields, SourceDoc, text } from './sourceDoc';

type YamlPath = Array<string | number>;

/** A fixed range such as `[5m]`; a freeform SLI needs `{{window}}` there instead. */
const FIXED_RANGE = /\[\s*\d+(?:ms|[smhdwy])\s*\]/g;

interface Source {
  type: string;
  query?: string;
}

/** The query and type of `<key>.metricSource`, e.g. of `good` or `total`. */
function metricSource(parent: Fields | undefined, key: string): Source | undefined {
  const source = fields(fields(parent, key), 'metricSource');
  if (!source) {
    return undefined;
  }
  return { type: (text(source, 'type') ?? 'Prometheus').toLowerCase(), query: text(fields(source, 'spec'), 'query') };
}

const isSelector = (query: string | undefined): query is string =>
  query !== undefined && checkSeriesSelector(query).length === 0;

/** Turns fixed ranges into `{{window}}` so that an expression can serve every SLO window. */
function withWindow(query: string, src: SourceDoc, path: YamlPath, problems: Problem[]): string {
  const replaced = query.replace(FIXED_RANGE, `[${WINDOW_PLACEHOLDER}]`);
  if (replaced !== query) {
    problems.push(
      src.problem(
        path,
        `fixed ranges such as [5m] were replaced with [${WINDOW_PLACEHOLDER}] so the SLI follows the alert windows`,
        'warning'
      )
    );
  }
  return replaced;
}

function convertRatio(ratio: Fields, src: SourceDoc, path: YamlPath, problems: Problem[]): Sli | undefined {
  const raw = metricSource(ratio, 'raw');
  if (raw?.query) {
    const query = withWindow(raw.query, src, [...path, 'raw'], problems);
    return { kind: 'freeform', errorRatio: text(ratio, 'rawType') === 'success' ? `1 - (${query})` : query };
  }
  const good = metricSource(ratio, 'good');
  const bad = metricSource(ratio, 'bad');
  const total = metricSource(ratio, 'total');
  const events = bad ?? good;
  if (!events?.query || !total?.query) {
    problems.push(src.problem(path, 'ratioMetric needs good or bad, and total, each with metricSource.spec.query'));
    return undefined;
  }
  if (events.type === 'loki' || total.type === 'loki') {
    if (!bad) {
      problems.push(
        src.problem(
          [...path, 'good'],
          'a Loki ratio is imported as a log-ratio SLI, which counts bad lines: give bad instead of good'
        )
      );
      return undefined;
    }
    return { kind: 'logRatio', bad: events.query, total: total.query };
  }
  if (isSelector(events.query) && isSelector(total.query)) {
    return bad
      ? { kind: 'ratio', bad: events.query, total: total.query }
      : { kind: 'ratio', good: events.query, total: total.query };
  }
  problems.push(
    src.problem(path, 'queries that are not plain counter selectors are imported as a freeform error ratio', 'warning')
  );
  const ratioQuery = bad ? `(${events.query}) / (${total.query})` : `1 - ((${events.query}) / (${total.query}))`;
  return { kind: 'freeform', errorRatio: withWindow(ratioQuery, src, path, problems) };
}

function convertThreshold(
  threshold: Fields,
  objective: Fields | undefined,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): Sli | undefined {
  const query = text(fields(fields(threshold, 'metricSource'), 'spec'), 'query');
  const op = text(objective, 'op');
  const value = objective?.value;
  if (!isSelector(query) || !/_bucket\b/.test(query) || (op !== 'lt' && op !== 'lte') || typeof value !== 'number') {
    problems.push(
      src.problem(
        path,
        'thresholdMetric is imported only as a latency SLI: a histogram _bucket series with an objective "op: lte" and a "value" in seconds'
      )
    );
    return undefined;
  }
  return { kind: 'latency', histogram: query, threshold: value };
}

/**
 * Converts the `spec` of an OpenSLO SLI (inline `indicator.spec` or a referenced SLI's `spec`):
 * ratioMetric becomes a ratio, log-ratio (Loki sources) or freeform SLI; thresholdMetric a latency
 * SLI when it reads a histogram. `objective` is the SLO's first objective, for thresholds.
 */
export function convertIndicator(
  spec: Fields | undefined,
  objective: Fields | undefined,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): Sli | undefined {
  const ratio = fields(spec, 'ratioMetric');
  const threshold = fields(spec, 'thresholdMetric');
  if (ratio) {
    problems.push(
      ...src.unmapped(ratio, ['counter', 'good', 'bad', 'total', 'raw', 'rawType'], [...path, 'ratioMetric'])
    );
    return convertRatio(ratio, src, [...path, 'ratioMetric'], problems);
  }
  if (threshold) {
    return convertThreshold(threshold, objective, src, [...path, 'thresholdMetric'], problems);
  }
  problems.push(src.problem(path, 'the SLI needs a ratioMetric or a thresholdMetric'));
  return undefined;
}
