import { policyChangeSummary } from '../policy/policyEdits';
import { baseRegistry } from '../testing/builders';
import {
  addAdjustment,
  adjustmentChanges,
  approveAdjustment,
  newAdjustmentId,
  removeAdjustment,
  updateAdjustment,
} from './adjustmentEdits';
import { baseAdjustment } from './fixtures';

const adjustmentsOf = (doc: ReturnType<typeof baseRegistry>) => doc.services[0].budgetPolicy?.adjustments;
const approval = { by: 'ana', at: '2026-11-27T10:00:00Z' };

describe('adjustment edits', () => {
  const doc = baseRegistry();
  const added = addAdjustment(doc, 'checkout', baseAdjustment());

  test('a new adjustment is pending, whatever it claims', () => {
    expect(adjustmentsOf(added)).toEqual([baseAdjustment({ approval: undefined })]);
    expect(adjustmentsOf(doc)).toBeUndefined();
    expect(added.services[1]).toBe(doc.services[1]);
  });

  test('the owner approves it; a later change makes it pending again, a change of nothing keeps it', () => {
    const approved = approveAdjustment(added, 'checkout', 'db-upgrade', approval);
    expect(adjustmentsOf(approved)?.[0].approval).toEqual(approval);
    const moved = updateAdjustment(approved, 'checkout', {
      ...adjustmentsOf(approved)![0],
      end: '2026-11-28T05:00:00Z',
    });
    expect(adjustmentsOf(moved)?.[0].approval).toBeUndefined();
    expect(adjustmentsOf(moved)?.[0].end).toBe('2026-11-28T05:00:00Z');
    const same = updateAdjustment(approved, 'checkout', adjustmentsOf(approved)![0]);
    expect(adjustmentsOf(same)?.[0].approval).toEqual(approval);
  });

  test('removing the last one leaves no empty list behind', () => {
    expect(removeAdjustment(added, 'checkout', 'db-upgrade').services[0].budgetPolicy).toEqual({});
  });

  test('ids come from the reason and stay unique', () => {
    expect(newAdjustmentId(added.services[0], 'Database upgrade CHG-311')).toBe('database-upgrade-chg-311');
    expect(newAdjustmentId(added.services[0], 'db upgrade')).toBe('db-upgrade-2');
    expect(newAdjustmentId(added.services[0], '!!!')).toBe('adjustment');
  });
});

describe('the history of adjustments', () => {
  const pending = baseAdjustment({ approval: undefined });
  const approved = baseAdjustment();

  test.each([
    [[], [pending], 'Adjustment db-upgrade added (maintenance: Database upgrade CHG-311)'],
    [[pending], [approved], 'Adjustment db-upgrade approved by ana'],
    [[approved], [{ ...pending, reason: 'Upgrade' }], 'Adjustment db-upgrade changed, approval withdrawn'],
    [[pending], [{ ...pending, silenceAlerts: false }], 'Adjustment db-upgrade changed'],
    [[approved], [], 'Adjustment db-upgrade removed'],
  ])('%#: says what happened', (before, after, line) => {
    expect(adjustmentChanges(before, after)).toEqual([line]);
  });

  test("is the save's one-line summary", () => {
    const doc = addAdjustment(baseRegistry(), 'checkout', pending);
    const next = approveAdjustment(doc, 'checkout', 'db-upgrade', approval);
    expect(policyChangeSummary(doc, next)).toBe('Adjustment db-upgrade approved by ana');
  });
});
