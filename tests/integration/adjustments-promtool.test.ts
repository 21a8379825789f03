/**
 * `promtool test rules` proofs of the budget-adjustment mask (src/domain/rules/adjustments.ts):
 *
 * - the mask is non-empty exactly at the instants an adjustment's windows hold, as the domain places
 *   them (`isInWindow`), for one-off windows and weekly ones in UTC and in a zone with daylight
 *   saving, including a window that runs over the end of the week;
 * - errors inside an approved window do not count in the adjusted budget left, while the raw budget
 *   left (the recorded series, and the same sum unmasked) still shows them; a pending adjustment
 *   changes nothing, and errors outside the window count in both.
 *
 * promtool's clock starts at the Unix epoch, 1970-01-01 00:00 UTC, a Thursday: eval times are
 * durations from it. New York kept summer time from 26 April to 25 October 1970, so its instants are
 * chosen where the per-month offset of the mask and the zone's own agree (see the module's note on
 * the weeks around a clock change).
 */
import { stringify } from 'yaml';
import { isInWindow } from '../../src/domain/adjustments/adjustments';
import { withAdjustments } from '../../src/domain/adjustments/fixtures';
import { BudgetAdjustment } from '../../src/domain/model';
import { generateRuleFiles, mergeRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { adjustedBudgetLeft, adjustmentMask } from '../../src/domain/rules/adjustments';
import { baseDoc, baseSlo } from '../../src/domain/rules/fixtures';
import { requirePromtool, runPromtool, writeTempFiles } from './fixtures/rules/promtool';

const MINUTE_MS = 60_000;

function adjustment(overrides: Partial<BudgetAdjustment>): BudgetAdjustment {
  return {
    id: 'window',
    kind: 'maintenance',
    reason: 'Database upgrade',
    silenceAlerts: false,
    by: 'editor',
    at: '2026-11-02T09:00:00Z',
    approval: { by: 'ana', at: '2026-11-02T10:00:00Z' },
    ...overrides,
  };
}

interface ExprTest {
  expr: string;
  eval_time: string;
  exp_samples: Array<{ labels?: string; value: number }>;
}

/** Runs one promtool test file of expression tests over `rules` (none for the mask alone). */
function promtool(tests: ExprTest[], inputSeries: Array<{ series: string; values: string }> = [], rules?: string) {
  const file = {
    ...(rules ? { rule_files: ['rules.yaml'] } : { rule_files: [] }),
    evaluation_interval: '1m',
    tests: [{ interval: '1m', input_series: inputSeries, promql_expr_test: tests }],
  };
  const dir = writeTempFiles({ 'tests.yaml': stringify(file), ...(rules ? { 'rules.yaml': rules } : {}) });
  return runPromtool(['test', 'rules', 'tests.yaml'], dir);
}

/** The mask at `ms` since the epoch: one sample (`count` is 1) inside a window, none outside. */
function maskAt(mask: string, ms: number, inside: boolean): ExprTest {
  return {
    expr: `count(${mask})`,
    eval_time: `${Math.round(ms / MINUTE_MS)}m`,
    exp_samples: inside ? [{ value: 1 }] : [],
  };
}

const at = (iso: string) => Date.parse(iso);

/** Instants around every edge of the windows, and in between. */
const MASK_CASES: Array<{ name: string; adjustment: BudgetAdjustment; instants: number[] }> = [
  {
    name: 'a one-off window, start included and end excluded',
    adjustment: adjustment({ start: '1970-01-01T02:00:00Z', end: '1970-01-01T03:30:00Z' }),
    instants: ['01:59', '02:00', '02:01', '03:29', '03:30', '04:00'].map((time) => at(`1970-01-01T${time}:00Z`)),
  },
  {
    // Sunday 4 and Wednesday 7 January 1970
    name: 'weekly on Sunday and Wednesday at 02:00 UTC for 2h',
    adjustment: adjustment({ recurrence: { weekdays: [0, 3], start: '02:00', duration: '2h', timeZone: 'UTC' } }),
    instants: [
      '1970-01-03T02:30',
      '1970-01-04T01:59',
      '1970-01-04T02:00',
      '1970-01-04T03:59',
      '1970-01-04T04:00',
      '1970-01-05T02:30',
      '1970-01-07T02:00',
      '1970-01-07T03:00',
      '1970-01-07T04:00',
      '1970-01-11T02:30',
    ].map((time) => at(`${time}:00Z`)),
  },
  {
    // Saturday 3 January 1970, 23:00 UTC, for 3h: over Sunday midnight, where the week restarts
    name: 'weekly on Saturday at 23:00 UTC for 3h runs into Sunday',
    adjustment: adjustment({ recurrence: { weekdays: [6], start: '23:00', duration: '3h', timeZone: 'UTC' } }),
    instants: ['1970-01-03T22:59', '1970-01-03T23:00', '1970-01-04T00:30', '1970-01-04T01:59', '1970-01-04T02:00'].map(
      (time) => at(`${time}:00Z`)
    ),
  },
  {
    // 02:00 New York time: 07:00 UTC in winter (EST), 06:00 UTC in summer (EDT, July 1970)
    name: 'weekly in America/New_York follows the local clock in winter and in summer',
    adjustment: adjustment({
      recurrence: { weekdays: [3], start: '02:00', duration: '1h', timeZone: 'America/New_York' },
    }),
    instants: [
      '1970-01-07T06:30',
      '1970-01-07T07:00',
      '1970-01-07T07:59',
      '1970-01-07T08:00',
      '1970-07-08T05:59',
      '1970-07-08T06:00',
      '1970-07-08T06:59',
      '1970-07-08T07:00',
    ].map((time) => at(`${time}:00Z`)),
  },
];

beforeAll(() => {
  requirePromtool();
});

test.each(MASK_CASES.map((entry) => [entry.name, entry] as const))(
  'the mask holds exactly inside the windows: %s',
  (_name, { adjustment: adjusted, instants }) => {
    const mask = adjustmentMask([adjusted])!;
    const tests = instants.map((ms) => maskAt(mask, ms, isInWindow(adjusted, ms)));
    // every case has instants on both sides of its edges
    expect(tests.some((test) => test.exp_samples.length > 0)).toBe(true);
    expect(tests.some((test) => test.exp_samples.length === 0)).toBe(true);
    const result = promtool(tests);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  }
);

test('a pending adjustment has no mask', () => {
  const { approval: _none, ...pending } = adjustment({ start: '1970-01-01T02:00:00Z', end: '1970-01-01T03:00:00Z' });
  expect(adjustmentMask([pending])).toBeUndefined();
});

test('a mask that claims the wrong instants fails (the mask cases can fail)', () => {
  const adjusted = MASK_CASES[0].adjustment;
  const mask = adjustmentMask([adjusted])!;
  const result = promtool([maskAt(mask, at('1970-01-01T01:59:00Z'), true)]);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('FAILED');
});

// The budget: 1,000 good requests a minute for 6 hours; 100 errors a minute from 02:00 to 03:00.
// A 7-day SLO: promtool's engine holds at most 10,000 samples per query, and the mask has one per
// 5-minute step of the period (2,016 over 7 days; a 30-day period's 8,640 are far below a real
// Prometheus' 50 million).
const SLO_ID = 'maint';
const PERIOD = '7d';
const SELECTOR = `{sloth_id="${SLO_ID}"}`;
const ALLOWED = 0.001;
const INPUT = [
  { series: `requests_total{svc="${SLO_ID}", code="200"}`, values: '0+1000x360' },
  { series: `requests_total{svc="${SLO_ID}", code="500"}`, values: '0+0x120 100+100x59 6000+0x179' },
];
/** Errors over events of the 6 hours, and the budget left they give a 99.9 % SLO. */
const RAW_LEFT = 1 - 6000 / 366_000 / ALLOWED;

function rules(adjustments: BudgetAdjustment[] = []): string {
  const slo = baseSlo({
    id: SLO_ID,
    serviceId: 'checkout',
    window: PERIOD,
    sli: { kind: 'ratio', bad: `requests_total{svc="${SLO_ID}",code="500"}`, total: `requests_total{svc="${SLO_ID}"}` },
  });
  const doc = withAdjustments(baseDoc([slo]), adjustments);
  return renderRuleFile(mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file)));
}

