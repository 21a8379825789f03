/**
 * Prometheus durations (`5m`, `1h30m`, `3d`) as seconds and back.
 *
 * Only the units that SLO windows use are accepted: `s`, `m`, `h`, `d` and `w`. Milliseconds and
 * years are valid in Prometheus but never sensible for burn-rate windows.
 */

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };
const DURATION_PATTERN = /^(?:\d+[wdhms])+$/;
const PART_PATTERN = /(\d+)([wdhms])/g;

/** Parses a Prometheus duration into seconds; `undefined` when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION_PATTERN.test(text)) {
    return undefined;
  }
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(PART_PATTERN)) {
    seconds += Number(amount) * UNIT_SECONDS[unit];
  }
  return seconds > 0 ? seconds : undefined;
}

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
