import { baseAdjustment, withAdjustments } from '../adjustments/fixtures';
import { RegistryDocument } from '../model';
import { baseDoc, baseSlo, RULE_FIXTURES } from './fixtures';
import { generateRuleFiles, generateSloRules } from './generate';
import { PERIOD_BUDGET_REMAINING, SLI_ERROR_INCREASE_1H, SLI_TOTAL_INCREASE_1H, TILE_WINDOW } from './names';
import { isAlertingRule, RuleGroup } from './types';

const recordNames = (group: RuleGroup) => group.rules.map((rule) => (isAlertingRule(rule) ? rule.alert : rule.record));

/** The one Prometheus group of `groups` that records the budget left. */
function budgetGroup(groups: RuleGroup[]): RuleGroup {
  const holding = groups.filter((group) => recordNames(group).includes(PERIOD_BUDGET_REMAINING));
  expect(holding).toHaveLength(1);
  return holding[0];
}

const adjusted = withAdjustments(baseDoc([baseSlo()]), [baseAdjustment()]);

describe('where the budget left is recorded', () => {
  test.each<[string, string, RegistryDocument]>([
    ['a ratio SLI over a rolling window', TILE_WINDOW, RULE_FIXTURES['ratio-bad-google-30d']],
    ['a grouped latency SLI over a rolling window', TILE_WINDOW, RULE_FIXTURES['latency-grouped-min-events']],
    ['a calendar window', '1m', baseDoc([baseSlo({ window: 'calendar-month' })])],
    ['a freeform SLI', '1m', baseDoc([baseSlo({ sli: { kind: 'freeform', errorRatio: 'vector(0)' } })])],
    ['a log SLI, whose tiles Loki records', '1m', RULE_FIXTURES['log-ratio-policy']],
    ['approved budget adjustments', '1m', adjusted],
  ])('%s: every %s', (_, interval, doc) => {
    const group = budgetGroup(generateSloRules(doc, doc.slos[0].id)!.prometheus);
    expect(group.interval).toBe(interval);
  });

  test('hourly, it follows the tiles it sums in their group, also once groups are packed', () => {
    const slos = Array.from({ length: 8 }, (_, i) => baseSlo({ id: `checkout-${i}` }));
    const groups = generateRuleFiles(baseDoc(slos), { shareAlerts: false }).prometheus[0].file.groups;
    const hourly = groups.filter((group) => group.interval === TILE_WINDOW);
    expect(hourly.length).toBeGreaterThan(1);
    for (const slo of slos) {
      const group = budgetGroup(
        groups.map((candidate) => ({
          ...candidate,
          rules: candidate.rules.filter((rule) => rule.labels?.sloth_id === slo.id),
        }))
      );
      expect(group.interval).toBe(TILE_WINDOW);
      expect(recordNames(group)).toEqual([SLI_TOTAL_INCREASE_1H, SLI_ERROR_INCREASE_1H, PERIOD_BUDGET_REMAINING]);
    }
    for (const group of groups) {
      expect(group.rules.length).toBeLessThanOrEqual(20);
    }
  });
});
