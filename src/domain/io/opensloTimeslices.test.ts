import { join } from 'path';

import { readFixture } from '../testing/golden';
import { importOpenSlo } from './openslo';
import { exportOpenSlo, opensloExportReport } from './opensloExport';
import { readSlicedErrorRatio } from './opensloTimeslices';

const file = 'timeslices.yaml';
const fixture = () => readFixture(join(__dirname, '__fixtures__', 'openslo', file));

/** `1m` slices of a 95 % target around `success`, the success ratio of one slice. */
const minutes = (success: string) => `1 - avg_over_time(((${success}) >= bool 0.95)[{{window}}:1m] offset 1ms)`;

const GOOD = 'checkout_requests_total{code!~"5.."}';
const TOTAL = 'checkout_requests_total';

describe('importOpenSlo with time slices', () => {
  test('measures Timeslices and RatioTimeslices per slice, and Occurrences per request', () => {
    const { doc, problems } = importOpenSlo([{ text: fixture(), file }]);
    expect(problems).toEqual([]);
    const success = (slice: string) =>
      `1 - (sum(increase(${TOTAL}[${slice}])) - sum(increase(${GOOD}[${slice}]))) / (sum(increase(${TOTAL}[${slice}])) > 0)`;
    expect(doc?.slos.map((slo) => [slo.id, slo.objective, slo.sli])).toEqual([
      ['checkout-minutes', 99, { kind: 'freeform', errorRatio: minutes(success('1m')) }],
      [
        'checkout-five-minutes',
        99,
        {
          kind: 'freeform',
          errorRatio: `1 - avg_over_time(((${success('5m')}) >= bool 0.95)[{{window}}:5m] offset 1ms)`,
        },
      ],
      [
        'checkout-ratio-minutes',
        99,
        { kind: 'freeform', errorRatio: `1 - avg_over_time((${success('1m')})[{{window}}:1m] offset 1ms)` },
      ],
      ['checkout-requests', 99, { kind: 'ratio', good: GOOD, total: TOTAL }],
    ]);
  });

  test('reports what the budgeting method and the slice fields became', () => {
    const { report } = importOpenSlo([{ text: fixture(), file }]);
    const slicing = report?.filter((entry) => /budgetingMethod|timeSlice/.test(entry.source));
    expect(slicing?.map((entry) => [entry.document, entry.source, entry.target, entry.reason])).toEqual([
      [
        3,
        'spec.budgetingMethod',
        'slos[checkout-minutes].sli',
        'budgetingMethod Timeslices measured as the share of bad 1m slices (freeform SLI)',
      ],
      [
        3,
        'spec.objectives[0].timeSliceWindow',
        'slos[checkout-minutes].sli',
        'slices of 1m on the clock; a slice without a value (no events) is left out',
      ],
      [
        3,
        'spec.objectives[0].timeSliceTarget',
        'slos[checkout-minutes].sli',
        'a slice is bad when its success ratio is below 0.95',
      ],
      [
        4,
        'spec.budgetingMethod',
        'slos[checkout-five-minutes].sli',
        'budgetingMethod Timeslices measured as the share of bad 5m slices (freeform SLI)',
      ],
      [4, 'spec.objectives[0].timeSliceWindow', 'slos[checkout-five-minutes].sli', expect.stringContaining('5m')],
      [4, 'spec.objectives[0].timeSliceTarget', 'slos[checkout-five-minutes].sli', expect.any(String)],
      [
        5,
        'spec.budgetingMethod',
        'slos[checkout-ratio-minutes].sli',
        'budgetingMethod RatioTimeslices measured as the mean error ratio of its 1m slices (freeform SLI)',
      ],
      [5, 'spec.objectives[0].timeSliceWindow', 'slos[checkout-ratio-minutes].sli', expect.any(String)],
      [6, 'spec.budgetingMethod', 'slos[checkout-requests].sli', 'the SLI counts events'],
    ]);
  });

  const slo = (indicator: string, objective: string, method = 'Timeslices') =>
    [
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata: { name: checkout-minutes }',
      'spec:',
      '  service: checkout',
      `  indicator: { spec: ${indicator} }`,
      `  budgetingMethod: ${method}`,
      `  objectives: [{ target: 0.99, ${objective} }]`,
      '',
    ].join('\n');
  const SLICE = 'timeSliceTarget: 0.95, timeSliceWindow: 1m';
  const query = (text: string) => `{ metricSource: { spec: { query: '${text}' } } }`;

  test.each([
    [
      'bad and total counters',
      `{ ratioMetric: { bad: ${query('errors_total')}, total: ${query('requests_total')} } }`,
      SLICE,
      '1 - (sum(increase(errors_total[1m])) or (0 * sum(increase(requests_total[1m])))) / (sum(increase(requests_total[1m])) > 0)',
      [],
    ],
    [
      'a raw success ratio, its range the slice',
      `{ ratioMetric: { rawType: success, raw: ${query('avg_over_time(probe_success[5m])')} } }`,
      SLICE,
      'avg_over_time(probe_success[1m])',
      ['fixed ranges such as [5m] were replaced with [1m] (the length of a time slice)'],
    ],
    [
      'a raw failure ratio',
      `{ ratioMetric: { rawType: failure, raw: ${query('job:errors:ratio')} } }`,
      SLICE,
      '1 - (job:errors:ratio)',
      [],
    ],
    [
      'queries that are no selectors, divided when there are events',
      `{ ratioMetric: { good: ${query('sum(rate(ok_total[5m]))')}, total: ${query('sum(rate(all_total[5m]))')} } }`,
      SLICE,
      '(sum(rate(ok_total[1m]))) / ((sum(rate(all_total[1m]))) > 0)',
      ['fixed ranges such as [5m] were replaced with [1m] (the length of a time slice)'],
    ],
    [
      'a histogram under a threshold, counted',
      `{ thresholdMetric: ${query('latency_seconds_bucket{job="checkout"}')} }`,
      `op: lte, value: 0.3, ${SLICE}`,
      '1 - (sum(increase(latency_seconds_bucket{job="checkout", le="+Inf"}[1m])) - sum(increase(latency_seconds_bucket{job="checkout", le="0.3"}[1m]))) / (sum(increase(latency_seconds_bucket{job="checkout", le="+Inf"}[1m])) > 0)',
      [],
    ],
    [
      'any other threshold, compared once per slice',
      `{ thresholdMetric: ${query('avg_over_time(queue_free[5m])')} }`,
      `op: gte, value: 10, ${SLICE}`,
      '(avg_over_time(queue_free[1m])) >= bool 10',
      [
        'thresholdMetric is read once per slice, at its end: a slice is good when the value is gte 10',
        'fixed ranges such as [5m] were replaced with [1m] (the length of a time slice)',
      ],
    ],
  ])('measures %s per slice', (_name, indicator, objective, success, warnings) => {
    const { doc, problems } = importOpenSlo([{ text: slo(indicator, objective), file: 'slo.yaml' }]);
    expect(problems.map((problem) => [problem.severity, problem.message])).toEqual(
      warnings.map((message) => ['warning', message])
    );
    expect(doc?.slos[0].sli).toEqual({ kind: 'freeform', errorRatio: minutes(success) });
  });

  const counters = `{ ratioMetric: { good: ${query('ok_total')}, total: ${query('requests_total')} } }`;

  test.each([
    ['5m', 'timeSliceWindow: 5m', '[{{window}}:5m]'],
    ['a number of minutes', 'timeSliceWindow: 5', '[{{window}}:5m]'],
    ['seconds', 'timeSliceWindow: 30s', '[{{window}}:30s]'],
  ])('reads a slice of %s', (_name, window, range) => {
    const { doc, problems } = importOpenSlo([{ text: slo(counters, `timeSliceTarget: 0.9, ${window}`) }]);
    expect(problems).toEqual([]);
    expect(doc?.slos[0].sli).toEqual(
      expect.objectContaining({ errorRatio: expect.stringContaining(`>= bool 0.9)${range} offset 1ms)`) })
    );
  });

  test.each([
    [
      'a month slice',
      'timeSliceTarget: 0.9, timeSliceWindow: 1M',
      'timeSliceWindow',
      'timeSliceWindow "1M" is not a Prometheus duration',
    ],
    [
      'a slice of 1.5 minutes',
      'timeSliceTarget: 0.9, timeSliceWindow: 1.5',
      'timeSliceWindow',
      'not a Prometheus duration',
    ],
    [
      'no slice',
      'timeSliceTarget: 0.9',
      'timeSliceWindow',
      'budgetingMethod Timeslices needs objectives[0].timeSliceWindow',
    ],
    [
      'no slice target',
      'timeSliceWindow: 1m',
      'timeSliceTarget',
      'budgetingMethod Timeslices needs objectives[0].timeSliceTarget',
    ],
    ['a slice target above 1', 'timeSliceTarget: 95, timeSliceWindow: 1m', 'timeSliceTarget', 'at most 1'],
    [
      'a slice longer than the 5m window',
      'timeSliceTarget: 0.9, timeSliceWindow: 10m',
      'timeSliceWindow',
      'a 10m slice does not divide the 5m window the rules measure',
    ],
    [
      'a slice that does not divide the windows',
      'timeSliceTarget: 0.9, timeSliceWindow: 4m',
      'timeSliceWindow',
      'a 4m slice does not divide the 5m, 30m windows',
    ],
  ])('refuses %s, naming the field', (_name, objective, field, message) => {
    const { doc, problems } = importOpenSlo([{ text: slo(counters, objective), file: 'slo.yaml' }]);
    expect(doc).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        path: `spec.objectives[0].${field}`,
        line: 8,
        message: expect.stringContaining(message),
      }),
    ]);
  });

  test('refuses an unknown budgeting method and a Loki ratio in slices', () => {
    const loki = `{ ratioMetric: { bad: { metricSource: { type: Loki, spec: { query: '{app="x"} |= "error"' } } }, total: { metricSource: { type: Loki, spec: { query: '{app="x"}' } } } } }`;
    const unknown = importOpenSlo([{ text: slo(counters, SLICE, 'Minutes') }]);
    expect(unknown.problems).toEqual([
      expect.objectContaining({
        path: 'spec.budgetingMethod',
        message: 'budgetingMethod "Minutes" is none of Occurrences, Timeslices, RatioTimeslices',
      }),
    ]);
    const sliced = importOpenSlo([{ text: slo(loki, SLICE) }]);
    expect(sliced.problems).toEqual([
      expect.objectContaining({ path: 'spec.indicator.spec.ratioMetric', message: expect.stringContaining('Loki') }),
    ]);
  });

  test.each([
    ['Occurrences', SLICE, ['timeSliceWindow', 'timeSliceTarget']],
    ['RatioTimeslices', SLICE, ['timeSliceTarget']],
  ])('drops the slice fields %s does not use, with a warning', (method, objective, dropped) => {
    const { doc, problems, report } = importOpenSlo([{ text: slo(counters, objective, method) }]);
    expect(doc?.slos).toHaveLength(1);
    expect(problems.map((problem) => [problem.severity, problem.message])).toEqual(
      dropped.map((field) => ['warning', `not mapped: ${field} has no use with budgetingMethod ${method}`])
    );
    expect(report?.filter((entry) => entry.outcome === 'dropped')).toHaveLength(dropped.length);
  });
});

