import { parsePromDuration } from './duration';

describe('parsePromDuration', () => {
  test.each([
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['30d', 2_592_000_000],
    ['1w', 604_800_000],
    ['250ms', 250],
    ['1y', 31_536_000_000],
  ])('parses %s', (text, ms) => {
    expect(parsePromDuration(text)).toBe(ms);
  });

  test.each(['', '0m', '5', 'm', '30m1h', '1.5h', '5 m', '-5m', '5M'])('refuses %j', (text) => {
    expect(parsePromDuration(text)).toBeUndefined();
  });
});
