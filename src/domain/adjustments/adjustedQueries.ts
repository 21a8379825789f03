/**
 * The raw and adjusted figures of one SLO over its window, side by side: its SLI and the share of
 * its error budget left, each summed the same way from the SLO's 5-minute increases, once as they
 * are and once without the events of its approved adjustments' windows. Of a grouped SLO, the worst
 * group, as the SLO page's other figures show it.
 */
import { allowedErrorRatio } from '../budget/budget';
import { isProblem, parseSloWindow, ruleWindowDays, windowStart } from '../budget/window';
import { RegistryDocument, Slo } from '../model';
import { isCountableSli } from '../query/sli';
import { adjustedBudgetLeft, adjustedErrorRatio } from '../rules/adjustments';
import { LABEL_ID } from '../rules/names';
import { approvedAdjustments } from './adjustments';

export interface AdjustedQueries {
  rawSli: string;
  adjustedSli: string;
  rawBudgetLeft: string;
  adjustedBudgetLeft: string;
}

const FIVE_MINUTES_S = 300;

/**
 * The range the SLO's budget is measured over at `now` (epoch ms): its rolling days, or, for a
 * calendar window, from the start of the current period, in whole 5-minute steps.
 */
export function measuredRange(slo: Slo, now: number): string {
  const window = parseSloWindow(slo.window);
  if (isProblem(window)) {
    return '30d';
  }
  if (window.kind === 'rolling') {
    return `${ruleWindowDays(window)}d`;
  }
  const since = (now - windowStart(window, new Date(now), slo.timeZone).getTime()) / 1000;
  return `${Math.max(FIVE_MINUTES_S, Math.ceil(since / FIVE_MINUTES_S) * FIVE_MINUTES_S)}s`;
}

/** The four instant queries of the SLO `sloId` at `now` (epoch ms). */
export function adjustedFigureQueries(doc: RegistryDocument, slo: Slo, now: number): AdjustedQueries {
  const selector = `{${LABEL_ID}="${slo.id}"}`;
  const range = measuredRange(slo, now);
  const countable = isCountableSli(slo.sli);
  const allowed = allowedErrorRatio(slo.objective);
  const approved = approvedAdjustments(doc, slo.id);
  const sli = (adjustments: typeof approved) =>
    `min(1 - ${adjustedErrorRatio(range, selector, adjustments, countable)})`;
  const left = (adjustments: typeof approved) =>
    `min(${adjustedBudgetLeft(range, selector, adjustments, allowed, countable)})`;
  return {
    rawSli: sli([]),
    adjustedSli: sli(approved),
    rawBudgetLeft: left([]),
    adjustedBudgetLeft: left(approved),
  };
}
