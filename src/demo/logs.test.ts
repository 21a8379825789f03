import { buildLokiPush } from './loki';
import { LOG_SAMPLING, logCounts, logLines } from './logs';
import { requestsBetween } from './queries';

const T = Date.UTC(2026, 10, 20, 12) / 1000;

describe('logLines', () => {
  it('returns the newest lines first, within the range, as logfmt', () => {
    const lines = logLines('checkout', T - 60, T, { limit: 20 });
    expect(lines).toHaveLength(20);
    expect(lines.map((line) => line.time)).toEqual([...lines.map((line) => line.time)].sort((a, b) => b - a));
    lines.forEach((line) => {
      expect(line.time).toBeGreaterThan(T - 60);
      expect(line.time).toBeLessThanOrEqual(T);
      expect(line.line).toMatch(
        /^level=(info|warn|error) msg="[a-z ]+" route=\S+ method=[A-Z]+ status=\d{3} duration=\d+\.\d{3} trace_id=[0-9a-f]{32}$/
      );
      expect(line.line).toContain(`level=${line.labels.level}`);
    });
  });

  it('gives the same lines whatever range they are asked with', () => {
    const wide = logLines('search', T - 120, T + 0.5, { limit: 1000 });
    const narrow = logLines('search', T - 60, T, { limit: 1000 });
    expect(wide.filter((line) => line.time > T - 60 && line.time <= T)).toEqual(narrow);
  });

  it('writes one line per LOG_SAMPLING requests, as logCounts says', () => {
    const counts = logCounts('catalog', T - 600, T);
    const lines = logLines('catalog', T - 600, T, { limit: 100_000 });
    const total = counts.info + counts.warn + counts.error;
    expect(lines).toHaveLength(total);
    expect(total).toBeCloseTo(requestsBetween('catalog', T - 600, T) / LOG_SAMPLING, -1);
  });

  it('filters by level', () => {
    const errors = logLines('payments', T - 7 * 86_400, T, { level: 'error', limit: 5 });
    expect(errors).toHaveLength(5);
    errors.forEach((line) => expect(line.line).toMatch(/status=50[03]/));
  });
});

describe('buildLokiPush', () => {
  it('groups lines by label set, oldest first, with nanosecond timestamps', () => {
    const push = buildLokiPush([
      { time: 1700000001.5, labels: { service: 'a', level: 'info' }, line: 'second' },
      { time: 1700000000.25, labels: { service: 'a', level: 'info' }, line: 'first' },
      { time: 1700000000, labels: { service: 'a', level: 'error' }, line: 'boom' },
    ]);
    expect(push).toEqual({
      streams: [
        { stream: { service: 'a', level: 'error' }, values: [['1700000000000000000', 'boom']] },
        {
          stream: { service: 'a', level: 'info' },
          values: [
            ['1700000000250000000', 'first'],
            ['1700000001500000000', 'second'],
          ],
        },
      ],
    });
  });
});
