/**
 * Time in the demo workload. Every function of the model takes Unix seconds; the scripted
 * behaviour (incidents, deploys, error blips) repeats every {@link CYCLE_SECONDS}, so any window
 * of four weeks shows all of it whatever today's date is.
 */

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;

/** Four weeks: a whole number of days and weeks, so daily and weekly curves repeat exactly. */
export const CYCLE_DAYS = 28;
export const CYCLE_SECONDS = CYCLE_DAYS * DAY;

/** Counters start at zero here: 2024-01-01T00:00:00Z, a Monday. */
export const DEMO_ORIGIN = Date.UTC(2024, 0, 1) / 1000;

/** A time split into the cycle it falls in and its offset (seconds) inside that cycle. */
export interface CyclePosition {
  cycle: number;
  offset: number;
}

/** Where `t` (Unix seconds, not before {@link DEMO_ORIGIN}) falls in the repeating cycle. */
export function cyclePosition(t: number): CyclePosition {
  const elapsed = Math.max(0, t - DEMO_ORIGIN);
  const cycle = Math.floor(elapsed / CYCLE_SECONDS);
  return { cycle, offset: elapsed - cycle * CYCLE_SECONDS };
}

/** Unix seconds of an offset inside a cycle. */
export function cycleTime(cycle: number, offset: number): number {
  return DEMO_ORIGIN + cycle * CYCLE_SECONDS + offset;
}
