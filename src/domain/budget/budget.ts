/**
 * Error-budget arithmetic. Objectives are percentages (99.9), ratios are fractions (0.001).
 *
 * Results are rounded to 12 significant digits so that 100 − 99.9 gives 0.001 and not
 * 0.0010000000000000009: rule files and labels show these numbers to people.
 */

const SECONDS_PER_DAY = 86400;

/** Rounds away binary floating-point noise (12 significant digits unless told). */
export function tidy(value: number, digits = 12): number {
  return Number.isFinite(value) ? Number(value.toPrecision(digits)) : value;
}

/** The error ratio the objective allows, e.g. 99.9 → 0.001. */
export function allowedErrorRatio(objective: number): number {
  return tidy((100 - objective) / 100);
}

/** The objective as a ratio, e.g. 99.9 → 0.999. */
export function objectiveRatio(objective: number): number {
  return tidy(objective / 100);
}

/** The error budget as time: how long the service may be fully down in the window (seconds). */
export function errorBudgetSeconds(objective: number, windowDays: number): number {
  return tidy(allowedErrorRatio(objective) * windowDays * SECONDS_PER_DAY);
}

/** Burn rate: how many times faster than sustainable the budget is spent (1 = exactly used up). */
export function burnRate(errorRatio: number, objective: number): number {
  return tidy(errorRatio / allowedErrorRatio(objective));
}

/** Share of the budget consumed by an error ratio measured over the whole window. */
export function budgetConsumed(windowErrorRatio: number, objective: number): number {
  return burnRate(windowErrorRatio, objective);
}

/** Share of the budget left (negative when overspent), from the share consumed. */
export function budgetRemaining(consumed: number): number {
  return tidy(1 - consumed);
}

/**
 * Seconds until the budget left is used up at the current burn rate: the remaining share of the
 * window's budget divided by the burn rate. 0 when nothing is left, Infinity when nothing burns.
 * It ignores old errors leaving a rolling window, so it errs on the early side.
 */
export function timeToExhaustion(remaining: number, currentBurnRate: number, windowDays: number): number {
  if (remaining <= 0) {
    return 0;
  }
  if (currentBurnRate <= 0) {
    return Infinity;
  }
  return tidy((remaining * windowDays * SECONDS_PER_DAY) / currentBurnRate);
}

/**
 * How many windows in a row ended with the budget spent (budget left at or below 0), counting back
 * from the latest; `budgetsLeft` lists each window's budget left at its end, latest first, undefined
 * where it was not recorded. Undefined when the count reaches a window that was not recorded, since
 * the run might go on there.
 */
export function spentWindowsInARow(budgetsLeft: Array<number | undefined>): number | undefined {
  let count = 0;
  for (const left of budgetsLeft) {
    if (left === undefined || !Number.isFinite(left)) {
      return undefined;
    }
    if (left > 0) {
      return count;
    }
    count++;
  }
  return count;
}
