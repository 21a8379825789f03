const UNITS: Record<string, number> = {
  y: 365 * 24 * 3600_000,
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

// Units in the order Prometheus requires them, largest first, each at most once.
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/**
 * Parses a Prometheus duration such as `5m`, `1h30m` or `30d` into milliseconds. Returns
 * `undefined` for anything Prometheus would refuse, including zero and an empty string.
 */
export function parsePromDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === '') {
    return undefined;
  }
  const total = ORDER.reduce((sum, unit, index) => sum + Number(match[index + 1] ?? 0) * UNITS[unit], 0);
  return total > 0 ? total : undefined;
}
