import { join } from 'path';
import { parseAllDocuments } from 'yaml';

import { RegistryDocument } from '../model';
import { baseRegistry } from '../testing/builders';
import { expectGolden, readFixture } from '../testing/golden';
import { ImportedRegistry } from './importResult';
import { orderKeys } from './keyOrder';
import { importOpenSlo } from './openslo';
import { exportOpenSlo, opensloExportReport } from './opensloExport';

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

  test('warns about what is dropped, naming the document', () => {
    const { problems, report } = importOpenSlo([{ text: fixture(), file }]);
    expect(problems.map((problem) => [problem.line, problem.document, problem.message])).toEqual([
      [
        10,
        2,
        'not mapped: kind DataSource is skipped: the app reads the data sources chosen on its configuration page',
      ],
      [89, 6, 'not mapped: objective 2 of 2: only the first objective is imported'],
      [87, 6, 'not mapped: objective name "Good": the SLO has one objective'],
      [68, 5, 'not mapped: spec.notificationTargets has no place in the registry and is left out'],
      [129, 8, 'queries that are not plain counter selectors are imported as a freeform error ratio'],
      [129, 8, 'fixed ranges such as [5m] were replaced with [{{window}}] so the SLI follows the alert windows'],
    ]);
    expect(report?.filter((entry) => entry.outcome === 'dropped').map((entry) => entry.source)).toEqual([
      'kind',
      'spec.objectives[1]',
      'spec.objectives[0].displayName',
      'spec.notificationTargets',
    ]);
  });

  test('maps the SLO label team onto the service, and reports where each field went', () => {
    const { doc, report } = importOpenSlo([{ text: fixture(), file }]);
    expect(doc?.services[0].onCall).toEqual({ team: 'checkout' });
    expect(report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'spec.objectives[0].target',
          target: 'slos[checkout-availability].objective',
        }),
        expect.objectContaining({ source: 'spec.timeWindow[0]', target: 'slos[checkout-latency].window', line: 110 }),
        expect.objectContaining({
          outcome: 'mapped',
          source: 'metadata.labels.team',
          target: 'services[checkout].onCall.team',
        }),
        expect.objectContaining({ outcome: 'label', source: 'metadata.labels.team', document: 6 }),
      ])
    );
  });

  const windowed = (window: string) =>
    `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout-availability\nspec:\n  service: checkout\n  indicator:\n    spec:\n      ratioMetric:\n        bad: { metricSource: { spec: { query: errors_total } } }\n        total: { metricSource: { spec: { query: requests_total } } }\n  objectives: [{ target: 0.99 }]\n  timeWindow:\n${window}`;

  test.each([
    [
      'a calendar month',
      '    - duration: 1M\n      isRolling: false\n      calendar: { startTime: 2022-01-01 00:00:00, timeZone: UTC }\n',
      'calendar-month',
    ],
    ['a month without a calendar', '    - duration: 1M\n      isRolling: false\n', 'calendar-month'],
    [
      'a calendar quarter',
      '    - duration: 1Q\n      isRolling: false\n      calendar: { startTime: 2022-04-01 00:00:00, timeZone: UTC }\n',
      'calendar-quarter',
    ],
    [
      'a calendar week',
      '    - duration: 1w\n      isRolling: false\n      calendar: { startTime: 2024-01-01, timeZone: Etc/UTC }\n',
      'calendar-week',
    ],
    ['rolling weeks', '    - duration: 4w\n      isRolling: true\n', '28d'],
  ])('imports %s', (_name, window, expected) => {
    const { doc, problems } = importOpenSlo([{ text: windowed(window), file: 'slo.yaml' }]);
    expect(problems).toEqual([]);
    expect(doc?.slos[0].window).toBe(expected);
  });

  test.each([
    ['two months', '    - duration: 2M\n      isRolling: false\n', 'one week (1w), month (1M) or quarter (1Q), got 2M'],
    [
      'a quarter from February',
      '    - duration: 1Q\n      isRolling: false\n      calendar: { startTime: 2022-02-01, timeZone: UTC }\n',
      'does not start a quarter: a quarter starts on 1 January, April, July or October at 00:00',
    ],
    [
      'a week from Tuesday',
      '    - duration: 1w\n      isRolling: false\n      calendar: { startTime: 2024-01-02, timeZone: UTC }\n',
      'does not start a week: a week starts on Monday at 00:00',
    ],
    [
      'a month from the 15th',
      '    - duration: 1M\n      isRolling: false\n      calendar: { startTime: 2022-01-15 00:00:00, timeZone: UTC }\n',
      'calendar.startTime "2022-01-15 00:00:00" does not start a month: a month starts on the 1st at 00:00',
    ],
    ['a rolling month', '    - duration: 1M\n      isRolling: true\n', 'timeWindow "1M" is not supported'],
  ])('refuses %s with the reason', (_name, window, message) => {
    const { doc, problems } = importOpenSlo([{ text: windowed(window), file: 'slo.yaml' }]);
    expect(doc).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ path: 'spec.timeWindow[0]', line: 14, message: expect.stringContaining(message) }),
    ]);
  });

  test('imports a calendar month in another time zone with its zone', () => {
    const window =
      '    - duration: 1M\n      isRolling: false\n      calendar: { startTime: 2022-01-01, timeZone: Europe/Paris }\n';
    const { doc, problems, report } = importOpenSlo([{ text: windowed(window), file: 'slo.yaml' }]);
    expect(problems).toEqual([]);
    expect(doc?.slos[0]).toMatchObject({ window: 'calendar-month', timeZone: 'Europe/Paris' });
    expect(report).toContainEqual(
      expect.objectContaining({ outcome: 'mapped', source: 'spec.timeWindow[0].calendar.timeZone' })
    );
  });

  test('a time zone that is not an IANA zone is dropped with a warning: the periods start at 00:00 UTC', () => {
    const window =
      '    - duration: 1M\n      isRolling: false\n      calendar: { startTime: 2022-01-01, timeZone: CEST }\n';
    const { doc, problems, report } = importOpenSlo([{ text: windowed(window), file: 'slo.yaml' }]);
    expect(doc?.slos[0].window).toBe('calendar-month');
    expect(doc?.slos[0].timeZone).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'spec.timeWindow[0].calendar.timeZone',
        severity: 'warning',
        message: 'not mapped: timeZone "CEST" is not an IANA time zone: the periods start at 00:00 UTC',
      }),
    ]);
    expect(report).toContainEqual(
      expect.objectContaining({ outcome: 'dropped', source: 'spec.timeWindow[0].calendar.timeZone' })
    );
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
  test("keeps a grouped SLO's groupBy labels as an annotation; ungrouped SLOs have none", () => {
    const doc = baseRegistry();
    doc.slos[0].groupBy = ['tenant', 'route'];
    const slos = parseAllDocuments(exportOpenSlo(doc))
      .map((document) => document.toJS())
      .filter((document) => document.kind === 'SLO');
    expect(slos[0].metadata.annotations).toEqual({ 'business-owner/group-by': 'tenant,route' });
    expect(slos[1].metadata).not.toHaveProperty('annotations');
  });

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

