/** Human-readable budget durations, shares of the budget and burn rates. */

const UNITS: Array<[string, number]> = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * Formats seconds for people: the two or three largest units, e.g. 2592 → `43m 12s`,
 * 7260 → `2h 1m 0s`, 788400 → `9d 3h 0m`; under a second as milliseconds (`86ms`), and `∞` for
 * Infinity. Seconds are rounded, and dropped once days are shown.
 */
export function formatBudgetDuration(seconds: number): string {
  if (seconds === Infinity) {
    return '∞';
  }
  if (seconds < 0) {
    return `-${formatBudgetDuration(-seconds)}`;
  }
  if (seconds < 1) {
    return `${Math.round(seconds * 1000)}ms`;
  }
  const rounded = Math.round(seconds);
  const first = UNITS.findIndex(([, size]) => rounded >= size);
  const shown = UNITS.slice(first, first === 0 ? 3 : UNITS.length);
  let rest = first === 0 ? Math.round(rounded / 60) * 60 : rounded;
  return shown
    .map(([unit, size]) => {
      const amount = Math.floor(rest / size);
      rest -= amount * size;
      return `${amount}${unit}`;
    })
    .join(' ');
}

/**
 * Formats `value` with as few decimals as keep it apart from `threshold`, so that a value just
 * below a threshold never reads as equal to it.
 */
function shown(value: number, threshold: number | undefined, minDigits: number): string {
  for (let digits = minDigits; digits <= 6; digits++) {
    const text = trim(value.toFixed(digits));
    if (threshold === undefined || value === threshold || text !== trim(threshold.toFixed(digits))) {
      return text;
    }
  }
  return String(value);
}

function trim(text: string): string {
  const short = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return short === '-0' ? '0' : short;
}

/**
 * A ratio as a percentage, e.g. `0.125` → `12.5%`, with enough decimals to tell it from the
 * `threshold` ratio it is compared with.
 */
export function formatRatioPercent(ratio: number, threshold?: number): string {
  return `${shown(ratio * 100, threshold === undefined ? undefined : threshold * 100, 1)}%`;
}

/** A burn-rate factor, e.g. `2.4x`, with enough decimals to tell it from `threshold`. */
export function formatBurnFactor(rate: number, threshold?: number): string {
  return `${shown(rate, threshold, 2)}x`;
}
