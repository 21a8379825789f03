import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  test.each([
    ['5m', 300],
    ['1h', 3600],
    ['1h30m', 5400],
    ['3d', 259200],
    ['2w', 1209600],
    ['90s', 90],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  test.each(['', '5', 'm5', '1.5h', '5y', '0m', '-1h', '1h ', '10ms'])('rejects %p', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

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
