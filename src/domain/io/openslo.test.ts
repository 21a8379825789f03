import { join } from 'path';

import { baseRegistry } from '../testing/builders';
import { expectGolden, readFixture } from '../testing/golden';
import { importOpenSlo } from './openslo';
import { exportOpenSlo } from './opensloExport';

const file = 'checkout.yaml';
const fixture = () => readFixture(join(__dirname, '__fixtures__', 'openslo', file));
const errors = (problems: Array<{ severity?: string }>) => problems.filter((problem) => problem.severity !== 'warning');

describe('importOpenSlo', () => {
  test('maps services, referenced and inline SLIs, windows, objectives and burn-rate conditions', () => {
    const { doc, problems } = importOpenSlo([{ text: fixture(), file }]);
    expect(errors(problems)).toEqual([]);
    expect(doc?.services.map((service) => [service.id, service.name])).toEqual([
      ['checkout', 'Checkout'],
      ['search', 'search'],
    ]);
    expect(doc?.slos[0]).toEqual(
      expect.objectContaining({
        id: 'checkout-availability',
        name: 'Checkout availability',
        serviceId: 'checkout',
        objective: 99.9,
        window: '28d',
        labels: { team: 'checkout' },
        sli: {
          kind: 'ratio',
          bad: 'http_requests_total{service="checkout",code=~"5.."}',
          total: 'http_requests_total{service="checkout"}',
        },
        alerting: {
          enabled: true,
          preset: 'custom',
          windows: [
            { tier: 'page-fast', severity: 'page', factor: 14.4, long: '1h', short: '5m' },
            { tier: 'ticket-slow', severity: 'ticket', factor: 1, long: '3d', short: '6h' },
          ],
        },
      })
    );
    expect(doc?.slos[1]).toEqual(
      expect.objectContaining({
        window: 'calendar-month',
        objective: 99,
        sli: { kind: 'latency', histogram: 'http_request_duration_seconds_bucket{service="checkout"}', threshold: 0.5 },
        alerting: { enabled: false, preset: 'google-30d' },
      })
    );
    expect(doc?.slos[2].sli).toEqual({
      kind: 'freeform',
      errorRatio:
        '1 - ((sum(rate(search_requests_total{code!~"5.."}[{{window}}]))) / (sum(rate(search_requests_total[{{window}}]))))',
    });
  });

  test('warns about what is dropped', () => {
    const { problems } = importOpenSlo([{ text: fixture(), file }]);
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [89, 'only the first of 2 objectives is imported; the others are dropped'],
      [129, 'queries that are not plain counter selectors are imported as a freeform error ratio'],
      [129, 'fixed ranges such as [5m] were replaced with [{{window}}] so the SLI follows the alert windows'],
    ]);
  });

  const slo = (spec: string) =>
    `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout-availability\nspec:\n  service: checkout\n${spec}`;
  const indicator =
    '  indicator:\n    spec:\n      ratioMetric:\n        bad:\n          metricSource:\n            spec:\n              query: errors_total\n        total:\n          metricSource:\n            spec:\n              query: requests_total\n';

  test.each([
    ['malformed YAML', 'apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: x\n', '', 4, 'YAML syntax error'],
    [
      'an unknown kind',
      'apiVersion: openslo/v1\nkind: Dashboard\n',
      'kind',
      2,
      'unknown kind "Dashboard"; expected one of Service, SLO',
    ],
    ['an old version', 'apiVersion: openslo/v1alpha\nkind: SLO\n', 'apiVersion', 1, 'expected apiVersion "openslo/v1"'],
    [
      'target 100.5',
      slo(`${indicator}  objectives:\n    - targetPercent: 100.5\n`),
      'slos[0].objective',
      19,
      'strictly between 0 and 100, e.g. 99.9, got 100.5',
    ],
    [
      'invalid PromQL',
      slo(indicator.replace('query: errors_total', 'query: sum(rate(errors_total[5m])')),
      'slos[0].sli.errorRatio',
      7,
      'errorRatio is not valid PromQL: "(" is never closed',
    ],
    ['a missing SLI', slo('  indicatorRef: nothing\n'), 'spec.indicatorRef', 7, 'indicatorRef "nothing" names no SLI'],
    [
      'an hourly window',
      slo(`${indicator}  timeWindow:\n    - duration: 12h\n      isRolling: true\n`),
      'spec.timeWindow[0]',
      19,
      'timeWindow "12h" is not supported',
    ],
  ])('reports %s', (_name, text, path, line, message) => {
    const { doc, problems } = importOpenSlo([{ text, file: 'slo.yaml' }]);
    expect(doc).toBeUndefined();
    const found = problems.find((problem) => problem.path === path);
    expect(found).toEqual(
      expect.objectContaining({ line, file: 'slo.yaml', message: expect.stringContaining(message) })
    );
  });
});

describe('exportOpenSlo', () => {
  test('writes Service and SLO documents', () => {
    // Regenerate on purpose only: UPDATE_GOLDEN=1 npx jest src/domain/io/openslo.test.ts
    expectGolden(join(__dirname, '__golden__', 'openslo-base-registry.yaml'), exportOpenSlo(baseRegistry()));
  });

  test('round-trips what OpenSLO can hold', () => {
    const doc = baseRegistry();
    doc.slos[1].alerting.disabledTiers = ['ticket-slow'];
    const { doc: imported, problems } = importOpenSlo([{ text: exportOpenSlo(doc) }]);
    expect(problems).toEqual([]);
    // Alert labels and annotations, budget policies and histogram buckets have no OpenSLO field.
    const portable = doc.slos.map(({ alerting, budgetPolicy, sli, ...slo }) => ({
      ...slo,
      sli: sli.kind === 'latency' ? { kind: sli.kind, histogram: sli.histogram, threshold: sli.threshold } : sli,
      alerting: {
        enabled: alerting.enabled,
        preset: alerting.preset,
        ...(alerting.disabledTiers ? { disabledTiers: alerting.disabledTiers } : {}),
      },
    }));
    expect(imported?.slos).toEqual(portable);
    expect(imported?.services.map(({ id, name, description }) => ({ id, name, description }))).toEqual(
      doc.services.map(({ id, name, description }) => ({ id, name, description }))
    );
  });
});
