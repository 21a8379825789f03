/**
 * OpenSLO time slices, measured as such: the SLOs of src/domain/io/__fixtures__/openslo/timeslices.yaml
 * go through the app's importer and rule generator, and promtool (Prometheus 2.42, ranges closed
 * at both ends, rules evaluated on the minute) evaluates the rules on traffic with known slices.
 *
 * Each minute: 400 requests and 4 errors (1 %), scraped every 15 s. The minutes that end at 1h11m
 * to 1h15m and at 1h33m are bad (800 requests, 80 errors: 10 %, below the 95 % slice target); the
 * one that ends at 1h40m has exactly 5 % errors, a good slice (success ratio 0.95 ≥ 0.95). The hour
 * before 2h then holds 6 bad minutes of 60, and one bad 5-minute slice of 12 (the minute at 1h33m
 * leaves its 5-minute slice at 4 %). Counting requests instead gives 712 errors in 26,400 requests.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';

import { importOpenSlo } from '../../src/domain/io/openslo';
import { RegistryDocument } from '../../src/domain/model';
import { errorRatioQuery } from '../../src/domain/query/sli';
import { emptyRegistry } from '../../src/domain/registry';
import { generateRuleFiles, mergeRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { sliErrorRatio } from '../../src/domain/rules/windowRatio';
import { requirePromtool, runPromtool, writeTempFiles } from './fixtures/rules/promtool';

const FIXTURE = join(__dirname, '../../src/domain/io/__fixtures__/openslo/timeslices.yaml');

interface ExprTest {
  expr: string;
  eval_time: string;
  exp_samples: Array<{ value: number }>;
}

/** Requests and errors of each minute; the list's index is the minute the slice ends at, from 1. */
function minutes(): Array<{ requests: number; errors: number }> {
  const bad = new Set([71, 72, 73, 74, 75, 93]);
  return Array.from({ length: 150 }, (_, index) => {
    const minute = index + 1;
    if (bad.has(minute)) {
      return { requests: 800, errors: 80 };
    }
    return minute === 100 ? { requests: 400, errors: 20 } : { requests: 400, errors: 4 };
  });
}

/** Counter samples every 15 s from 0: a quarter of each minute's increase per scrape. */
function counterValues(perMinute: number[]): string {
  const values = [0];
  for (const increase of perMinute) {
    for (let scrape = 0; scrape < 4; scrape++) {
      values.push(values[values.length - 1] + increase / 4);
    }
  }
  return values.join(' ');
}

const INPUT_SERIES = [
  {
    series: 'checkout_requests_total{code="200"}',
    values: counterValues(minutes().map(({ requests, errors }) => requests - errors)),
  },
  { series: 'checkout_requests_total{code="500"}', values: counterValues(minutes().map(({ errors }) => errors)) },
];

function importedRegistry(): RegistryDocument {
  const { doc, problems } = importOpenSlo([{ text: readFileSync(FIXTURE, 'utf8'), file: 'timeslices.yaml' }]);
  expect(problems).toEqual([]);
  return { ...emptyRegistry(), people: doc!.people, services: doc!.services, slos: doc!.slos };
}

/** `count(abs(<expr> - value) < 1e-9)`: one sample of value 1 when the expression is close to `value`. */
const near = (expr: string, value: number, evalTime: string): ExprTest => ({
  expr: `count(abs(${expr} - ${value}) < 1e-9)`,
  eval_time: evalTime,
  exp_samples: [{ value: 1 }],
});

/**
 * An SLO's error ratio over `window` as the app's alerts and panels read it (rules/windowRatio.ts):
 * the time-slice SLIs (freeform) from their recorded ratio, the request ratio summed from its
 * recorded 5-minute increases.
 */
const ratio = (doc: RegistryDocument, window: string, sloId: string) =>
  sliErrorRatio(doc.slos.find((slo) => slo.id === sloId)!.sli, window, `{sloth_id="${sloId}"}`);

/** An SLO's error ratio over `window` as its SLI writes it, to evaluate it between rule evaluations. */
function sliExpr(doc: RegistryDocument, sloId: string, window: string): string {
  return errorRatioQuery(doc.slos.find((slo) => slo.id === sloId)!.sli, window);
}

