/**
 * Rules written once for the whole registry instead of once per SLO: every rule here only combines
 * series the per-SLO rules record, so one rule can do it for all SLOs at once, matching series by
 * their labels. At 1,000 SLOs that is about 15 rules instead of 13,000, and the per-SLO rules left
 * read the raw series over 5 minutes (plus the hourly tiles) instead of over every alert window
 * (bench/RESULTS.md, "Rule cost").
 *
 * Every range over these recorded series is 1 ms shorter than its window (`[59m59s999ms:5m]` for
 * 1h, see ranges.ts), so that Prometheus 2.x, whose ranges include both ends, reads as many samples
 * as 3.x: `[1h:5m]` on a 5-minute mark summed 13 spans on 2.x, 65 minutes.
 *
 * - Error ratios of countable PromQL SLIs over windows shorter than a day: the sum of the 5-minute
 *   error increases over the window, divided by the sum of the event increases.
 *   - Under an hour (30m), the increases recorded at every evaluation: 30 / i of them at an
 *     evaluation interval of i minutes. Consecutive 5-minute spans overlap, so an event is counted
 *     once per evaluation whose span holds it, on both sides alike: the ratio is traffic-weighted,
 *     with full weight on events 5 to 30 minutes old; the newest 5 minutes ramp in and the 5
 *     minutes before the window ramp out, and the weights add up to exactly 30 minutes. Not a
 *     window with sharp ends, then: it spans 35 minutes minus one evaluation interval.
 *   - From an hour on (1h, 2h, 6h), one increase every 5 minutes (a subquery `[5h59m59s999ms:5m]`,
 *     72 steps for 6h at any evaluation time): spans that follow each other without overlap when
 *     the evaluation interval divides 5 minutes, so each event counts once, over exactly the
 *     window that ends at the last 5-minute step.
 *   Either way a change shows about 2.5 minutes later on average than in a rate over the raw
 *   series (up to 5 minutes from an hour on); the 5-minute ratio itself is exact, and every alert
 *   pairs its long window with a short one.
 * - Error ratios over windows of a day or more and over the period, for every countable SLI (log
 *   SLIs included), from the hourly tiles: exactly 24 tiles for 1d, 720 for 30d.
 * - Objective, error budget and period length, from the labels of `slo:info`.
 * - Current and period burn rates, and the budget left.
 *
 * Rules of a group run one after the other at the same time, so each reads what the ones before
 * it recorded in the same evaluation.
 */
import { allowedErrorRatio, objectiveRatio } from '../budget/budget';
import { orTerms } from '../query/combine';
import { regexMatcher } from '../query/selector';
import { isCountableSli, sliQueryLanguage } from '../query/sli';
import { windowSeconds } from '../windows/windows';
import { SloContext } from './context';
import { INFO_NAME, INFO_OBJECTIVE, INFO_WINDOW } from './meta-rules';
import {
  BASE_WINDOW,
  CURRENT_BURN_RATE,
  CURRENT_WINDOW,
  ERROR_BUDGET_RATIO,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  LABEL_WINDOW,
  OBJECTIVE_RATIO,
  PERIOD_BUDGET_REMAINING,
  PERIOD_BURN_RATE,
  SLI_ERROR_INCREASE_1H,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_1H,
  SLI_TOTAL_INCREASE_5M,
  SLO_INFO,
  SLOW_INTERVAL,
  TIME_PERIOD_DAYS,
  sliErrorRatioName,
} from './names';
import { exactRange } from './ranges';
import { isSharedWindow, isTiledWindow } from './sli-rules';
import { RecordingRule, RuleGroup } from './types';

/**
 * The registry-wide groups: error ratios, then budget and burn rates (which read the ratios). The
 * dot keeps them apart from every SLO's `slo-<id>` group: ids are slugs.
 */
export const SHARED_RATIOS_GROUP = 'slo-shared.ratios';
export const SHARED_TILED_GROUP = 'slo-shared.tiled';
export const SHARED_BUDGET_GROUP = 'slo-shared.budget';

/**
 * Windows from this length on sum one 5-minute increase every 5 minutes (a subquery) rather than
 * the increase of every evaluation: a sixth to a fifteenth of the samples at a 1-minute to a
 * 20-second evaluation interval.
 */
const STEPPED_FROM = 3600;

const ON = `on (${LABEL_ID}, ${LABEL_SLO}, ${LABEL_SERVICE})`;
const INFO = `max without (${INFO_OBJECTIVE}, ${INFO_WINDOW}, ${INFO_NAME}) (${SLO_INFO}`;

/**
 * The shared groups of the SLOs of a registry; none without SLOs. The sub-day ratios run every
 * cycle; the ratios summed from hourly tiles, which change once an hour, and budget and burn rates
 * run every `SLOW_INTERVAL`. Three groups rather than one keep each under the 20 rules per group
 * that Mimir allows by default, whatever the windows in use; the burn rates then read the ratios of
 * a previous evaluation.
 */