describe('exportOpenSlo with time slices', () => {
  test('exports the sliced SLOs with their budgeting method, and imports them back unchanged', () => {
    const { doc } = importOpenSlo([{ text: fixture(), file }]);
    const exported = exportOpenSlo(doc!);
    expect(exported).toContain('budgetingMethod: Timeslices');
    expect(exported).toContain('budgetingMethod: RatioTimeslices');
    expect(exported).toMatch(/targetPercent: 99\n\s+timeSliceTarget: 0.95\n\s+timeSliceWindow: 5m/);
    const { doc: again, problems } = importOpenSlo([{ text: exported }]);
    expect(problems).toEqual([]);
    expect(again?.slos).toEqual(doc?.slos);
  });

  test('names the budgeting method in the export report', () => {
    const { doc } = importOpenSlo([{ text: fixture(), file }]);
    const report = opensloExportReport(doc!);
    expect(report).toContainEqual({
      outcome: 'mapped',
      source: 'slos[checkout-minutes].sli',
      target: 'spec.budgetingMethod',
      reason:
        "Timeslices of 1m slices, good when their success ratio is at least 0.95; the slice's success ratio is written as a raw success ratio",
    });
    expect(report.filter((entry) => entry.outcome === 'dropped')).toEqual([]);
  });

  test('exports an edited SLI as a freeform ratio over requests, which imports back unchanged', () => {
    const { doc } = importOpenSlo([{ text: fixture(), file }]);
    const edited = doc!.slos[0];
    if (edited.sli.kind === 'freeform') {
      edited.sli.errorRatio = edited.sli.errorRatio.replace(' offset 1ms', '');
    }
    expect(opensloExportReport(doc!).map((entry) => entry.source)).not.toContain('slos[checkout-minutes].sli');
    const exported = exportOpenSlo({ ...doc!, slos: [edited] });
    expect(exported).toContain('budgetingMethod: Occurrences');
    expect(importOpenSlo([{ text: exported }]).doc?.slos).toEqual([edited]);
  });
});

describe('readSlicedErrorRatio', () => {
  test.each([
    ['Timeslices', minutes('x'), { slicing: { method: 'Timeslices', window: '1m', target: 0.95 }, success: 'x' }],
    [
      'RatioTimeslices',
      '1 - avg_over_time((x)[{{window}}:5m] offset 1ms)',
      { slicing: { method: 'RatioTimeslices', window: '5m' }, success: 'x' },
    ],
    ['no slices', '1 - avg_over_time(probe_success[{{window}}])', undefined],
    ['another offset', '1 - avg_over_time((x)[{{window}}:5m] offset 1m)', undefined],
    ['a slice that is no duration', '1 - avg_over_time((x)[{{window}}:1M] offset 1ms)', undefined],
  ])('reads %s', (_name, errorRatio, expected) => {
    expect(readSlicedErrorRatio(errorRatio)).toEqual(expected);
  });
});
