/**
 * The PromQL of a period report. Its number does not grow with the SLOs: two queries per distinct
 * pair of period bounds (one per distinct time zone at most) and one for the incidents.
 *
 * - **Figures** (instant, `@` the period's end): each SLO's errors and events over the period, the
 *   sums of its hourly tiles (`sum_over_time(slo:sli_error:increase1h[…] @ end)`, the range 1 ms
 *   short as every range over recorded series, rules/ranges.ts), and, for freeform SLIs, which have
 *   no counts, the mean of their recorded 5-minute error ratio (unweighted, as the period rule's).
 * - **Days** (range, step 1d): the same sums over each day of the period, for the worst day.
 * - **Incidents** (instant): the page burn alerts' `ALERTS_FOR_STATE` over all the periods and a day
 *   before them, read as the incident report reads it (src/domain/incidents); left out when the
 *   caller has the firing periods from Grafana's alert state history instead.
 *
 * Terms are told apart by a `measure` label and joined with `or`.
 */
import { pageAlertsQuery } from '../incidents';
import { Slo } from '../model';
import { isCountableSli } from '../query/sli';
import { orTerms, sumBy, withLabels } from '../query/combine';
import { regexMatcher } from '../query/selector';
import {
  CURRENT_WINDOW,
  LABEL_ID,
  SLI_ERROR_INCREASE_1H,
  SLI_TOTAL_INCREASE_1H,
  sliErrorRatioName,
} from '../rules/names';
import { exactRange } from '../rules/ranges';
import { BoundsGroup, ReportPlan } from './plan';
import { ReportQuery } from './types';

export const MEASURE = 'measure';
export const ERRORS = 'errors';
export const TOTAL = 'total';
export const RATIO = 'ratio';

export const DAY_MS = 86_400_000;
const INCIDENT_LOOKBACK_MS = DAY_MS;

export const INCIDENTS_QUERY_ID = 'incidents';
export const figuresQueryId = (group: BoundsGroup) => `${group.key}.figures`;
export const daysQueryId = (group: BoundsGroup) => `${group.key}.days`;

/** A range of `ms` over recorded series, 1 ms short. */
function rangeOf(ms: number): string {
  return exactRange(`${Math.round(ms / 1000)}s`);
}

/** `{sloth_id=~"a|b"}` for the SLOs of one group when there are several groups, else nothing. */
function groupSelector(ids: string[], alone: boolean): string {
  return alone ? '' : `{${regexMatcher(LABEL_ID, ids)}}`;
}

/** The measures of one group's SLOs over `range`, `at` a time or (without it) at each step. */
function measures(group: BoundsGroup, slos: Slo[], alone: boolean, range: string, at?: number): string {
  const mine = new Set(group.sloIds);
  const own = slos.filter((slo) => mine.has(slo.id));
  const counted = own.filter((slo) => isCountableSli(slo.sli)).map((slo) => slo.id);
  const freeform = own.filter((slo) => !isCountableSli(slo.sli)).map((slo) => slo.id);
  const atText = at === undefined ? '' : ` @ ${at / 1000}`;
  const terms: string[] = [];
  if (counted.length > 0) {
    // Freeform SLIs record no tiles: with one group, every tile is this group's.
    const selector = groupSelector(counted, alone);
    const sum = (series: string) => sumBy(`sum_over_time(${series}${selector}[${range}]${atText})`, [LABEL_ID]);
    terms.push(withLabels(sum(SLI_ERROR_INCREASE_1H), { [MEASURE]: ERRORS }));
    terms.push(withLabels(sum(SLI_TOTAL_INCREASE_1H), { [MEASURE]: TOTAL }));
  }
  if (freeform.length > 0) {
    // A grouped freeform SLO records one ratio per group: their mean, unweighted as the ratios are.
    const ratio = `avg by (${LABEL_ID}) (avg_over_time(${sliErrorRatioName(CURRENT_WINDOW)}{${regexMatcher(LABEL_ID, freeform)}}[${range}]${atText}))`;
    terms.push(withLabels(ratio, { [MEASURE]: RATIO }));
  }
  return orTerms(terms);
}

/** The first and last day ends of a group's period read so far, or undefined before its first full day. */
export function dayEnds(group: BoundsGroup): { first: number; last: number } | undefined {
  const first = group.start + DAY_MS;
  if (first > group.readEnd) {
    return undefined;
  }
  return { first, last: first + Math.floor((group.readEnd - first) / DAY_MS) * DAY_MS };
}

/**
 * Every query the report of `plan` needs: per group of bounds its figures and its days, then the
 * incidents. Groups without SLOs to read are left out.
 */
export function reportQueries(plan: ReportPlan): ReportQuery[] {
  const alone = plan.groups.length === 1;
  const queries: ReportQuery[] = [];
  for (const group of plan.groups) {
    queries.push({
      id: figuresQueryId(group),
      kind: 'instant',
      expr: measures(group, plan.slos, alone, rangeOf(group.readEnd - group.start), group.readEnd),
      time: group.readEnd,
    });
    const days = dayEnds(group);
    if (days) {
      queries.push({
        id: daysQueryId(group),
        kind: 'range',
        expr: measures(group, plan.slos, alone, rangeOf(DAY_MS)),
        start: days.first,
        end: days.last,
        stepSeconds: DAY_MS / 1000,
      });
    }
  }
  const window = incidentWindow(plan);
  if (window) {
    queries.push({
      id: INCIDENTS_QUERY_ID,
      kind: 'instant',
      expr: pageAlertsQuery(window.to - window.from),
      time: window.to,
    });
  }
  return queries;
}

/**
 * Where the page alerts are read for the incidents: from a day before the earliest start (an
 * incident open when a period starts began before it) to the latest read end; none without groups.
 */
export function incidentWindow(plan: ReportPlan): { from: number; to: number } | undefined {
  if (plan.groups.length === 0) {
    return undefined;
  }
  return {
    from: Math.min(...plan.groups.map((group) => group.start)) - INCIDENT_LOOKBACK_MS,
    to: Math.max(...plan.groups.map((group) => group.readEnd)),
  };
}
