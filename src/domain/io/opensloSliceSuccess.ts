/**
 * The success ratio (0–1) of one time slice of an OpenSLO SLI, as PromQL whose ranges are the
 * slice length, for `slicedErrorRatio` (opensloTimeslices.ts). It is evaluated at each slice's
 * end. A slice without events gives no value, so that it counts neither good nor bad.
 */
import { Problem } from '../problems';
import { CountableSli, errorCountQuery, totalCountQuery } from '../query/sli';
import { Fields } from '../validation/checker';
import { isSelector, metricSource, ratioSources, thresholdQuery, withRange, YamlPath } from './opensloQueries';
import { SourceDoc, text } from './sourceDoc';

const COMPARISONS = new Map([
  ['lt', '<'],
  ['lte', '<='],
  ['gt', '>'],
  ['gte', '>='],
]);

/** From counted events, as the app counts a ratio or latency SLI's (errors missing read as none). */
function countedSuccess(sli: CountableSli, slice: string): string {
  return `1 - (${errorCountQuery(sli, slice)}) / (${totalCountQuery(sli, slice)} > 0)`;
}

/**
 * A ratioMetric's slice: `raw` as the slice's ratio (its fixed ranges the slice), good or bad over
 * total counted in the slice, or the good or bad and total queries as they are, divided.
 */
export function ratioSliceSuccess(
  ratio: Fields,
  slice: string,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): string | undefined {
  const raw = metricSource(ratio, 'raw');
  if (raw?.query) {
    const query = withRange(raw.query, slice, src, [...path, 'raw'], problems);
    return text(ratio, 'rawType') === 'success' ? query : `1 - (${query})`;
  }
  const sources = ratioSources(ratio, src, path, problems);
  if (!sources) {
    return undefined;
  }
  const { events, bad, total } = sources;
  if (events.type === 'loki' || total.type === 'loki') {
    problems.push(src.problem(path, 'time slices are measured by Prometheus rules: a Loki ratio cannot be sliced'));
    return undefined;
  }
  if (isSelector(events.query) && isSelector(total.query)) {
    const counts = bad ? { bad: events.query } : { good: events.query };
    return countedSuccess({ kind: 'ratio', ...counts, total: total.query }, slice);
  }
  const ratioQuery = withRange(`(${events.query}) / ((${total.query}) > 0)`, slice, src, path, problems);
  return bad ? `1 - ${ratioQuery}` : ratioQuery;
}

/**
 * A thresholdMetric's slice: the share of a histogram's requests within the objective's `value`
 * (`op: lte` or `lt`), or else the query (its fixed ranges the slice) compared with `value` once,
 * at the slice's end: 1 when it meets `op`, 0 when not (a warning says so).
 */
export function thresholdSliceSuccess(
  threshold: Fields,
  objective: Fields | undefined,
  slice: string,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[]
): string | undefined {
  const query = thresholdQuery(threshold);
  const op = text(objective, 'op') ?? '';
  const comparison = COMPARISONS.get(op);
  const value = objective?.value;
  if (query === undefined || comparison === undefined || typeof value !== 'number') {
    const why =
      'a time-sliced thresholdMetric needs metricSource.spec.query, and the objective an "op" (lt, lte, gt or gte) and a numeric "value"';
    problems.push(src.problem(path, why));
    return undefined;
  }
  if (isSelector(query) && /_bucket\b/.test(query) && (op === 'lt' || op === 'lte')) {
    return countedSuccess({ kind: 'latency', histogram: query, threshold: value }, slice);
  }
  const why = `thresholdMetric is read once per slice, at its end: a slice is good when the value is ${op} ${value}`;
  problems.push(src.problem(path, why, 'warning'));
  return `(${withRange(query, slice, src, path, problems)}) ${comparison} bool ${value}`;
}
