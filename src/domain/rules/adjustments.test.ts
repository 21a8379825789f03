import { baseAdjustment, withAdjustments } from '../adjustments/fixtures';
import { BudgetAdjustment } from '../model';
import { adjustmentMask, PERIOD_BUDGET_REMAINING_RAW, silenceMask } from './adjustments';
import { localTime } from './calendar';
import { baseDoc, baseSlo } from './fixtures';
import { generateSloRules } from './generate';
import { PERIOD_BUDGET_REMAINING } from './names';
import { AlertingRule, RecordingRule } from './types';

// 2026-11-28 02:00 to 04:00 UTC
const ONE_OFF = '(vector(time()) >= 1795831200 < 1795838400)';

function rulesWith(adjustments: BudgetAdjustment[], window = '30d') {
  const doc = withAdjustments(baseDoc([baseSlo({ window })]), adjustments);
  const groups = generateSloRules(doc, 'checkout-availability')!.prometheus;
  const rules = groups.flatMap((group) => group.rules);
  const recorded = (name: string) =>
    rules.find((rule): rule is RecordingRule => 'record' in rule && rule.record === name);
  const alerts = rules.filter((rule): rule is AlertingRule => 'alert' in rule);
  return { recorded, alerts };
}

describe('the adjustment mask', () => {
  test('is the approved windows only, or nothing', () => {
    expect(adjustmentMask([baseAdjustment()])).toBe(`(${ONE_OFF})`);
    expect(adjustmentMask([baseAdjustment({ approval: undefined })])).toBeUndefined();
    expect(silenceMask([baseAdjustment({ silenceAlerts: false })])).toBeUndefined();
  });

  test('places a weekly window by the zone offset, per month when the zone has summer time', () => {
    const weekly = (timeZone: string) =>
      adjustmentMask([
        baseAdjustment({
          start: undefined,
          end: undefined,
          recurrence: { weekdays: [0], start: '02:00', duration: '2h', timeZone },
        }),
      ]);
    // Sunday 02:00 is 7,200 s into the week; the epoch is 345,600 s into it: 345,600 − 7,200
    expect(weekly('UTC')).toBe('(((vector(time()) + 338400) % 604800 < 7200))');
    // on Berlin's local clock, with its summer months, as calendar windows read it
    const local = localTime('Europe/Berlin', 0, new Date(baseAdjustment().at));
    expect(weekly('Europe/Berlin')).toBe(`(((${local} + 338400) % 604800 < 7200))`);
    expect(local).toContain('month(');
  });
});

describe('rules with budget adjustments', () => {
  test('an approved adjustment makes the recorded budget left the adjusted one, with the raw one beside it', () => {
    const { recorded } = rulesWith([baseAdjustment()]);
    expect(recorded(PERIOD_BUDGET_REMAINING)?.expr).toContain(
      `unless on() (${`(${ONE_OFF})`.replace('time()', 'time() - 300')}))`
    );
    expect(recorded(PERIOD_BUDGET_REMAINING_RAW)?.expr).toBe(rulesWith([]).recorded(PERIOD_BUDGET_REMAINING)?.expr);
  });

  test('a silencing adjustment holds the burn alerts back; one that does not, or is pending, changes nothing', () => {
    const plain = rulesWith([]).alerts;
    const silenced = rulesWith([baseAdjustment()]).alerts;
    expect(silenced.filter((rule) => rule.labels?.burn_tier).map((rule) => rule.expr)).toEqual(
      plain.filter((rule) => rule.labels?.burn_tier).map((rule) => `(${rule.expr})\nunless on() ((${ONE_OFF}))`)
    );
    expect(rulesWith([baseAdjustment({ silenceAlerts: false })]).alerts).toEqual(plain);
  });

  test('a pending adjustment changes no rule', () => {
    const pending = rulesWith([baseAdjustment({ approval: undefined })]);
    expect(pending.recorded(PERIOD_BUDGET_REMAINING_RAW)).toBeUndefined();
    expect(pending.recorded(PERIOD_BUDGET_REMAINING)).toEqual(rulesWith([]).recorded(PERIOD_BUDGET_REMAINING));
  });

  test("a calendar SLO's hourly period ratio leaves the windows' tiles out, and the raw one is recorded beside", () => {
    const { recorded, alerts } = rulesWith([baseAdjustment()], 'calendar-month');
    // a tile counts in the window of the half hour before its step
    const tileMask = `(${ONE_OFF.replace('time()', 'time() - 1800')})`;
    expect(recorded('slo:period_error:ratio')?.expr).toContain(`unless on () (${tileMask})`);
    expect(recorded('slo:period_error_raw:ratio')?.expr).not.toContain('unless on () (');
    expect(recorded(PERIOD_BUDGET_REMAINING)?.expr).toContain('last_over_time(slo:period_error:ratio{');
    expect(recorded(PERIOD_BUDGET_REMAINING_RAW)?.expr).toContain('last_over_time(slo:period_error_raw:ratio{');
    expect(alerts.filter((rule) => rule.labels?.burn_tier).every((rule) => rule.expr.includes(ONE_OFF))).toBe(true);
    // without adjustments, one period ratio
    expect(rulesWith([], 'calendar-month').recorded('slo:period_error_raw:ratio')).toBeUndefined();
  });
});
