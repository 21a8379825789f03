/**
 * Ranges that cover exactly their nominal length on Prometheus 2.x and 3.x.
 *
 * Prometheus 2.x selects the samples of `[1h]` in [t − 1h, t], both ends included; 3.x in
 * (t − 1h, t]. Recorded series have their samples on a grid (one per evaluation of their group,
 * one hourly tile, or one subquery step every 5 minutes, aligned to the clock), so whenever the
 * grid meets the start of the window 2.x reads one sample more: `sum_over_time(x[1h:5m])` on a
 * 5-minute mark sums 13 steps, 65 minutes, and `[1d]` of hourly tiles can read 25 of them. A range
 * 1 ms shorter (`59m59s999ms`) reads the same samples on both at any evaluation time, except on
 * 3.x at an evaluation exactly 1 ms before a grid point (one 5-minute step, or one tile's
 * timestamp), which reads one sample fewer: no integer range avoids both, and Prometheus
 * timestamps are whole milliseconds.
 *
 * Ranges over raw series keep their nominal length (`rate(x[1h])`, as Sloth writes them): `rate`
 * and `increase` extrapolate to the window's ends on both versions, and scrapes land on the
 * window's start only when a target's scrape offset meets the group's evaluation offset.
 */
import { windowSeconds } from '../windows/windows';

const UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** The range to write for a window over recorded series: 1 ms shorter, e.g. `1h` → `59m59s999ms`. */
export function exactRange(window: string): string {
  let range = exactRanges.get(window);
  if (range === undefined) {
    range = rangeOf(window);
    if (exactRanges.size >= 1000) {
      exactRanges.clear();
    }
    exactRanges.set(window, range);
  }
  return range;
}

// Rule generation asks for the same few windows several times per SLO.
const exactRanges = new Map<string, string>();

function rangeOf(window: string): string {
  let rest = Math.round(windowSeconds(window) * 1000) - 1;
  if (rest <= 0) {
    return window;
  }
  let text = '';
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text;
}
