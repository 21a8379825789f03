/**
 * What the live preview asks for: the SLI per time bucket over the SLO window (a chart), the
 * error and event counts per bucket (the budget burn-down), and one summary over the whole window
 * with the checks that tell "the selector matches nothing" from "no traffic", and for a grouped SLO
 * the error ratio of each group over the window (one more query, whatever the number of groups).
 * Pure: the scene and the summary only run these queries.
 */
import { allowedErrorRatio, isProblem, objectiveRatio, parseSloWindow, sloPeriod } from '../../../../domain/budget';
import { Slo } from '../../../../domain/model';
import { addMatchers, bucketSelector } from '../../../../domain/query/selector';
import {
  errorCountQuery,
  errorRatioQuery,
  isCountableSli,
  sliQueryLanguage,
  totalCountQuery,
} from '../../../../domain/query/sli';
import { InstantQuery } from '../../../../api/prometheus/instantQuery';

export interface PreviewPlan {
  language: 'promql' | 'logql';
  /** Scene time range start: `now-30d`, or `now/M`, `now/fQ` or `now/w` for a calendar window. */
  from: string;
  /** Width of one chart bucket, also the query step, e.g. `6h`. */
  bucket: string;
  /** The SLI (good share, 0–1) of each bucket. */
  sliExpr: string;
  /** Errors and events of each bucket, for the burn-down; absent for freeform SLIs (no counts). */
  errorsExpr?: string;
  totalExpr?: string;
  /** The objective as a ratio (0.999) and the error ratio it allows (0.001). */
  objective: number;
  allowed: number;
  /** Instant queries over the whole window: the error ratio, the no-data checks and the groups'. */
  summary: InstantQuery[];
  /** The labels of a grouped SLO whose groups the summary reads (`groups`), else empty. */
  groupBy: string[];
}

/** The refId of the summary query reading the error ratio of each group. */
export const GROUPS_REF = 'groups';

const HOUR = 3600;

/** The start of the current calendar period as Grafana writes it (`fQ`: quarters from January). */
const CALENDAR_FROM = { week: 'now/w', month: 'now/M', quarter: 'now/fQ' } as const;

/**
 * The range of the whole window as of `now`: `30d`, or the hours since the calendar period began
 * in `timeZone`.
 */
export function windowRange(window: string, now: Date, timeZone?: string): string {
  const parsed = parseSloWindow(window);
  if (!isProblem(parsed) && parsed.kind === 'calendar') {
    const start = sloPeriod(parsed, now, timeZone).start.getTime();
    return `${Math.max(1, Math.ceil((now.getTime() - start) / 1000 / HOUR))}h`;
  }
  return window;
}

/** The series whose presence and movement say whether the SLI can have data at all. */
function totalSelector(slo: Slo): string | undefined {
  switch (slo.sli.kind) {
    case 'ratio':
      return slo.sli.total;
    case 'latency':
      return addMatchers(bucketSelector(slo.sli.histogram), ['le="+Inf"']);
    case 'logRatio':
      return slo.sli.total;
    case 'freeform':
      return undefined;
  }
}

/**
 * The groups a preview reads: those of an SLI that counts events, which the queries can sum by
 * label. A freeform SLI's expression is its own: it is grouped only as written.
 */
function previewGroups(slo: Slo): string[] {
  return isCountableSli(slo.sli) ? (slo.groupBy ?? []) : [];
}

function summaryQueries(slo: Slo, range: string): InstantQuery[] {
  const groupBy = previewGroups(slo);
  const queries: InstantQuery[] = [
    { refId: 'ratio', expr: errorRatioQuery(slo.sli, range) },
    ...(groupBy.length > 0 ? [{ refId: GROUPS_REF, expr: errorRatioQuery(slo.sli, range, groupBy) }] : []),
  ];
  const selector = totalSelector(slo)?.trim();
  if (!selector) {
    return queries;
  }
  if (slo.sli.kind === 'logRatio') {
    return [...queries, { refId: 'events', expr: `sum(count_over_time(${selector} [${range}]))` }];
  }
  return [
    ...queries,
    { refId: 'series', expr: `count(last_over_time(${selector}[${range}]))` },
    { refId: 'events', expr: `sum(increase(${selector}[${range}]))` },
  ];
}

/** The preview of `slo` as of `now`; undefined while its window is invalid. */
export function previewPlan(slo: Slo, now = new Date()): PreviewPlan | undefined {
  const window = parseSloWindow(slo.window);
  if (isProblem(window)) {
    return undefined;
  }
  const days = window.kind === 'rolling' ? window.days : 31;
  const bucket = days <= 7 ? '1h' : '6h';
  const sli = slo.sli;
  const counts = isCountableSli(sli)
    ? { errorsExpr: errorCountQuery(sli, bucket), totalExpr: totalCountQuery(sli, bucket) }
    : {};
  return {
    language: sliQueryLanguage(sli),
    from: window.kind === 'rolling' ? `now-${window.days}d` : CALENDAR_FROM[window.unit],
    bucket,
    sliExpr: `1 - (${errorRatioQuery(sli, bucket)})`,
    ...counts,
    objective: objectiveRatio(slo.objective),
    allowed: allowedErrorRatio(slo.objective),
    summary: summaryQueries(slo, windowRange(slo.window, now, slo.timeZone)),
    groupBy: previewGroups(slo),
  };
}
