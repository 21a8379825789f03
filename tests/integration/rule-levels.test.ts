/**
 * Dependency levels of recording rules (scripts/sandbox/ruleLevels.ts). Runs without Prometheus.
 */
import {
  CURRENT_BURN_RATE,
  ERROR_BUDGET_RATIO,
  PERIOD_BUDGET_REMAINING,
  PERIOD_BURN_RATE,
  SLO_INFO,
  RecordingRule,
  generateRuleFiles,
  mergeRuleFiles,
} from '../../src/domain/rules';
import { readDemoRegistry } from '../../scripts/demo/provisioning';
import { plannedLevels } from '../../scripts/sandbox/recordedHistory';
import { metricNamesRead, recordingLevels } from '../../scripts/sandbox/ruleLevels';

const records = (levels: RecordingRule[][]) => levels.map((level) => level.map((rule) => rule.record));
const identity = (rule: RecordingRule) => rule;

describe('metricNamesRead', () => {
  it.each([
    ['a burn rate', 'slo:a{id="x"} / on (id) group_left slo:b{id="x"}', ['slo:a', 'slo:b']],
    ['range vectors and offsets', 'sum_over_time(slo:a[30d] offset 1h) / count_over_time(slo:a[30d])', ['slo:a']],
    ['a __name__ matcher and a quoted name', '{__name__="slo:a"} + {"slo:b", id="x"}', ['slo:a', 'slo:b']],
    ['constants', 'vector(0.001)', []],
  ])('reads the metric names of %s', (_, expr, names) => {
    expect(metricNamesRead(expr).sort()).toEqual(names);
  });

  it('does not take label values, label names or string arguments for metric names', () => {
    const expr = 'label_replace(up{job="slo:a"}, "slo_b", "slo:c", "instance", "(.*)")';
    expect(metricNamesRead(expr)).toEqual(['up']);
  });

  it('refuses an expression it cannot parse', () => {
    expect(() => metricNamesRead('sum(slo:a')).toThrow(/cannot parse PromQL/);
  });
});

describe('recordingLevels', () => {
  it('puts each rule one level after the highest recorded name it reads', () => {
    const rules: RecordingRule[] = [
      { record: 'remaining', expr: '1 - period_burn' },
      { record: 'period_burn', expr: 'period_ratio / budget' },
      { record: 'budget', expr: 'vector(0.001)' },
      { record: 'period_ratio', expr: 'sum_over_time(errors[30d]) / sum_over_time(total[30d])' },
      { record: 'errors', expr: 'sum(increase(http_requests_total{code=~"5.."}[1h]))' },
      { record: 'total', expr: 'sum(increase(http_requests_total[1h]))' },
      { record: 'current_burn', expr: 'ratio_5m / budget' },
      { record: 'ratio_5m', expr: 'sum(rate(http_errors_total[5m])) / sum(rate(http_requests_total[5m]))' },
    ];
    expect(records(recordingLevels(rules, identity))).toEqual([
      ['budget', 'errors', 'total', 'ratio_5m'],
      ['period_ratio', 'current_burn'],
      ['period_burn'],
      ['remaining'],
    ]);
  });

  it('places a name recorded by several rules after the deepest of them', () => {
    const rules: RecordingRule[] = [
      { record: 'ratio', expr: 'raw_a', labels: { id: 'a' } },
      { record: 'ratio', expr: 'avg_over_time(tile[30d])', labels: { id: 'b' } },
      { record: 'tile', expr: 'raw_b' },
      { record: 'burn', expr: 'ratio / 0.001' },
    ];
    expect(records(recordingLevels(rules, identity))).toEqual([['ratio', 'tile'], ['ratio'], ['burn']]);
  });

  it('refuses recording rules that read each other in a cycle, naming it', () => {
    const rules: RecordingRule[] = [
      { record: 'start', expr: 'a' },
      { record: 'a', expr: 'b + raw' },
      { record: 'b', expr: 'c' },
      { record: 'c', expr: 'a * 2' },
    ];
    expect(() => recordingLevels(rules, identity)).toThrow('recording rules read each other in a cycle: a → b → c → a');
  });

  it('refuses a rule that reads its own name', () => {
    expect(() => recordingLevels([{ record: 'a', expr: 'a offset 5m' }], identity)).toThrow(
      'recording rules read each other in a cycle: a → a'
    );
  });

  it('orders the demo rules so that the budget follows slo:info, burn rates the budget and budget left the period burn rate', () => {
    const rules = mergeRuleFiles(generateRuleFiles(readDemoRegistry()).prometheus.map((entry) => entry.file));
    const levels = plannedLevels({ rules, historyStart: 0, historyEnd: 86_400, recentSeconds: 3600 });
    const levelsOf = (record: string) => [
      ...new Set(
        levels.flatMap((level, index) => (level.some((entry) => entry.rule.record === record) ? [index] : []))
      ),
    ];
    expect(levelsOf(SLO_INFO)).toEqual([0]);
    expect(Math.min(...levelsOf(ERROR_BUDGET_RATIO))).toBeGreaterThan(0);
    expect(Math.min(...levelsOf(CURRENT_BURN_RATE))).toBeGreaterThan(Math.max(...levelsOf(ERROR_BUDGET_RATIO)));
    expect(Math.min(...levelsOf(PERIOD_BURN_RATE))).toBeGreaterThan(Math.max(...levelsOf(ERROR_BUDGET_RATIO)));
    expect(Math.min(...levelsOf(PERIOD_BUDGET_REMAINING))).toBeGreaterThan(Math.max(...levelsOf(PERIOD_BURN_RATE)));
    const recordingRules = rules.groups.flatMap((group) => group.rules.filter((rule) => 'record' in rule));
    expect(levels.flat()).toHaveLength(recordingRules.length);
  });
});
