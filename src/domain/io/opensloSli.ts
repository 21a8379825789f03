import { Sli } from '../model';
import { Problem } from '../problems';
import { WINDOW_PLACEHOLDER } from '../query/sli';
import { Fields } from '../validation/checker';
import {
  isSelector,
  metricSource,
  RATIO_KEYS,
  ratioSources,
  thresholdQuery,
  withRange,
  YamlPath,
} from './opensloQueries';
import { ratioSliceSuccess, thresholdSliceSuccess } from './opensloSliceSuccess';
import { Slicing, slicedErrorRatio } from './opensloTimeslices';
import { fields, SourceDoc, text } from './sourceDoc';

const withWindow = (query: string, src: SourceDoc, path: YamlPath, problems: Problem[]) =>
  withRange(query, WINDOW_PLACEHOLDER, src, path, problems);

function convertRatio(ratio: Fields, src: SourceDoc, path: YamlPath, problems: Problem[]): Sli | undefined {
  const raw = metricSource(ratio, 'raw');
  if (raw?.query) {
    const query = withWindow(raw.query, src, [...path, 'raw'], problems);
    return { kind: 'freeform', errorRatio: text(ratio, 'rawType') === 'success' ? `1 - (${query})` : query };
  }
  const sources = ratioSources(ratio, src, path, problems);
  if (!sources) {
    return undefined;
  }
  const { events, bad, total } = sources;
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
  const query = thresholdQuery(threshold);
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

/** The freeform SLI of a time-sliced SLO, from the success ratio of one slice. */
const sliced = (success: string | undefined, slicing: Slicing): Sli | undefined =>
  success === undefined ? undefined : { kind: 'freeform', errorRatio: slicedErrorRatio(success, slicing) };

/**
 * Converts the `spec` of an OpenSLO SLI (inline `indicator.spec` or a referenced SLI's `spec`):
 * ratioMetric becomes a ratio, log-ratio (Loki sources) or freeform SLI; thresholdMetric a latency
 * SLI when it reads a histogram. `objective` is the SLO's first objective, for thresholds. With
 * `slicing` (budgetingMethod Timeslices or RatioTimeslices), either becomes a freeform SLI that
 * measures the slices (see opensloTimeslices.ts).
 */
export function convertIndicator(
  spec: Fields | undefined,
  objective: Fields | undefined,
  src: SourceDoc,
  path: YamlPath,
  problems: Problem[],
  slicing?: Slicing
): Sli | undefined {
  const ratio = fields(spec, 'ratioMetric');
  const threshold = fields(spec, 'thresholdMetric');
  if (ratio) {
    const at = [...path, 'ratioMetric'];
    problems.push(...src.unmapped(ratio, RATIO_KEYS, at));
    return slicing
      ? sliced(ratioSliceSuccess(ratio, slicing.window, src, at, problems), slicing)
      : convertRatio(ratio, src, at, problems);
  }
  if (threshold) {
    const at = [...path, 'thresholdMetric'];
    return slicing
      ? sliced(thresholdSliceSuccess(threshold, objective, slicing.window, src, at, problems), slicing)
      : convertThreshold(threshold, objective, src, at, problems);
  }
  problems.push(src.problem(path, 'the SLI needs a ratioMetric or a thresholdMetric'));
  return undefined;
}
