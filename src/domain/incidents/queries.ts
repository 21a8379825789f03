/**
 * The PromQL an incident report reads, and how its answers become the report's inputs. The number
 * of queries does not grow with the SLOs or the incidents: one for the page alerts of all SLOs, one
 * for the 5-minute increases of the SLOs that had incidents, one for every SLO's window errors and
 * period events, and one for the revenue KPIs of the services that had incidents.
 */
import { allowedErrorRatio } from '../budget/budget';
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { Slo } from '../model';
import { orTerms, sumBy, withLabels } from '../query/combine';
import { regexMatcher, regexOf } from '../query/selector';
import {
  BASE_WINDOW,
  LABEL_BURN_TIER,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLOTH_SEVERITY,
  SLI_ERROR_INCREASE_1H,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_1H,
  SLI_TOTAL_INCREASE_5M,
  TILE_WINDOW,
} from '../rules/names';
import { exactRange } from '../rules/ranges';
import { BUCKET_MS } from './impact';
import { RevenueKpi } from './revenue';
import { EventBucket, FiringInterval, FiringSeries, RevenueRate, SloBudgetInput } from './types';

/** One series of a Prometheus answer: its labels and `[Unix ms, value]` samples in time order. */
export interface RawSeries {
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

const MEASURE = 'measure';
const WINDOW_ERRORS = 'window_errors';
const PERIOD_EVENTS = 'period_events';
const DAY_MS = 86_400_000;

/** A range over recorded series covering `ms` exactly (1 ms short, ranges.ts). */
function rangeOf(ms: number): string {
  return exactRange(`${Math.max(1, Math.round(ms / 1000))}s`);
}

/**
 * Every page burn alert's raw `ALERTS_FOR_STATE` samples over the last `rangeMs`, as an instant
 * query at the window's end. Prometheus writes the series at every evaluation while the alert is
 * active, with the time it became active as the value; page alerts have no hold (`for`), so active
 * is firing. Raw samples give the exact start and the last evaluation that saw it firing, whatever
 * the query step, and cost nothing while nothing fires.
 */
export function pageAlertsQuery(rangeMs: number): string {
  return `ALERTS_FOR_STATE{${LABEL_SLOTH_SEVERITY}="page", ${LABEL_BURN_TIER}!=""}[${rangeOf(rangeMs)}]`;
}

/**
 * The 5-minute error and event increases of these SLOs at every 5-minute mark of the last
 * `rangeMs`, as an instant query with a subquery: one recorded increase per 5 minutes, each the
 * events of the 5 minutes before its mark (as the app's 1h–6h windows sum them, windowRatio.ts).
 */
export function incidentEventsQuery(sloIds: string[], rangeMs: number): string {
  const names = regexOf([SLI_ERROR_INCREASE_5M, SLI_TOTAL_INCREASE_5M]);
  return `{__name__=~"${names}", ${regexMatcher(LABEL_ID, sloIds)}}[${rangeOf(rangeMs)}:${BASE_WINDOW}]`;
}

function periodMs(slo: Slo): number | undefined {
  const window = parseSloWindow(slo.window);
  return isProblem(window) ? undefined : ruleWindowDays(window) * DAY_MS;
}

/**
 * Each SLO's failed events over the window and events over its period, from the hourly tiles (a
 * day or more, as every long window of the app: up to an hour late), told apart by `measure`.
 */
export function budgetInputsQuery(slos: Slo[], windowMs: number): string {
  const errors = sumBy(`sum_over_time(${SLI_ERROR_INCREASE_1H}[${rangeOf(windowMs)}])`, [LABEL_ID]);
  const byPeriod = new Map<number, string[]>();
  for (const slo of slos) {
    const ms = periodMs(slo);
    if (ms !== undefined) {
      byPeriod.set(ms, [...(byPeriod.get(ms) ?? []), slo.id]);
    }
  }
  const periods = [...byPeriod.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ms, ids]) =>
      withLabels(
        sumBy(`sum_over_time(${SLI_TOTAL_INCREASE_1H}{${regexMatcher(LABEL_ID, ids)}}[${rangeOf(ms)}])`, [LABEL_ID]),
        { [MEASURE]: PERIOD_EVENTS }
      )
    );
  return orTerms([withLabels(errors, { [MEASURE]: WINDOW_ERRORS }), ...periods]);
}

/** The revenue KPIs' mean over the window (hourly values), one series per service. */
export function revenueQuery(kpis: Array<{ serviceId: string; revenue: RevenueKpi }>, windowMs: number): string {
  return orTerms(
    kpis.map(({ serviceId, revenue }) =>
      withLabels(`avg_over_time((${sumBy(revenue.kpi.query, [])})[${rangeOf(windowMs)}:${TILE_WINDOW}])`, {
        [LABEL_SERVICE]: serviceId,
      })
    )
  );
}

