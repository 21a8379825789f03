import { localTime, periodFraction, periodNumber } from './calendar';

const at = new Date('2026-06-01T00:00:00Z');

test('a zone without daylight saving shifts time() by its offset', () => {
  expect(localTime('UTC', 0, at)).toBe('vector(time())');
  expect(localTime('Asia/Kolkata', 1800, at)).toBe('vector(time() + 21600)');
  expect(localTime('UTC', -1800, at)).toBe('vector(time() - 1800)');
});

test('a zone with daylight saving adds its shift in the months that start on summer time', () => {
  expect(localTime('Europe/Berlin', 0, at)).toBe(
    '(vector(time() + 3600) + 3600 * ((month(vector(time() + 3600 + 3600)) >= bool 4) * (month(vector(time() + 3600 + 3600)) <= bool 10)))'
  );
  // the southern hemisphere's summer spans the new year: two runs of months
  expect(localTime('Australia/Sydney', 0, at)).toContain('<= bool 4) + (month(');
});

test('periods are numbered by week, month or quarter', () => {
  expect(periodNumber('month', 'L')).toBe('(year(L) * 12 + month(L))');
  expect(periodNumber('quarter', 'L')).toBe('(year(L) * 4 + floor((month(L) - 1) / 3))');
  expect(periodNumber('week', 'L')).toBe('floor((L - 345600) / 604800)');
});

test('the share of the period gone by reads the local calendar', () => {
  expect(periodFraction({ unit: 'month', timeZone: 'UTC' }, at)).toBe(
    '(((day_of_month(vector(time())) - 1) * 86400 + (hour(vector(time())) * 3600 + minute(vector(time())) * 60)) / (days_in_month(vector(time())) * 86400))'
  );
  expect(periodFraction({ unit: 'quarter', timeZone: 'UTC' }, at)).toContain('day_of_year(vector(time()))');
});