const near = (expr: string, value: number, evalTime = '6h'): ExprTest => ({
  expr: `count(abs((${expr}) - ${value}) < 1e-9)`,
  eval_time: evalTime,
  exp_samples: [{ value: 1 }],
});
const below = (expr: string, value: number, evalTime = '6h'): ExprTest => ({
  expr: `count((${expr}) < ${value})`,
  eval_time: evalTime,
  exp_samples: [{ value: 1 }],
});
const adjusted = (adjustments: BudgetAdjustment[]) => adjustedBudgetLeft(PERIOD, SELECTOR, adjustments, ALLOWED);
const recordedLeft = `max without (sloth_window) (slo:period_error_budget_remaining:ratio${SELECTOR})`;

test('errors inside an approved window do not count in the adjusted budget left; the raw one still shows them', () => {
  const window = adjustment({ start: '1970-01-01T02:00:00Z', end: '1970-01-01T03:00:00Z' });
  const { approval: _none, ...pending } = window;
  const later = adjustment({ id: 'later', start: '1970-01-01T04:00:00Z', end: '1970-01-01T05:00:00Z' });
  const result = promtool(
    [
      // the raw figures show the hour of errors: the recorded budget left and the unmasked sum
      below(recordedLeft, 0),
      near(adjusted([]), RAW_LEFT),
      // approved, the window's errors and events are left out: nothing else failed
      near(adjusted([window]), 1),
      // pending, it changes nothing
      near(adjusted([pending]), RAW_LEFT),
      // a window over a clean hour leaves its events out and the errors in: 6,000 of 306,000
      near(adjusted([later]), 1 - 6000 / 306_000 / ALLOWED),
      // before the errors, both agree
      near(adjusted([window]), 1, '1h59m'),
      near(adjusted([]), 1, '1h59m'),
    ],
    INPUT,
    rules()
  );
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('the budget scenario can fail: an approved window does not hide errors outside it', () => {
  const elsewhere = adjustment({ start: '1970-01-01T04:00:00Z', end: '1970-01-01T05:00:00Z' });
  const result = promtool([near(adjusted([elsewhere]), 1)], INPUT, rules());
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('FAILED');
});

describe('the generated rules of an SLO with an approved adjustment', () => {
  const window = adjustment({ start: '1970-01-01T02:00:00Z', end: '1970-01-01T03:00:00Z', silenceAlerts: true });
  const pageFast = (evalTime: string, firing: boolean): ExprTest => ({
    expr: `count(ALERTS{alertstate="firing", sloth_id="${SLO_ID}", burn_tier="page-fast"})`,
    eval_time: evalTime,
    exp_samples: firing ? [{ value: 1 }] : [],
  });
  const raw = `max without (sloth_window) (slo:period_error_budget_remaining_raw:ratio${SELECTOR})`;

  test('record the adjusted budget left, the raw one beside it, and hold the page alert back', () => {
    const result = promtool([near(recordedLeft, 1), below(raw, 0), pageFast('2h40m', false)], INPUT, rules([window]));
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  const { approval: _none, ...pending } = window;
  test.each([
    [
      'approved without silencing: the page alert fires',
      { ...window, silenceAlerts: false },
      [pageFast('2h40m', true)],
    ],
    ['pending: the alert fires and the budget left is raw', pending, [pageFast('2h40m', true), below(recordedLeft, 0)]],
  ])('%s', (_name, adjusted, expectations) => {
    const result = promtool(expectations, INPUT, rules([adjusted]));
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