/** Each SLO's 5-minute buckets, groups of a grouped SLO summed, oldest first. */
export function readEventBuckets(series: RawSeries[]): Map<string, EventBucket[]> {
  const bySlo = new Map<string, Map<number, EventBucket>>();
  for (const { labels, samples } of series) {
    const sloId = labels[LABEL_ID];
    const isErrors = labels.__name__ === SLI_ERROR_INCREASE_5M;
    if (!sloId || (!isErrors && labels.__name__ !== SLI_TOTAL_INCREASE_5M)) {
      continue;
    }
    const buckets = bySlo.get(sloId) ?? new Map<number, EventBucket>();
    bySlo.set(sloId, buckets);
    for (const [end, value] of samples) {
      if (!Number.isFinite(value)) {
        continue;
      }
      const bucket = buckets.get(end) ?? { end, errors: 0, total: 0 };
      buckets.set(
        end,
        isErrors ? { ...bucket, errors: bucket.errors + value } : { ...bucket, total: bucket.total + value }
      );
    }
  }
  return new Map([...bySlo].map(([sloId, buckets]) => [sloId, [...buckets.values()].sort((a, b) => a.end - b.end)]));
}

/** Each SLO's period allowance ((1 − objective) × period events) and window errors. */
export function readBudgetInputs(series: RawSeries[], slos: Slo[]): Map<string, SloBudgetInput> {
  const objectives = new Map(slos.map((slo) => [slo.id, slo.objective]));
  const inputs = new Map<string, SloBudgetInput>();
  for (const { labels, samples } of series) {
    const sloId = labels[LABEL_ID];
    const value = samples[samples.length - 1]?.[1];
    const objective = objectives.get(sloId);
    if (objective === undefined || value === undefined || !Number.isFinite(value)) {
      continue;
    }
    const input = inputs.get(sloId) ?? {};
    if (labels[MEASURE] === WINDOW_ERRORS) {
      input.windowFailures = value;
    } else if (labels[MEASURE] === PERIOD_EVENTS) {
      input.periodAllowedFailures = allowedErrorRatio(objective) * value;
    }
    inputs.set(sloId, input);
  }
  return inputs;
}

/** Each service's revenue rate per second, from the KPI means and the KPIs' time bases. */
export function readRevenue(series: RawSeries[], kpis: ReadonlyMap<string, RevenueKpi>): Map<string, RevenueRate> {
  const rates = new Map<string, RevenueRate>();
  for (const { labels, samples } of series) {
    const revenue = kpis.get(labels[LABEL_SERVICE]);
    const value = samples[samples.length - 1]?.[1];
    if (revenue && value !== undefined && Number.isFinite(value)) {
      rates.set(labels[LABEL_SERVICE], { perSecond: value / revenue.perSeconds, currency: revenue.currency });
    }
  }
  return rates;
}

/** The range the events query needs: from 5 minutes before the first incident's start to `to`. */
export function eventsRangeMs(firstStart: number, to: number): number {
  return to - firstStart + BUCKET_MS;
}

const DEFAULT_EVALUATION_MS = 60_000;

/** The closest two samples of one series are, or `Infinity` with fewer than two. */
function closestSamples(samples: RawSeries['samples']): number {
  let interval = Infinity;
  for (let i = 1; i < samples.length; i++) {
    const step = samples[i][0] - samples[i - 1][0];
    if (step > 0 && step < interval) {
      interval = step;
    }
  }
  return interval;
}

/**
 * Firing periods from raw `ALERTS_FOR_STATE` samples read at `readAt`: a period is a run of
 * samples with the same activation time (the value, Unix seconds), which is its start. It ends one
 * evaluation interval after its last sample; a run whose last sample is at most two intervals
 * before `readAt` still fires. Each series has its own interval (the closest two of its samples):
 * an SLO's first page tier runs every cycle and its others every minute (alert-rules.ts); a series
 * with one sample takes the closest of any series. A new activation time starts a new period; samples missing while
 * the activation time stays (Prometheus was down, the alert kept firing) do not.
 */
export function firingFromForState(series: RawSeries[], readAt: number): FiringSeries[] {
  const spacing = series.map(({ samples }) => closestSamples(samples));
  const closest = spacing.reduce((min, step) => Math.min(min, step), Infinity);
  const fallback = closest === Infinity ? DEFAULT_EVALUATION_MS : closest;
  return series.map(({ labels, samples }, index) => {
    const interval = spacing[index] === Infinity ? fallback : spacing[index];
    const intervals: FiringInterval[] = [];
    let runStart = 0;
    samples.forEach(([time, activeAt], i) => {
      const next = samples[i + 1];
      if (next && next[1] === activeAt) {
        return;
      }
      const first = samples[runStart][0];
      const start = Number.isFinite(activeAt) && activeAt * 1000 <= first ? activeAt * 1000 : first;
      const open = !next && readAt - time <= 2 * interval;
      intervals.push(open ? { start } : { start, end: time + interval });
      runStart = i + 1;
    });
    return { labels: alertLabels(labels), intervals };
  });
}

/** The alert's own labels: without the series name and `alertstate`. */
function alertLabels(labels: Record<string, string>): Record<string, string> {
  const own = { ...labels };
  delete own.__name__;
  delete own.alertstate;
  return own;
}