export function buildSharedGroups(contexts: SloContext[]): RuleGroup[] {
  if (contexts.length === 0) {
    return [];
  }
  const budget: RecordingRule[] = [
    ...constants(contexts),
    {
      record: CURRENT_BURN_RATE,
      expr: `${sliErrorRatioName(CURRENT_WINDOW)} / ${ON} group_left ${ERROR_BUDGET_RATIO}`,
    },
    { record: PERIOD_BURN_RATE, expr: periodBurnRate(contexts) },
    { record: PERIOD_BUDGET_REMAINING, expr: `1 - ${PERIOD_BURN_RATE}` },
  ];
  const { short, tiled } = windowRatios(contexts);
  // freeform SLIs alone record their own ratios: no ratio groups then
  return [
    ...(short.length > 0 ? [{ name: SHARED_RATIOS_GROUP, rules: short }] : []),
    ...(tiled.length > 0 ? [{ name: SHARED_TILED_GROUP, interval: SLOW_INTERVAL, rules: tiled }] : []),
    { name: SHARED_BUDGET_GROUP, interval: SLOW_INTERVAL, rules: budget },
  ];
}

function windowRatios(contexts: SloContext[]): { short: RecordingRule[]; tiled: RecordingRule[] } {
  const countable = contexts.filter((ctx) => isCountableSli(ctx.slo.sli));
  const promql = countable.filter((ctx) => sliQueryLanguage(ctx.slo.sli) === 'promql');
  const short = uniqueWindows(
    promql.flatMap((ctx) => ctx.sliWindows.filter((window) => isSharedWindow(ctx, window) && !isTiledWindow(window)))
  );
  const tiled = uniqueWindows(
    countable.flatMap((ctx) => [...ctx.sliWindows.filter((window) => isTiledWindow(window)), ctx.period])
  );
  const ratio = (window: string, expr: string): RecordingRule => ({
    record: sliErrorRatioName(window),
    expr,
    labels: { [LABEL_WINDOW]: window },
  });
  const summed = (errors: string, total: string, range: string) =>
    `sum_over_time(${errors}[${range}]) / sum_over_time(${total}[${range}])`;
  const shortRatio = (window: string) => {
    if (window === BASE_WINDOW) {
      return `${SLI_ERROR_INCREASE_5M} / ${SLI_TOTAL_INCREASE_5M}`;
    }
    const range = windowSeconds(window) >= STEPPED_FROM ? `${exactRange(window)}:${BASE_WINDOW}` : exactRange(window);
    return summed(SLI_ERROR_INCREASE_5M, SLI_TOTAL_INCREASE_5M, range);
  };
  return {
    short: short.map((window) => ratio(window, shortRatio(window))),
    tiled: tiled.map((window) =>
      ratio(window, summed(SLI_ERROR_INCREASE_1H, SLI_TOTAL_INCREASE_1H, exactRange(window)))
    ),
  };
}

/**
 * Objective, error budget and period length of every SLO: one term per distinct value, selecting
 * the `slo:info` series that carry it and keeping only the SLO's own labels.
 */
function constants(contexts: SloContext[]): RecordingRule[] {
  const objectives = [...new Set(contexts.map((ctx) => ctx.slo.objective))];
  const byObjective = (value: (objective: number) => number) =>
    orTerms(objectives.map((objective) => `(${value(objective)} * ${INFO}{${INFO_OBJECTIVE}="${objective}"}))`));
  const windowsByDays = new Map<number, Set<string>>();
  for (const ctx of contexts) {
    windowsByDays.set(ctx.periodDays, (windowsByDays.get(ctx.periodDays) ?? new Set()).add(ctx.slo.window));
  }
  const days = orTerms(
    [...windowsByDays].map(([count, windows]) => {
      return `(${count} * ${INFO}{${regexMatcher(INFO_WINDOW, [...windows])}}))`;
    })
  );
  return [
    { record: OBJECTIVE_RATIO, expr: byObjective(objectiveRatio) },
    { record: ERROR_BUDGET_RATIO, expr: byObjective(allowedErrorRatio) },
    { record: TIME_PERIOD_DAYS, expr: days },
  ];
}

/** The period ratio of each SLO over its own period, divided by its budget. */
function periodBurnRate(contexts: SloContext[]): string {
  const periods = [...new Set(contexts.map((ctx) => ctx.periodDays))].sort((a, b) => a - b);
  return orTerms(
    periods.map(
      (days) =>
        `(${sliErrorRatioName(`${days}d`)} / ${ON} group_left () (${ERROR_BUDGET_RATIO} and ${ON} (${TIME_PERIOD_DAYS} == ${days})))`
    )
  );
}

/**
 * Windows as written, shortest first. Equal lengths written differently (`60m`, `1h`) are both
 * kept: each SLO's rules read the name they were written with.
 */
function uniqueWindows(windows: string[]): string[] {
  return [...new Set(windows)].sort((a, b) => windowSeconds(a) - windowSeconds(b));
}