/** Where an entity of `after` differs from its namesake in `before`: `slos[a].groupBy`, `people[ana]`. */
function differences(before: RegistryDocument, after: ImportedRegistry): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(orderKeys(a)) === JSON.stringify(orderKeys(b));
  const lists = ['people', 'services', 'slos'] as const;
  return lists.flatMap((list) =>
    (before[list] as Array<{ id: string }>).flatMap((entity) => {
      const found = (after[list] as Array<{ id: string }>).find((other) => other.id === entity.id);
      if (!found) {
        return [`${list}[${entity.id}]`];
      }
      const fields = (a: object, b: object, prefix: string): string[] =>
        [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key) => {
          const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
          if (same(x, y)) {
            return [];
          }
          const nested = ['alerting', 'sli'].includes(key) && typeof x === 'object' && typeof y === 'object';
          return nested ? fields(x as object, y as object, `${prefix}${key}.`) : [`${prefix}${key}`];
        });
      return fields(entity, found, `${list}[${entity.id}].`);
    })
  );
}

describe('opensloExportReport', () => {
  test('names what OpenSLO cannot hold, in the form of the import report', () => {
    const doc = baseRegistry();
    doc.slos[0].groupBy = ['route'];
    doc.slos[0].alerting.minEvents = 10;
    const report = opensloExportReport(doc);
    expect(report).toEqual(
      expect.arrayContaining([
        { outcome: 'dropped', source: 'people[ana]', reason: 'OpenSLO has no people' },
        { outcome: 'dropped', source: 'services[checkout].owners', reason: 'OpenSLO has no owners' },
        {
          outcome: 'dropped',
          source: 'slos[checkout-ratio].groupBy',
          reason:
            'OpenSLO SLOs have no per-label grouping: other tools measure the SLO as one; the labels are kept in the annotation business-owner/group-by',
        },
        {
          outcome: 'dropped',
          source: 'slos[checkout-ratio].alerting.minEvents',
          reason: 'OpenSLO burn-rate conditions have no minimum event count',
        },
        {
          outcome: 'dropped',
          source: 'slos[checkout-ratio].budgetPolicy',
          reason: 'OpenSLO has no error-budget policy',
        },
      ])
    );
    expect(
      report.filter((entry) => entry.source.startsWith('slos[checkout-latency]')).map((entry) => entry.source)
    ).toEqual([
      'slos[checkout-latency].budgetPolicy',
      'slos[checkout-latency].sli.buckets',
      'slos[checkout-latency].alerting.pageLabels',
      'slos[checkout-latency].alerting.ticketLabels',
      'slos[checkout-latency].alerting.annotations',
    ]);
  });

  test('a round trip through OpenSLO loses nothing the report does not name', () => {
    const doc = baseRegistry();
    doc.slos[0].groupBy = ['route'];
    doc.slos[1].alerting = {
      ...doc.slos[1].alerting,
      name: 'CheckoutLatency',
      minEvents: 5,
      runbookUrl: 'https://x.example.com',
    };
    doc.slos[2].window = 'calendar-month';
    doc.slos[3].window = 'calendar-quarter';
    doc.slos[3].timeZone = 'America/New_York';
    const { doc: imported } = importOpenSlo([{ text: exportOpenSlo(doc) }]);
    // calendar windows and their time zone go through unchanged
    expect(imported!.slos.find((slo) => slo.id === doc.slos[3].id)).toMatchObject({
      window: 'calendar-quarter',
      timeZone: 'America/New_York',
    });
    const named = opensloExportReport(doc).map((entry) => entry.source);
    const lost = differences(doc, imported!).filter(
      (path) => !named.some((source) => path === source || path.startsWith(`${source}.`))
    );
    expect(lost).toEqual([]);
    // The test can fail: without the report, the round trip loses these.
    expect(differences(doc, imported!)).toEqual(
      expect.arrayContaining(['slos[checkout-ratio].groupBy', 'people[ana]'])
    );
  });
});
