/**
 * Resolves an SLO's alerting settings into concrete burn-rate windows.
 */
import { tidy } from '../budget/budget';
import { Alerting, BurnWindow } from '../model';
import { parsePromDuration } from '../query/duration';
import { WINDOW_PRESETS } from './presets';

const SECONDS_PER_DAY = 86400;
/** Entries kept by each memo below (custom tiers and periods can take any value). */
const CACHE_LIMIT = 1000;

/**
 * Burn-rate factor that spends `budgetShare` of a `periodDays` budget within the `long` window:
 * share × period ÷ long window (2 % × 30 d ÷ 1 h = 14.4).
 */
export function burnFactor(budgetShare: number, periodDays: number, long: string): number {
  return tidy((budgetShare * periodDays * SECONDS_PER_DAY) / windowSeconds(long));
}

/**
 * Share of the period's budget spent when a tier fires: factor × long window ÷ period. The editor
 * shows it next to each tier ("pages after 2 % of the budget"), so it is rounded to 9 digits.
 */
export function budgetSpentWhenFires(window: BurnWindow, periodDays: number): number {
  // Rule generation asks this for every burn alert; the tiers of every SLO are a handful.
  const key = `${window.factor} ${window.long} ${periodDays}`;
  const cached = spentCache.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const spent = tidy((window.factor * windowSeconds(window.long)) / (periodDays * SECONDS_PER_DAY), 9);
  if (spentCache.size >= CACHE_LIMIT) {
    spentCache.clear();
  }
  spentCache.set(key, spent);
  return spent;
}

const spentCache = new Map<string, number>();

/**
 * All burn windows of the SLO's preset (or its custom table), including disabled tiers, with
 * factors scaled to the SLO period.
 */
export function resolveBurnWindows(alerting: Alerting, periodDays: number): BurnWindow[] {
  if (alerting.preset === 'custom') {
    return (alerting.windows ?? []).map((window) => ({ ...window }));
  }
  // Rule generation resolves the same preset and period for thousands of SLOs: the factors are
  // worked out once, and every call still gets windows of its own.
  const key = `${alerting.preset} ${periodDays}`;
  let resolved = presetCache.get(key);
  if (resolved === undefined) {
    resolved = WINDOW_PRESETS[alerting.preset].windows.map(({ budgetShare, ...window }) => ({
      ...window,
      factor: burnFactor(budgetShare, periodDays, window.long),
    }));
    if (presetCache.size >= CACHE_LIMIT) {
      presetCache.clear();
    }
    presetCache.set(key, resolved);
  }
  return resolved.map((window) => ({ ...window }));
}

const presetCache = new Map<string, BurnWindow[]>();

/** The burn windows that alert: alerting enabled and tier not listed in `disabledTiers`. */
export function enabledBurnWindows(alerting: Alerting, periodDays: number): BurnWindow[] {
  if (!alerting.enabled) {
    return [];
  }
  const disabled = new Set(alerting.disabledTiers ?? []);
  return resolveBurnWindows(alerting, periodDays).filter((window) => !disabled.has(window.tier));
}

/** A tier as the editor lists it: the window, whether it alerts, and the budget it lets burn. */
export interface TierSummary extends BurnWindow {
  enabled: boolean;
  budgetSpent: number;
}

/** Every tier of the SLO with its budget spent when it fires. */
export function summarizeTiers(alerting: Alerting, periodDays: number): TierSummary[] {
  const enabled = new Set(enabledBurnWindows(alerting, periodDays).map((window) => window.tier));
  return resolveBurnWindows(alerting, periodDays).map((window) => ({
    ...window,
    enabled: enabled.has(window.tier),
    budgetSpent: budgetSpentWhenFires(window, periodDays),
  }));
}

/** Every distinct window (long and short) used by the given burn windows, shortest first. */
export function windowsInUse(windows: BurnWindow[]): string[] {
  return distinctWindows(windows.flatMap((window) => [window.short, window.long]));
}

/** Windows without duplicates (`60m` and `1h` count as one), shortest first. */
export function distinctWindows(windows: string[]): string[] {
  const bySeconds = new Map<number, string>();
  for (const window of windows) {
    const seconds = windowSeconds(window);
    if (!bySeconds.has(seconds)) {
      bySeconds.set(seconds, window);
    }
  }
  return [...bySeconds.keys()].sort((a, b) => a - b).map((seconds) => bySeconds.get(seconds) as string);
}

// Rule generation asks for the same few windows hundreds of thousands of times.
const secondsCache = new Map<string, number>();

/** Seconds of a window; throws on text that validation should have refused. */
export function windowSeconds(window: string): number {
  const cached = secondsCache.get(window);
  if (cached !== undefined) {
    return cached;
  }
  const milliseconds = parsePromDuration(window);
  if (milliseconds === undefined) {
    throw new RangeError(`"${window}" is not a Prometheus duration`);
  }
  secondsCache.set(window, milliseconds / 1000);
  return milliseconds / 1000;
}
