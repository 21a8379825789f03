/**
 * Dependency levels of recording rules (scripts/sandbox/ruleLevels.ts). Runs without Prometheus.
 */
import {
  CURRENT_BURN_RATE,
  ERROR_BUDGET_RATIO,
  PERIOD_BUDGET_REMAINING,
  PERIOD_BURN_RATE,
  SLI_ERROR_INCREASE_1H,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_1H,
  SLI_TOTAL_INCREASE_5M,
  SLO_INFO,
  RecordingRule,
  sliErrorRatioName,
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

  const demoLevels = (slothSeries: boolean) => {
    const doc = readDemoRegistry();
    const rules = mergeRuleFiles(
      generateRuleFiles({ ...doc, settings: { ...doc.settings, slothSeries } }).prometheus.map((entry) => entry.file)
    );
    const levels = plannedLevels({ rules, historyStart: 0, historyEnd: 86_400, recentSeconds: 3600 });
    const levelsOf = (record: string) => [
      ...new Set(
        levels.flatMap((level, index) => (level.some((entry) => entry.rule.record === record) ? [index] : []))
      ),
    ];
    const recordingRules = rules.groups.flatMap((group) => group.rules.filter((rule) => 'record' in rule));
    expect(levels.flat()).toHaveLength(recordingRules.length);
    return { levels, levelsOf };
  };

  it('orders the demo rules: the event counts and slo:info first, the error counts, then the budget left', () => {
    const { levels, levelsOf } = demoLevels(false);
    expect(levels).toHaveLength(3);
    for (const record of [SLO_INFO, SLI_TOTAL_INCREASE_5M, SLI_TOTAL_INCREASE_1H]) {
      expect([record, levelsOf(record)]).toEqual([record, [0]]);
    }
    // the error counts read the event counts recorded before them
    for (const record of [SLI_ERROR_INCREASE_5M, SLI_ERROR_INCREASE_1H]) {
      expect([record, levelsOf(record)]).toEqual([record, [1]]);
    }
    // a freeform SLO's budget left reads its 5m ratio, the others' the error counts
    expect(levelsOf(PERIOD_BUDGET_REMAINING)).toEqual([1, 2]);
    // none of Sloth's shared series by default
    for (const record of [ERROR_BUDGET_RATIO, CURRENT_BURN_RATE, PERIOD_BURN_RATE]) {
      expect([record, levelsOf(record)]).toEqual([record, []]);
    }
  });

  it("with Sloth's series, the budget follows slo:info and burn rates the budget", () => {
    const { levels, levelsOf } = demoLevels(true);
    expect(levelsOf(SLO_INFO)).toEqual([0]);
    for (const record of [ERROR_BUDGET_RATIO, CURRENT_BURN_RATE, PERIOD_BURN_RATE, PERIOD_BUDGET_REMAINING]) {
      expect([record, levelsOf(record).length > 0]).toEqual([record, true]);
    }
    expect(Math.min(...levelsOf(ERROR_BUDGET_RATIO))).toBeGreaterThan(0);
    expect(Math.min(...levelsOf(CURRENT_BURN_RATE))).toBeGreaterThan(Math.max(...levelsOf(ERROR_BUDGET_RATIO)));
    expect(Math.min(...levelsOf(PERIOD_BURN_RATE))).toBeGreaterThan(Math.max(...levelsOf(ERROR_BUDGET_RATIO)));
    expect(Math.min(...levelsOf(PERIOD_BURN_RATE))).toBeGreaterThan(Math.max(...levelsOf(sliErrorRatioName('5m'))));
    // the budget left is each SLO's own rule over its tiles; a freeform SLO's averages its 5m ratio,
    // a name the shared rules record too: after them
    expect(levelsOf(SLI_ERROR_INCREASE_1H)).toEqual([1]);
    expect(Math.min(...levelsOf(PERIOD_BUDGET_REMAINING))).toBe(2);
    const freeformBudget = levels.findIndex((level) =>
      level.some(
        (entry) => entry.rule.record === PERIOD_BUDGET_REMAINING && entry.rule.expr.includes(sliErrorRatioName('5m'))
      )
    );
    expect(freeformBudget).toBeGreaterThan(Math.max(...levelsOf(sliErrorRatioName('5m'))));
  });
});
