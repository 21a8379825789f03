import { baseRegistry } from '../testing/builders';
import {
  adjustmentWindows,
  approvedAdjustments,
  describeSchedule,
  isBusinessOwner,
  isInWindow,
  sloAdjustments,
} from './adjustments';
import { baseAdjustment, withAdjustments } from './fixtures';

const at = (iso: string) => Date.parse(iso);
const weekly = baseAdjustment({
  start: undefined,
  end: undefined,
  recurrence: { weekdays: [0, 3], start: '02:00', duration: '2h', timeZone: 'Europe/Berlin' },
});

describe('adjustment windows', () => {
  test.each([
    ['2026-11-28T01:59:59Z', false],
    ['2026-11-28T02:00:00Z', true],
    ['2026-11-28T03:59:59Z', true],
    ['2026-11-28T04:00:00Z', false],
  ])('a one-off window holds %s: %s', (iso, inside) => {
    expect(isInWindow(baseAdjustment(), at(iso))).toBe(inside);
  });

  test('a weekly window follows the local clock across a daylight-saving change', () => {
    // Sunday 2026-10-18 (summer time, UTC+2) and Wednesday 2026-10-28 (winter time, UTC+1)
    const windows = adjustmentWindows(weekly, at('2026-10-17T00:00:00Z'), at('2026-10-29T00:00:00Z'));
    expect(windows.map((window) => new Date(window.start).toISOString())).toEqual([
      '2026-10-18T00:00:00.000Z',
      '2026-10-21T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-28T01:00:00.000Z',
    ]);
    expect(windows.every((window) => window.end - window.start === 2 * 3_600_000)).toBe(true);
  });

  test('a weekly window that started before the range overlaps it', () => {
    expect(adjustmentWindows(weekly, at('2026-10-18T01:00:00Z'), at('2026-10-18T01:30:00Z'))).toHaveLength(1);
  });

  test.each([
    [baseAdjustment(), '2026-11-28 02:00 UTC to 2026-11-28 04:00 UTC'],
    [weekly, 'every Sun, Wed at 02:00 for 2h (Europe/Berlin)'],
  ])('reads in one line: %#', (adjustment, text) => {
    expect(describeSchedule(adjustment)).toBe(text);
  });
});

describe("an SLO's adjustments", () => {
  const pending = baseAdjustment({ id: 'pending', approval: undefined });
  const other = baseAdjustment({ id: 'other', sloIds: ['checkout-latency'] });
  const doc = withAdjustments(baseRegistry(), [baseAdjustment(), pending, other]);

  test('are those of its service that cover it; only approved ones take effect', () => {
    expect(sloAdjustments(doc, 'checkout-ratio').map((item) => item.id)).toEqual(['db-upgrade', 'pending']);
    expect(approvedAdjustments(doc, 'checkout-ratio').map((item) => item.id)).toEqual(['db-upgrade']);
    expect(approvedAdjustments(doc, 'checkout-latency').map((item) => item.id)).toEqual(['db-upgrade', 'other']);
  });
});

describe('the business owner', () => {
  const [service] = baseRegistry().services;
  const { people } = baseRegistry();

  test.each([
    [{ login: 'ana' }, true],
    [{ login: 'ana.lima', email: 'Ana@Example.com' }, true],
    [{ login: 'bruno', email: 'bruno@example.com' }, false],
    [{ login: 'editor', email: '' }, false],
  ])('is recognised by login or email: %o', (user, owner) => {
    expect(isBusinessOwner(user, service, people)).toBe(owner);
  });

  test('is nobody when the service names none', () => {
    expect(isBusinessOwner({ login: 'ana' }, { ...service, owners: {} }, people)).toBe(false);
  });
});
