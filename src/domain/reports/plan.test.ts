import { NOW, reportRegistry } from './fixtures';
import { defaultPeriodName, planReport, SETTLE_MS } from './plan';

const doc = reportRegistry();

describe('planReport', () => {
  test.each([
    ['month', '2026-11'],
    ['quarter', '2026-Q3'],
    ['week', '2026-W48'],
  ] as const)('the default %s is the last full one', (unit, name) => {
    expect(defaultPeriodName(unit, new Date(NOW))).toBe(name);
  });

  test('SLOs in the same time zone share one group of bounds', () => {
    const plan = planReport(doc, '2026-11', NOW);
    expect('message' in plan).toBe(false);
    if ('message' in plan) {
      return;
    }
    expect(plan.groups.map((group) => [new Date(group.start).toISOString(), group.sloIds])).toEqual([
      ['2026-11-01T00:00:00.000Z', ['checkout-availability', 'checkout-latency', 'checkout-freeform']],
      ['2026-10-31T23:00:00.000Z', ['payments-availability']],
    ]);
  });

  test('a period is final an hour after its last end, when its last hourly tile is recorded', () => {
    const berlinEnd = Date.UTC(2026, 10, 30, 23);
    const utcEnd = Date.UTC(2026, 11, 1);
    const at = (now: number) => {
      const plan = planReport(doc, '2026-11', now);
      return 'message' in plan ? plan.message : plan.ended;
    };
    expect(at(berlinEnd + SETTLE_MS)).toBe(false);
    expect(at(utcEnd + SETTLE_MS - 1)).toBe(false);
    expect(at(utcEnd + SETTLE_MS)).toBe(true);
  });

  test.each([
    ['2026-13', 'is not a period'],
    ['2027-01', 'has not started yet'],
  ])('%s is refused: %s', (name, message) => {
    const plan = planReport(doc, name, NOW);
    expect('message' in plan && plan.message).toContain(message);
  });
});