function expectations(doc: RegistryDocument): ExprTest[] {
  return [
    // 6 bad minutes of 60 on the 5-minute marks (2h) and off them (2h2m, and 2h2m30s between
    // evaluations), where requests give 712 / 26,400 and the mean of the minutes' ratios 1.18 / 60.
    near(ratio(doc, '1h', 'checkout-minutes'), 0.1, '2h'),
    near(ratio(doc, '1h', 'checkout-minutes'), 0.1, '2h2m'),
    near(sliExpr(doc, 'checkout-minutes', '1h'), 0.1, '2h2m30s'),
    near(ratio(doc, '1h', 'checkout-requests'), 712 / 26400, '2h'),
    near(ratio(doc, '1h', 'checkout-ratio-minutes'), 1.18 / 60, '2h'),
    near(ratio(doc, '1h', 'checkout-ratio-minutes'), 1.18 / 60, '2h2m'),
    // The hour's first slice: on the minute, a window reads the slices that end in the hour before
    // the previous minute (the one ending at 1h11m at 2h11m, not at 2h12m); `[1h:1m]` read 61.
    near(ratio(doc, '1h', 'checkout-minutes'), 0.1, '2h11m'),
    near(ratio(doc, '1h', 'checkout-minutes'), 5 / 60, '2h12m'),
    // 5 minutes: 4 bad of 5 at 1h15m (1h11m to 1h14m; the slice ending at 1h15m counts from the
    // next evaluation), all 5 at 1h16m, 3 at 1h17m30s (1h13m to 1h17m).
    near(ratio(doc, '5m', 'checkout-minutes'), 0.8, '1h15m'),
    near(ratio(doc, '5m', 'checkout-minutes'), 1, '1h16m'),
    near(sliExpr(doc, 'checkout-minutes', '5m'), 0.6, '1h17m30s'),
    // 5-minute slices: one bad of 12 in the hour; the 5m window holds the last complete slice.
    near(ratio(doc, '1h', 'checkout-five-minutes'), 1 / 12, '2h'),
    near(ratio(doc, '1h', 'checkout-five-minutes'), 1 / 12, '2h2m'),
    near(sliExpr(doc, 'checkout-five-minutes', '1h'), 1 / 12, '2h12m30s'),
    near(ratio(doc, '5m', 'checkout-five-minutes'), 0, '1h15m'),
    near(ratio(doc, '5m', 'checkout-five-minutes'), 1, '1h16m'),
    near(sliExpr(doc, 'checkout-five-minutes', '5m'), 1, '1h19m30s'),
  ];
}

function runScenario(doc: RegistryDocument, tests: ExprTest[]) {
  const prometheus = mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file));
  const scenario = {
    rule_files: ['rules.yaml'],
    evaluation_interval: '1m',
    group_eval_order: prometheus.groups.map((group) => group.name),
    tests: [{ interval: '15s', input_series: INPUT_SERIES, promql_expr_test: tests }],
  };
  const dir = writeTempFiles({ 'rules.yaml': renderRuleFile(prometheus), 'tests.yaml': stringify(scenario) });
  return runPromtool(['test', 'rules', 'tests.yaml'], dir);
}

beforeAll(() => {
  requirePromtool();
});

test('the imported SLOs measure the share of bad slices, the mean slice ratio and the request ratio', () => {
  const doc = importedRegistry();
  const result = runScenario(doc, expectations(doc));
  expect(result.output).toContain('SUCCESS');
  expect(result.status).toBe(0);
});

test('the windows without `offset 1ms` read one slice more on the minute, and fail', () => {
  const doc = importedRegistry();
  for (const slo of doc.slos) {
    if (slo.sli.kind === 'freeform') {
      slo.sli.errorRatio = slo.sli.errorRatio.replace(' offset 1ms', '');
    }
  }
  const result = runScenario(doc, expectations(doc));
  expect(result.output).toContain('FAILED');
  expect(result.output).toContain('2h11m');
  expect(result.status).not.toBe(0);
});

test('a request ratio in place of the slices fails (the scenario can fail)', () => {
  const doc = importedRegistry();
  const requests = doc.slos.find((slo) => slo.id === 'checkout-requests')!;
  doc.slos = doc.slos.map((slo) => (slo.id === 'checkout-minutes' ? { ...slo, sli: requests.sli } : slo));
  const result = runScenario(doc, [near(ratio(doc, '1h', 'checkout-minutes'), 0.1, '2h')]);
  expect(result.output).toContain('FAILED');
  expect(result.status).not.toBe(0);
  // the request ratio is summed from the increases, not a recorded ratio
  expect(ratio(doc, '1h', 'checkout-minutes')).toContain('slo:sli_error:increase5m{sloth_id="checkout-minutes"}');
});
