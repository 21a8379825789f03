import { daysInMonth, isProblem, parseSloWindow, ruleWindowDays, windowDays, windowStart } from './window';

const at = (iso: string) => new Date(iso);

describe('parseSloWindow', () => {
  test.each([
    ['7d', 7],
    ['28d', 28],
    ['30d', 30],
    ['1d', 1],
    ['90d', 90],
  ])('%s is a rolling window of %d days', (text, days) => {
    expect(parseSloWindow(text)).toEqual({ kind: 'rolling', days });
  });

  test.each([
    ['calendar-week', 'week'],
    ['calendar-month', 'month'],
    ['calendar-quarter', 'quarter'],
  ])('%s is a calendar window of a %s', (text, unit) => {
    expect(parseSloWindow(text)).toEqual({ kind: 'calendar', unit });
  });

  test.each(['', '0d', '30', '4w', '1.5d', '720h', 'month', '07d', ' 30d'])(
    '%p is a problem at the given path',
    (text) => {
      const result = parseSloWindow(text, 'slos[3].window');
      expect(isProblem(result)).toBe(true);
      expect(result).toMatchObject({ path: 'slos[3].window', message: expect.stringContaining('28d or 30d') });
    }
  );
});

describe('windowDays', () => {
  test.each([
    ['7d', '2026-02-10T00:00:00Z', 7],
    ['30d', '2026-02-10T00:00:00Z', 30],
    ['calendar-month', '2026-02-10T00:00:00Z', 28],
    ['calendar-month', '2028-02-29T23:59:59Z', 29],
    ['calendar-month', '2026-04-30T12:00:00Z', 30],
    ['calendar-month', '2026-01-01T00:00:00Z', 31],
    ['calendar-month', '2026-12-31T23:59:59Z', 31],
    ['calendar-quarter', '2026-02-10T00:00:00Z', 90],
    ['calendar-quarter', '2026-08-10T00:00:00Z', 92],
    ['calendar-week', '2026-08-10T00:00:00Z', 7],
  ])('%s at %s has %d days', (text, iso, days) => {
    const window = parseSloWindow(text);
    if (isProblem(window)) {
      throw new Error(window.message);
    }
    expect(windowDays(window, at(iso))).toBe(days);
  });

  test('rules scale alerts to 7, 30 or 90 days for calendar windows and the window otherwise', () => {
    expect(ruleWindowDays({ kind: 'calendar', unit: 'week' })).toBe(7);
    expect(ruleWindowDays({ kind: 'calendar', unit: 'month' })).toBe(30);
    expect(ruleWindowDays({ kind: 'calendar', unit: 'quarter' })).toBe(90);
    expect(ruleWindowDays({ kind: 'rolling', days: 28 })).toBe(28);
  });

  test('daysInMonth uses UTC', () => {
    expect(daysInMonth(at('2026-03-31T23:30:00Z'))).toBe(31);
  });
});

test.each([
  [{ kind: 'calendar' as const, unit: 'month' as const }, '2026-02-17T08:00:00Z', '2026-02-01T00:00:00.000Z'],
  [{ kind: 'calendar' as const, unit: 'quarter' as const }, '2026-02-17T08:00:00Z', '2026-01-01T00:00:00.000Z'],
  [{ kind: 'calendar' as const, unit: 'week' as const }, '2026-02-17T08:00:00Z', '2026-02-16T00:00:00.000Z'],
  [{ kind: 'rolling' as const, days: 7 }, '2026-02-17T08:00:00Z', '2026-02-10T08:00:00.000Z'],
])('windowStart of %p at %s is %s', (window, iso, start) => {
  expect(windowStart(window, at(iso)).toISOString()).toBe(start);
});
