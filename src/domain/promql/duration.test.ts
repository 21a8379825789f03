import { formatDuration } from './duration';

describe('formatDuration', () => {
  test.each([
    [300, '5m'],
    [3600, '1h'],
    [5400, '1h30m'],
    [86400, '1d'],
    [2592000, '30d'],
    [90061, '1d1h1m1s'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  test.each([0, -60, 1.5])('refuses %p', (seconds) => {
    expect(() => formatDuration(seconds)).toThrow(RangeError);
  });
});
