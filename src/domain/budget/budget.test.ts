import {
  allowedErrorRatio,
  budgetConsumed,
  budgetRemaining,
  burnRate,
  errorBudgetSeconds,
  objectiveRatio,
  spentWindowsInARow,
  timeToExhaustion,
} from './budget';
import { formatBudgetDuration } from './format';

describe('allowedErrorRatio', () => {
  test.each([
    [99.9, 0.001, 0.999],
    [99, 0.01, 0.99],
    [99.95, 0.0005, 0.9995],
    [99.99, 0.0001, 0.9999],
    [95, 0.05, 0.95],
  ])('%p%% allows %p (objective ratio %p, without float noise)', (objective, allowed, ratio) => {
    expect(allowedErrorRatio(objective)).toBe(allowed);
    expect(objectiveRatio(objective)).toBe(ratio);
  });
});

describe('errorBudgetSeconds', () => {
  // Rolling 7/28/30 days and the three calendar-month lengths (28, 30, 31 days).
  test.each([
    [99.9, 7, 604.8, '10m 5s'],
    [99.9, 28, 2419.2, '40m 19s'],
    [99.9, 30, 2592, '43m 12s'],
    [99.9, 31, 2678.4, '44m 38s'],
    [99, 30, 25920, '7h 12m 0s'],
    [99.5, 28, 12096, '3h 21m 36s'],
    [95, 30, 129600, '1d 12h 0m'],
    [90, 31, 267840, '3d 2h 24m'],
    [99.99, 7, 60.48, '1m 0s'],
    [99.999, 1, 0.864, '864ms'],
  ])('%p%% over %d days is %p s (%s)', (objective, days, seconds, text) => {
    expect(errorBudgetSeconds(objective, days)).toBe(seconds);
    expect(formatBudgetDuration(errorBudgetSeconds(objective, days))).toBe(text);
  });
});

describe('burn rate and budget left', () => {
  test.each([
    [0.001, 99.9, 1, 0],
    [0.0005, 99.9, 0.5, 0.5],
    [0.0144, 99.9, 14.4, -13.4],
    [0, 99.9, 0, 1],
    [0.02, 99, 2, -1],
  ])('error ratio %p on %p%% burns at %p and leaves %p of the budget', (ratio, objective, rate, left) => {
    expect(burnRate(ratio, objective)).toBe(rate);
    expect(budgetRemaining(budgetConsumed(ratio, objective))).toBe(left);
  });
});

describe('timeToExhaustion', () => {
  test.each([
    [1, 1, 30, 30 * 86400],
    [0.5, 1, 30, 15 * 86400],
    [0.5, 14.4, 30, 90000],
    [0.25, 2, 7, 0.875 * 86400],
    [0, 2, 30, 0],
    [-0.3, 2, 30, 0],
    [0.7, 0, 30, Infinity],
  ])('%p left at burn %p over %d days lasts %p s', (left, rate, days, seconds) => {
    expect(timeToExhaustion(left, rate, days)).toBe(seconds);
  });
});

describe('spentWindowsInARow', () => {
  test.each<[string, Array<number | undefined>, number | undefined]>([
    ['latest kept', [0.3, -0.2], 0],
    ['latest kept, the one before not recorded', [0.3, undefined], 0],
    ['latest spent, the one before kept', [-0.1, 0.4], 1],
    ['both spent (exactly 0 counts as spent)', [0, -0.5], 2],
    ['latest spent, the one before not recorded', [-0.1, undefined], undefined],
    ['latest not recorded', [undefined, -0.5], undefined],
    ['latest NaN', [NaN], undefined],
  ])('%s', (_name, budgets, count) => {
    expect(spentWindowsInARow(budgets)).toBe(count);
  });
});

describe('formatBudgetDuration', () => {
  test.each([
    [0.0864, '86ms'],
    [12, '12s'],
    [59.6, '1m 0s'],
    [2592, '43m 12s'],
    [7260, '2h 1m 0s'],
    [86399.6, '1d 0h 0m'],
    [788400, '9d 3h 0m'],
    [Infinity, '∞'],
    [-2592, '-43m 12s'],
  ])('%p s reads %s', (seconds, text) => {
    expect(formatBudgetDuration(seconds)).toBe(text);
  });
});
