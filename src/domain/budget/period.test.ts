import {
  calendarPeriod,
  daylightSavingMonths,
  isTimeZone,
  localMidnight,
  parsePeriodName,
  periodDays,
  periodName,
  previousCalendarPeriod,
  zoneOffsetMs,
} from './period';

const at = (iso: string) => new Date(iso);
const iso = (period: { start: Date; end: Date }) => [period.start.toISOString(), period.end.toISOString()];

describe('calendarPeriod', () => {
  test.each([
    ['month', '2026-11-17T08:00:00Z', 'UTC', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['month', '2026-12-31T23:59:59Z', 'UTC', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['quarter', '2026-11-17T08:00:00Z', 'UTC', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['quarter', '2026-01-01T00:00:00Z', 'UTC', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    // 2026-12-06 is a Sunday: its ISO week started on Monday 30 November.
    ['week', '2026-12-06T23:00:00Z', 'UTC', '2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z'],
    ['week', '2026-12-07T00:00:00Z', 'UTC', '2026-12-07T00:00:00.000Z', '2026-12-14T00:00:00.000Z'],
    // Berlin: 1 November is in winter time (UTC+1), 1 April in summer time (UTC+2).
    ['month', '2026-11-17T08:00:00Z', 'Europe/Berlin', '2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z'],
    ['month', '2026-04-10T08:00:00Z', 'Europe/Berlin', '2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z'],
    // 23:30 UTC on 31 October is already November in Berlin.
    ['month', '2026-10-31T23:30:00Z', 'Europe/Berlin', '2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z'],
    // The month of the change to summer time runs from winter-time midnight to summer-time midnight.
    ['month', '2026-03-15T12:00:00Z', 'Europe/Berlin', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['month', '2026-11-02T03:00:00Z', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
    ['month', '2026-11-17T08:00:00Z', 'Asia/Kolkata', '2026-10-31T18:30:00.000Z', '2026-11-30T18:30:00.000Z'],
  ] as const)('the %s holding %s in %s is [%s, %s)', (unit, instant, zone, start, end) => {
    expect(iso(calendarPeriod(unit, at(instant), zone))).toEqual([start, end]);
  });

  test('every instant falls in its period, and periods follow each other without a gap', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
      for (const unit of ['week', 'month', 'quarter'] as const) {
        let period = calendarPeriod(unit, at('2026-01-05T12:00:00Z'), zone);
        for (let i = 0; i < 30; i++) {
          const next = calendarPeriod(unit, period.end, zone);
          expect(next.start.getTime()).toBe(period.end.getTime());
          const middle = new Date((next.start.getTime() + next.end.getTime()) / 2);
          expect(calendarPeriod(unit, middle, zone)).toEqual(next);
          expect(calendarPeriod(unit, new Date(next.end.getTime() - 1), zone)).toEqual(next);
          period = next;
        }
      }
    }
  });

  test('the previous period ends where the current one starts', () => {
    expect(iso(previousCalendarPeriod('month', at('2026-03-10T00:00:00Z')))).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
    expect(iso(previousCalendarPeriod('quarter', at('2026-01-10T00:00:00Z')))).toEqual([
      '2025-10-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
  });

  test('periodDays rounds daylight-saving months to whole days', () => {
    expect(periodDays(calendarPeriod('month', at('2026-03-15T12:00:00Z'), 'Europe/Berlin'))).toBe(31);
    expect(periodDays(calendarPeriod('month', at('2028-02-15T12:00:00Z')))).toBe(29);
  });
});

describe('period names', () => {
  test.each([
    ['month', '2026-11-17T08:00:00Z', '2026-11'],
    ['quarter', '2026-11-17T08:00:00Z', '2026-Q4'],
    ['week', '2026-12-06T08:00:00Z', '2026-W49'],
    // 1 January 2027 is a Friday: it belongs to week 53 of 2026.
    ['week', '2027-01-01T08:00:00Z', '2026-W53'],
    ['week', '2025-12-29T08:00:00Z', '2026-W01'],
  ] as const)('the %s holding %s is %s, and the name gives the period back', (unit, instant, name) => {
    expect(periodName(unit, at(instant))).toBe(name);
    const parsed = parsePeriodName(name);
    expect(parsed).toEqual({ unit, name, period: calendarPeriod(unit, at(instant)) });
  });

  test('names are read in the given time zone', () => {
    expect(parsePeriodName('2026-11', 'Europe/Berlin')).toMatchObject({
      period: { start: at('2026-10-31T23:00:00Z'), end: at('2026-11-30T23:00:00Z') },
    });
  });

  test.each(['2026-13', '2026-Q5', '2026-W54', 'November', '2026/11', ''])(
    '%p is refused with the accepted forms',
    (name) => {
      expect(parsePeriodName(name)).toEqual({ message: expect.stringContaining('2026-Q4') });
    }
  );

  test('a week 53 in a year of 52 weeks is refused', () => {
    expect(parsePeriodName('2027-W53')).toEqual({ message: expect.stringContaining('52 weeks') });
  });
});

describe('time zones', () => {
  test.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'])('%s is a time zone', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  test.each(['Mars/Olympus', '', ' UTC', 'CET+1'])('%p is not', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });

  test('offsets follow daylight saving', () => {
    expect(zoneOffsetMs('Europe/Berlin', at('2026-01-10T00:00:00Z'))).toBe(3_600_000);
    expect(zoneOffsetMs('Europe/Berlin', at('2026-07-10T00:00:00Z'))).toBe(7_200_000);
    expect(localMidnight(2026, 7, 1, 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  test('daylightSavingMonths lists the months that start on summer time', () => {
    expect(daylightSavingMonths('Europe/Berlin', at('2026-06-01T00:00:00Z'))).toEqual({
      months: [4, 5, 6, 7, 8, 9, 10],
      shiftMs: 3_600_000,
      standardMs: 3_600_000,
    });
    expect(daylightSavingMonths('America/New_York', at('2026-06-01T00:00:00Z'))).toMatchObject({
      months: [4, 5, 6, 7, 8, 9, 10, 11],
      standardMs: -18_000_000,
    });
    expect(daylightSavingMonths('Australia/Sydney', at('2026-06-01T00:00:00Z')).months).toEqual([1, 2, 3, 4, 11, 12]);
    expect(daylightSavingMonths('UTC', at('2026-06-01T00:00:00Z'))).toEqual({ months: [], shiftMs: 0, standardMs: 0 });
  });
});
