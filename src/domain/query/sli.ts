/**
 * Query builders for SLIs: the error ratio over a window, and error and total event counts over a
 * window. Ratio and latency SLIs give PromQL, log SLIs give LogQL; freeform SLIs only have a ratio.
 *
 * Errors are built so that a missing error series reads as zero errors rather than as no data:
 * client libraries create a labelled counter such as `code="500"` only after the first error, and a
 * healthy service must still show a 0 % error ratio.
 */
import { LatencySli, LogRatioSli, RatioSli, Sli } from '../model';
import { sumBy } from './combine';
import { addMatchers, bucketSelector, leMatcher } from './selector';

/** SLIs whose error and total events can be counted (all but freeform). */
export type CountableSli = RatioSli | LatencySli | LogRatioSli;

type RangeFunction = 'rate' | 'increase' | 'count_over_time';

/** The placeholder a freeform SLI uses for the range of `rate()` and friends. */
export const WINDOW_PLACEHOLDER = '{{window}}';

/** The placeholder as written, spaces inside the braces allowed: `{{ window }}`. */
const WINDOW_PLACEHOLDER_PATTERN = /\{\{\s*window\s*\}\}/g;

/** The query language a SLI's queries are written in: log SLIs run on Loki. */
export function sliQueryLanguage(sli: Sli): 'promql' | 'logql' {
  return sli.kind === 'logRatio' ? 'logql' : 'promql';
}

/** Whether the SLI counts events, so that traffic-weighted periods and event guards are possible. */
export function isCountableSli(sli: Sli): sli is CountableSli {
  return sli.kind !== 'freeform';
}

/** The error ratio (0–1) over `window`, e.g. `5m`, one series per `groupBy` label value. */
export function errorRatioQuery(sli: Sli, window: string, groupBy: string[] = []): string {
  if (sli.kind === 'freeform') {
    return sli.errorRatio.replace(WINDOW_PLACEHOLDER_PATTERN, window).trim();
  }
  const { errors, total } = eventQueries(sli, sli.kind === 'logRatio' ? 'count_over_time' : 'rate', window, groupBy);
  return `(${errors}) / (${total})`;
}

/** Number of error events during `window`. */
export function errorCountQuery(sli: CountableSli, window: string, groupBy: string[] = []): string {
  return eventQueries(sli, countFunction(sli), window, groupBy).errors;
}

/** Number of events (good and bad) during `window`. */
export function totalCountQuery(sli: CountableSli, window: string, groupBy: string[] = []): string {
  return eventQueries(sli, countFunction(sli), window, groupBy).total;
}

/**
 * Error and total event counts during `window`, built together: {@link errorCountQuery} and
 * {@link totalCountQuery} in one go.
 */
export function countQueries(
  sli: CountableSli,
  window: string,
  groupBy: string[] = []
): { errors: string; total: string } {
  return eventQueries(sli, countFunction(sli), window, groupBy);
}

/**
 * The error count during `window` when its total is already recorded: `recordedTotal` selects
 * that series (one per `groupBy` value), read in place of counting the total's raw series a second
 * time. Every countable PromQL SLI needs its total to count its errors (`total - good`, the `+Inf`
 * bucket less the fast ones, or zero errors when no bad series exists), so this halves what the
 * error count reads from the SLI's own series. A rule may use it only where the total's rule runs
 * first at the same evaluation time: later rules of a Prometheus rule group read what earlier ones
 * recorded. Log SLIs keep their own count: Loki's ruler cannot read what it recorded.
 */
export function errorCountFromTotal(
  sli: RatioSli | LatencySli,
  window: string,
  groupBy: string[],
  recordedTotal: string
): string {
  return eventQueries(sli, 'increase', window, groupBy, sumBy(recordedTotal, groupBy)).errors;
}

function countFunction(sli: CountableSli): RangeFunction {
  return sli.kind === 'logRatio' ? 'count_over_time' : 'increase';
}

/**
 * Error and total events over `window`. `totalForErrors`, when given, stands for the total inside
 * the error count (see {@link errorCountFromTotal}); the total returned is always counted.
 */
function eventQueries(
  sli: CountableSli,
  fn: RangeFunction,
  window: string,
  groupBy: string[],
  totalForErrors?: string
) {
  const over = (selector: string) => sumBy(`${fn}(${selector.trim()}[${window}])`, groupBy);
  switch (sli.kind) {
    case 'latency': {
      const buckets = bucketSelector(sli.histogram);
      const total = over(addMatchers(buckets, [leMatcher(Infinity)]));
      const fast = over(addMatchers(buckets, [leMatcher(sli.threshold)]));
      return { errors: `${totalForErrors ?? total} - ${fast}`, total };
    }
    case 'logRatio': {
      // LogQL puts the range after the whole log pipeline: count_over_time({…} |= "x" [5m]).
      const logOver = (query: string) => sumBy(`${fn}(${query.trim()} [${window}])`, groupBy);
      const total = logOver(sli.total);
      return { errors: `${logOver(sli.bad)} or (0 * ${total})`, total };
    }
    case 'ratio': {
      const total = over(sli.total);
      if (sli.bad !== undefined) {
        return { errors: `${over(sli.bad)} or (0 * ${totalForErrors ?? total})`, total };
      }
      return { errors: `${totalForErrors ?? total} - ${over(sli.good ?? '')}`, total };
    }
  }
}
