/** Human-readable budget durations. */

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
