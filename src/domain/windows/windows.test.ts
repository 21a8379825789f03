import { Alerting, BurnWindow } from '../model';
import {
  budgetSpentWhenFires,
  burnFactor,
  distinctWindows,
  enabledBurnWindows,
  resolveBurnWindows,
  summarizeTiers,
  windowsInUse,
} from './windows';

function baseAlerting(overrides: Partial<Alerting> = {}): Alerting {
  return { enabled: true, preset: 'google-30d', ...overrides };
}

const factors = (windows: BurnWindow[]) => windows.map((window) => [window.tier, window.factor]);

describe('burnFactor', () => {
  test.each([
    [0.02, 30, '1h', 14.4],
    [0.05, 30, '6h', 6],
    [0.1, 30, '1d', 3],
    [0.1, 30, '3d', 1],
    [0.02, 28, '1h', 13.44],
    [0.1, 28, '3d', 0.933333333333],
    [0.02, 7, '1h', 3.36],
  ])('share %p of %d days within %s is %p', (share, days, long, factor) => {
    expect(burnFactor(share, days, long)).toBe(factor);
  });
});

describe('resolveBurnWindows', () => {
  test('google-30d on a 30-day SLO is the workbook table', () => {
    expect(resolveBurnWindows(baseAlerting(), 30)).toEqual([
      { tier: 'page-fast', severity: 'page', factor: 14.4, long: '1h', short: '5m' },
      { tier: 'page-slow', severity: 'page', factor: 6, long: '6h', short: '30m' },
      { tier: 'ticket-fast', severity: 'ticket', factor: 3, long: '1d', short: '2h' },
      { tier: 'ticket-slow', severity: 'ticket', factor: 1, long: '3d', short: '6h' },
    ]);
  });

  test.each([
    ['google-28d', 28, [13.44, 5.6, 2.8, 0.933333333333]],
    ['google-30d', 28, [13.44, 5.6, 2.8, 0.933333333333]],
    ['google-30d', 7, [3.36, 1.4, 0.7, 0.233333333333]],
    ['google-28d', 90, [43.2, 18, 9, 3]],
  ] as const)('%s scales factors to a %d-day period', (preset, days, expected) => {
    expect(resolveBurnWindows(baseAlerting({ preset }), days).map((window) => window.factor)).toEqual(expected);
  });

  test('custom tables are used as written, whatever the period', () => {
    const windows: BurnWindow[] = [{ tier: 'page-only', severity: 'page', factor: 10, long: '2h', short: '10m' }];
    expect(resolveBurnWindows(baseAlerting({ preset: 'custom', windows }), 7)).toEqual(windows);
    expect(resolveBurnWindows(baseAlerting({ preset: 'custom' }), 7)).toEqual([]);
  });
});

describe('enabledBurnWindows', () => {
  test.each([
    [baseAlerting(), ['page-fast', 'page-slow', 'ticket-fast', 'ticket-slow']],
    [baseAlerting({ disabledTiers: ['ticket-slow', 'page-slow'] }), ['page-fast', 'ticket-fast']],
    [baseAlerting({ enabled: false }), []],
  ])('%p alerts on %p', (alerting, tiers) => {
    expect(enabledBurnWindows(alerting, 30).map((window) => window.tier)).toEqual(tiers);
  });
});

describe('budget spent when a tier fires', () => {
  test.each([
    [30, [0.02, 0.05, 0.1, 0.1]],
    [28, [0.02, 0.05, 0.1, 0.1]],
    [7, [0.02, 0.05, 0.1, 0.1]],
  ])('the google shares come back on a %d-day period', (days, shares) => {
    const windows = resolveBurnWindows(baseAlerting(), days);
    expect(windows.map((window) => budgetSpentWhenFires(window, days))).toEqual(shares);
  });

  test('a custom 10x over 2h on 7 days spends 11.9 %', () => {
    const window: BurnWindow = { tier: 'x', severity: 'page', factor: 10, long: '2h', short: '10m' };
    expect(budgetSpentWhenFires(window, 7)).toBe(0.119047619);
  });

  test('summarizeTiers marks disabled tiers and keeps their figures', () => {
    const summary = summarizeTiers(baseAlerting({ disabledTiers: ['page-fast'] }), 30);
    expect(summary.map((tier) => [tier.tier, tier.enabled, tier.budgetSpent])).toEqual([
      ['page-fast', false, 0.02],
      ['page-slow', true, 0.05],
      ['ticket-fast', true, 0.1],
      ['ticket-slow', true, 0.1],
    ]);
    expect(factors(summary)[0]).toEqual(['page-fast', 14.4]);
  });
});

test('windowsInUse lists every window once, shortest first', () => {
  expect(windowsInUse(resolveBurnWindows(baseAlerting(), 30))).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d']);
});

test('distinctWindows treats equal durations as one window', () => {
  expect(distinctWindows(['1h', '5m', '60m', '3d', '5m'])).toEqual(['5m', '1h', '3d']);
});

test('windowSeconds refuses what is not a duration', () => {
  expect(() =>
    resolveBurnWindows(
      {
        enabled: true,
        preset: 'custom',
        windows: [{ tier: 'x', severity: 'page', factor: 1, long: 'soon', short: '5m' }],
      },
      30
    ).map((w) => budgetSpentWhenFires(w, 30))
  ).toThrow(RangeError);
});
