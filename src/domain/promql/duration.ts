/**
 * Formatting of Prometheus durations; parsing lives in `query/duration` (`parsePromDuration`).
 */

const UNIT_SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };

/**
 * Formats whole seconds as the shortest Prometheus duration, e.g. 5400 → `1h30m`, 259200 → `3d`.
 * Weeks are not used so that `7d` and `28d` read the way SLO windows are written.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new RangeError(`duration must be a positive whole number of seconds, got ${seconds}`);
  }
  let rest = seconds;
  let text = '';
  for (const unit of ['d', 'h', 'm', 's']) {
    const size = UNIT_SECONDS[unit];
    if (rest >= size) {
      text += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return text;
}
