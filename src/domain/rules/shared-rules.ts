/**
 * Sloth's series, for registries that keep Sloth dashboards or alert routes
 * (`settings.slothSeries`; an import from Sloth turns it on): the error ratio over every window
 * (`slo:sli_error:ratio_rate<w>`), objective, error budget and period length, and the current and
 * period burn rates, under Sloth's names and labels. Nothing the app shows or alerts on reads them:
 * alerts, panels and the gate sum their windows from each SLO's increases (windowRatio.ts). They
 * are written once for the whole registry instead of once per SLO: every rule here only combines
 * series the per-SLO rules record, so one rule does it for all SLOs at once, matching series by
 * their labels (about 15 rules instead of 13,000 at 1,000 SLOs).
 *
 * - Error ratios of countable SLIs over windows from 5 minutes to under a day: the sum of the
 *   5-minute error increases over the window, divided by the sum of the event increases, summed
 *   as windowRatio.ts explains.
 * - Error ratios over windows of a day or more and over the period, from the hourly tiles: exactly
 *   24 tiles for 1d, 720 for 30d.
 * - Objective, error budget and period length, from the labels of `slo:info`.
 * - Current and period burn rates. The budget left is each SLO's own rule (meta-rules.ts).
 *
 * Rules of a group run one after the other at the same time, so each reads what the ones before
 * it recorded in the same evaluation.
 */
import { allowedErrorRatio, objectiveRatio } from '../budget/budget';
import { orTerms } from '../query/combine';
import { regexMatcher } from '../query/selector';
import { isCountableSli } from '../query/sli';
import { windowSeconds } from '../windows/windows';
import { SloContext } from './context';
import {
  BASE_WINDOW,
  CURRENT_BURN_RATE,
  INFO_LABELS,
  INFO_OBJECTIVE,
  INFO_WINDOW,
  CURRENT_WINDOW,
  ERROR_BUDGET_RATIO,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  LABEL_WINDOW,
  OBJECTIVE_RATIO,
  PERIOD_BURN_RATE,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_5M,
  SLO_INFO,
  SLOW_INTERVAL,
  TIME_PERIOD_DAYS,
  sliErrorRatioName,
} from './names';
import { recordsOwnRatio } from './sli-rules';
import { RecordingRule, RuleGroup } from './types';
import { isTiledWindow, summedErrorRatio } from './windowRatio';

/**
 * The registry-wide groups: error ratios, then budget and burn rates (which read the ratios). The
 * dot keeps them apart from every SLO's `slo-<id>` group: ids are slugs.
 */
export const SHARED_RATIOS_GROUP = 'slo-shared.ratios';
export const SHARED_TILED_GROUP = 'slo-shared.tiled';
export const SHARED_BUDGET_GROUP = 'slo-shared.budget';

const ON = `on (${LABEL_ID}, ${LABEL_SLO}, ${LABEL_SERVICE})`;
const INFO = `max without (${INFO_LABELS.join(', ')}) (${SLO_INFO}`;

/**
 * Sloth's series for the SLOs of a registry; none without SLOs. The sub-day ratios run every
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
  const summed = (ctx: SloContext, window: string) => !recordsOwnRatio(ctx, window);
  const short = uniqueWindows(
    countable.flatMap((ctx) => ctx.sliWindows.filter((window) => summed(ctx, window) && !isTiledWindow(window)))
  );
  const tiled = uniqueWindows(
    countable.flatMap((ctx) => [...ctx.sliWindows.filter((window) => isTiledWindow(window)), ctx.period])
  );
  const ratio = (window: string): RecordingRule => ({
    record: sliErrorRatioName(window),
    expr: window === BASE_WINDOW ? `${SLI_ERROR_INCREASE_5M} / ${SLI_TOTAL_INCREASE_5M}` : summedErrorRatio(window),
    labels: { [LABEL_WINDOW]: window },
  });
  return { short: short.map(ratio), tiled: tiled.map(ratio) };
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
