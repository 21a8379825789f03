import { readdirSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';

import { BurnWindow } from '../model';
import { Problem } from '../problems';
import { readFixture } from '../testing/golden';
import { droppedEntries, formatReportEntry } from './migrationReport';
import { importPyrra } from './pyrra';

const dir = join(__dirname, '__fixtures__', 'pyrra');
const fixture = (name: string) => ({ text: readFixture(join(dir, name)), file: name });
const errors = (problems: Problem[]) => problems.filter((problem) => problem.severity !== 'warning');
const warnings = (problems: Problem[]) =>
  problems.filter((problem) => problem.severity === 'warning').map(({ path, line, message }) => [path, line, message]);

const HOLD_28D =
  "Pyrra holds its burn-rate alerts for 2m, 15m, 1h, 3h (fast to long-term burn) before they fire and labels them with their short, long and exhaustion; the app's fire as soon as both windows burn and carry burn_tier instead";
const ABSENT =
  "not mapped: Pyrra's SLOMetricAbsent alert on a missing metric has no equivalent in the app; set spec.alerting.absent: false to acknowledge";

/** Pyrra's tiers at its reference window, 28d (slo/rules.go `Windows`). */
const windows = (pageTiers = 2): BurnWindow[] =>
  [
    { tier: 'fast-burn', factor: 14, long: '1h', short: '5m' },
    { tier: 'medium-burn', factor: 7, long: '6h', short: '30m' },
    { tier: 'slow-burn', factor: 2, long: '1d', short: '2h' },
    { tier: 'long-term-burn', factor: 1, long: '4d', short: '6h' },
  ].map((window, index) => ({ ...window, severity: index < pageTiers ? 'page' : 'ticket' }));

describe('importPyrra', () => {
  test('maps ratio and latency SLOs, their labels, team, alert name, severities and runbook', () => {
    const { doc, problems } = importPyrra([fixture('checkout.yaml')]);
    expect(errors(problems)).toEqual([]);
    expect(doc?.services.map(({ id, tier, onCall }) => ({ id, tier, onCall }))).toEqual([
      { id: 'checkout', tier: 3, onCall: { team: 'checkout-sre' } },
    ]);
    expect(doc?.slos).toEqual([
      {
        id: 'checkout-api-errors',
        serviceId: 'checkout',
        name: 'api-errors',
        description: 'Checkout API requests that do not fail with a 5xx.',
        objective: 99.5,
        window: '28d',
        groupBy: ['handler'],
        sli: {
          kind: 'ratio',
          bad: 'http_requests_total{job="checkout",code=~"5.."}',
          total: 'http_requests_total{job="checkout"}',
        },
        // What Pyrra puts on its rules: slo, pyrra.dev/ labels, equality matchers of the total.
        labels: { slo: 'api-errors', service: 'checkout', team: 'checkout-sre', owner: 'ana', job: 'checkout' },
        alerting: {
          enabled: true,
          name: 'CheckoutErrorBudgetBurn',
          preset: 'custom',
          windows: windows(),
          pageLabels: { severity: 'critical' },
          ticketLabels: { severity: 'warning' },
          annotations: { runbook_url: 'https://wiki.example.com/runbooks/checkout-errors' },
          runbookUrl: 'https://wiki.example.com/runbooks/checkout-errors',
        },
      },
      {
        id: 'checkout-cart-latency',
        serviceId: 'checkout',
        name: 'cart-latency',
        objective: 99,
        window: '28d',
        sli: {
          kind: 'latency',
          histogram: 'http_request_duration_seconds_bucket{job="checkout", handler="/api/cart"}',
          threshold: 0.3,
        },
        labels: {
          slo: 'cart-latency',
          service: 'checkout',
          team: 'checkout-sre',
          job: 'checkout',
          handler: '/api/cart',
        },
        alerting: {
          enabled: true,
          // Pyrra's default alert name, so that routes keyed on it still match.
          name: 'ErrorBudgetBurn',
          preset: 'custom',
          windows: windows(),
          pageLabels: { severity: 'page' },
          ticketLabels: { severity: 'ticket' },
        },
      },
    ]);
    expect(warnings(problems)).toEqual([
      ['spec.alerting', 27, HOLD_28D],
      ['spec.alerting', 48, HOLD_28D],
      ['spec.alerting.absent', 48, ABSENT],
    ]);
  });

  test("imports a latency SLO over two series sets, and latencyNative, as Pyrra's own error ratios", () => {
    const { doc, problems } = importPyrra([fixture('search.yaml')]);
    expect(errors(problems)).toEqual([]);
    expect(doc?.slos.map(({ id, sli, groupBy, labels, window }) => ({ id, sli, groupBy, labels, window }))).toEqual([
      {
        id: 'search-query-latency',
        window: '30d',
        groupBy: undefined,
        labels: { slo: 'query-latency', job: 'search' },
        sli: {
          kind: 'freeform',
          errorRatio:
            '(sum(rate(search_query_duration_seconds_count{job="search"}[{{window}}])) - sum(rate(search_query_duration_seconds_bucket{job="search",code!~"5..",le="1"}[{{window}}]))) / sum(rate(search_query_duration_seconds_count{job="search"}[{{window}}]))',
        },
      },
      {
        id: 'search-rpc-latency',
        window: '14d',
        groupBy: ['grpc_service', 'grpc_method'],
        labels: { slo: 'rpc-latency', job: 'search', grpc_code: 'OK' },
        sli: {
          kind: 'freeform',
          errorRatio:
            '1 - histogram_fraction(0, 0.25, sum by (grpc_service, grpc_method) (rate(grpc_server_handling_seconds{job="search",grpc_code="OK"}[{{window}}])))',
        },
      },
    ]);
    expect(problems[0]).toEqual(
      expect.objectContaining({
        path: 'spec.indicator.latency',
        line: 11,
        message:
          "success and total have different matchers: the SLI is Pyrra's error ratio (total - success) / total, as a freeform SLI",
      })
    );
  });

  test('imports bool_gauge as the share of samples that are not 1; team and tier labels set the service', () => {
    const { doc, problems } = importPyrra([fixture('probes.yaml')]);
    expect(errors(problems)).toEqual([]);
    expect(doc?.services.map(({ id, tier, onCall }) => ({ id, tier, onCall }))).toEqual([
      { id: 'status-page', tier: 2, onCall: { team: 'web-platform' } },
    ]);
    const gauge = 'probe_success{job="blackbox",module="http_2xx"}[{{window}}]';
    expect(doc?.slos[0]).toEqual({
      id: 'status-page-probe-success',
      serviceId: 'status-page',
      name: 'probe-success',
      objective: 99,
      window: '7d',
      groupBy: ['instance'],
      sli: {
        kind: 'freeform',
        errorRatio: `(sum by (instance) (count_over_time(${gauge})) - sum by (instance) (sum_over_time(${gauge}))) / sum by (instance) (count_over_time(${gauge}))`,
      },
      labels: { slo: 'probe-success', job: 'blackbox', module: 'http_2xx', team: 'web-platform', tier: '2' },
      alerting: {
        enabled: false,
        name: 'ErrorBudgetBurn',
        preset: 'custom',
        windows: [
          { tier: 'fast-burn', severity: 'page', factor: 14, long: '15m', short: '1m' },
          { tier: 'medium-burn', severity: 'page', factor: 7, long: '1h30m', short: '8m' },
          { tier: 'slow-burn', severity: 'ticket', factor: 2, long: '6h', short: '30m' },
          { tier: 'long-term-burn', severity: 'ticket', factor: 1, long: '1d', short: '1h30m' },
        ],
        pageLabels: { severity: 'critical' },
        ticketLabels: { severity: 'warning' },
      },
    });
    // Disabled alerts hold nothing back; a tier 2 service needs a business owner the import cannot name.
    expect(warnings(problems)).toEqual([['services[0].owners.businessOwner', 7, expect.stringContaining('tier 2')]]);
  });

  test("reads kubectl's lists, leaving out the status and Kubernetes' own metadata", () => {
    const { doc, problems } = importPyrra([fixture('list.yaml')]);
    expect(doc?.slos.map(({ id, objective, window, labels }) => ({ id, objective, window, labels }))).toEqual([
      {
        id: 'payments-authorizations',
        objective: 99.95,
        window: '28d',
        labels: { slo: 'authorizations', team: 'payments' },
      },
    ]);
    expect(doc?.services[0].onCall).toEqual({ team: 'payments' });
    expect(warnings(problems)).toEqual([
      [
        'items[0].spec.performanceOverAccuracy',
        27,
        expect.stringContaining('spec.performanceOverAccuracy has no place in the registry and is left out'),
      ],
      ['items[0].spec.alerting', 18, HOLD_28D],
      ['items[0].spec.alerting.absent', 18, ABSENT],
    ]);
  });

  test.each([
    ['7d', ['15m', '1m'], ['1h30m', '8m'], ['6h', '30m'], ['1d', '1h30m']],
    ['2w', ['30m', '3m'], ['3h', '15m'], ['12h', '1h'], ['2d', '3h']],
    ['4w', ['1h', '5m'], ['6h', '30m'], ['1d', '2h'], ['4d', '6h']],
    ['30d', ['1h4m', '5m'], ['6h26m', '32m'], ['1d1h43m', '2h9m'], ['4d6h51m', '6h26m']],
    ['90d', ['3h13m', '16m'], ['19h17m', '1h36m'], ['3d5h9m', '6h26m'], ['1w5d20h34m', '19h17m']],
  ])("scales Pyrra's burn-rate windows to a %s SLO window as Pyrra rounds them", (window, ...tiers) => {
    const text = `apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: errors\n  namespace: shop\nspec:\n  target: '99'\n  window: ${window}\n  indicator:\n    ratio:\n      errors:\n        metric: errors_total\n      total:\n        metric: requests_total\n`;
    const { doc } = importPyrra([{ text }]);
    expect(doc?.slos[0].alerting.windows?.map(({ long, short }) => [long, short])).toEqual(tiers);
  });

  test("imports Pyrra's own examples", () => {
    const files = readdirSync(join(dir, 'upstream'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => fixture(join('upstream', name)));
    const { doc, problems } = importPyrra(files);
    expect(errors(problems)).toEqual([]);
    expect(doc?.services.map((service) => service.id)).toEqual(['default', 'monitoring']);
    expect(doc?.slos.map((slo) => [slo.id, slo.sli.kind, slo.window, slo.objective])).toEqual([
      ['default-caddy-response-latency', 'latency', '28d', 90],
      ['monitoring-nginx-api-errors', 'ratio', '28d', 99.9],
      ['monitoring-nginx-api-latency', 'freeform', '28d', 90],
      ['default-prometheus-blackbox-probe-success', 'freeform', '7d', 99],
      ['monitoring-pyrra-connect-latency', 'freeform', '14d', 99],
      ['monitoring-prometheus-query-errors', 'ratio', '14d', 99],
    ]);
    expect(doc?.slos[0].sli).toEqual({
      kind: 'latency',
      histogram: 'caddy_http_response_duration_seconds_bucket{job="caddy", handler="subroute", code!~"5.."}',
      threshold: 0.05,
    });
    // Pyrra labels its rules with the equality matchers of the total only (not code!~"5..").
    expect(doc?.slos[0].labels).toEqual({ slo: 'caddy-response-latency', job: 'caddy', handler: 'subroute' });
    expect(doc?.slos[5]).toEqual(
      expect.objectContaining({
        groupBy: ['handler'],
        labels: { slo: 'prometheus-query-errors', job: 'prometheus-k8s' },
      })
    );
  });

  test('says in the migration report where each field went, and what was dropped', () => {
    const { report = [] } = importPyrra([fixture('checkout.yaml')]);
    const lines = report.map(formatReportEntry);
    expect(lines).toEqual(
      expect.arrayContaining([
        'mapped: checkout.yaml:16: spec.target → slos[checkout-api-errors].objective (document 1)',
        'mapped: checkout.yaml:22: spec.indicator.ratio.errors.metric → slos[checkout-api-errors].sli.bad (document 1)',
        'mapped: checkout.yaml:25: spec.indicator.ratio.grouping → slos[checkout-api-errors].groupBy (document 1)',
        'mapped: checkout.yaml:28: spec.alerting.name → slos[checkout-api-errors].alerting.name (document 1)',
        'mapped: checkout.yaml:11: metadata.labels.pyrra.dev/team → services[checkout].onCall.team (document 1)',
        'label: checkout.yaml:12: metadata.labels.pyrra.dev/owner → slos[checkout-api-errors].labels.owner (document 1)',
        'label: checkout.yaml:24: spec.indicator.ratio.total.metric → slos[checkout-api-errors].labels.job (document 1)',
        'mapped: checkout.yaml:45: spec.indicator.latency.success.metric → slos[checkout-cart-latency].sli.threshold: the le bound (document 2)',
        'label: checkout.yaml:52: spec.alerting.severities.slowBurn → slos[checkout-cart-latency].alerting.ticketLabels.severity (document 2)',
      ])
    );
    expect(droppedEntries(report).map(formatReportEntry)).toEqual([
      "dropped: checkout.yaml:48: spec.alerting.absent: Pyrra's SLOMetricAbsent alert on a missing metric has no equivalent in the app; set spec.alerting.absent: false to acknowledge (document 2)",
    ]);
  });

  const slo = (spec: string, metadata = '  name: errors\n  namespace: shop\n') =>
    `apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n${metadata}spec:\n${spec}`;
  const ratio =
    '  indicator:\n    ratio:\n      errors:\n        metric: errors_total\n      total:\n        metric: requests_total\n';
  const spec = (target = "'99'", window = '28d', indicator = ratio) =>
    `  target: ${target}\n  window: ${window}\n${indicator}`;

  test.each([
    ['malformed YAML', 'apiVersion: pyrra.dev/v1alpha1\nkind: [x\n', '', 3, 'YAML syntax error'],
    ['a list', '- a\n- b\n', '', 1, 'kind ServiceLevelObjective, found a list'],
    ['a scalar', 'hello\n', '', 1, 'kind ServiceLevelObjective, found "hello"'],
    ['another kind', 'apiVersion: apps/v1\nkind: Deployment\n', 'apiVersion', 1, 'found "apps/v1" "Deployment"'],
    [
      'a missing spec',
      'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: errors\n',
      'spec',
      1,
      'spec is required',
    ],
    ['a missing name', slo(spec(), '  namespace: shop\n'), 'metadata.name', 3, 'metadata.name is required'],
    ['no indicator', slo("  target: '99'\n  window: 28d\n"), 'spec.indicator', 6, 'none is set'],
    [
      'two indicators',
      slo(spec("'99'", '28d', `${ratio}    bool_gauge:\n      metric: up\n`)),
      'spec.indicator.bool_gauge',
      15,
      'needs one of ratio, latency, latencyNative or bool_gauge; found ratio and bool_gauge',
    ],
    ['a target that is no number', slo(spec("'abc'")), 'spec.target', 7, 'percentage such as "99.5", got "abc"'],
    ['target 100', slo(spec("'100'")), 'slos[0].objective', 7, 'strictly between 0 and 100, e.g. 99.9, got 100'],
    ['a target list', slo(spec('[99]')), 'spec.target', 7, 'spec.target must be text, got a list'],
    ['a window in hours', slo(spec("'99'", '12h')), 'spec.window', 8, 'the app supports whole days from 1d to 365d'],
    ['a window over a year', slo(spec("'99'", '400d')), 'spec.window', 8, 'the app supports whole days'],
    ['a 2d window', slo(spec("'99'", '2d')), 'spec.window', 8, 'rounds to 0s below 3d'],
    [
      'a function as metric',
      slo(spec("'99'", '28d', ratio.replace('metric: errors_total', 'metric: rate(errors_total[5m])'))),
      'spec.indicator.ratio.errors.metric',
      12,
      'must be a series selector such as http_requests_total{job="api"}, as Pyrra requires',
    ],
    [
      'a missing metric',
      slo(spec("'99'", '28d', ratio.replace('        metric: errors_total', '        query: x'))),
      'spec.indicator.ratio.errors.metric',
      11,
      'spec.indicator.ratio.errors.metric is required',
    ],
    [
      'grouping that is no list',
      slo(spec("'99'", '28d', `${ratio}      grouping: handler\n`)),
      'spec.indicator.ratio.grouping',
      15,
      'must be a list of label names',
    ],
    [
      'grouping by no label name',
      slo(spec("'99'", '28d', `${ratio}      grouping: [a-b]\n`)),
      'slos[0].groupBy[0]',
      9,
      'groupBy entries must be label names',
    ],
    [
      'a latency that is no duration',
      slo(
        spec(
          "'99'",
          '28d',
          '  indicator:\n    latencyNative:\n      latency: fast\n      total:\n        metric: rpc_seconds\n'
        )
      ),
      'spec.indicator.latencyNative.latency',
      11,
      'must be a duration such as 200ms or 1s, got "fast"',
    ],
    [
      'alerting that is no object',
      slo(`${spec()}  alerting: yes\n`),
      'spec.alerting',
      15,
      'must be an object, got "yes"',
    ],
    [
      'disabled that is no boolean',
      slo(`${spec()}  alerting:\n    disabled: 'no'\n`),
      'spec.alerting.disabled',
      16,
      'spec.alerting.disabled must be true or false, got "no"',
    ],
    [
      'a javascript: runbook',
      slo(
        spec(),
        '  name: errors\n  namespace: shop\n  annotations:\n    pyrra.dev/runbook_url: javascript:alert(1)\n'
      ),
      'slos[0].alerting.runbookUrl',
      6,
      '"javascript:" URLs are refused',
    ],
    [
      'a propagated label that Prometheus refuses',
      slo(spec(), '  name: errors\n  namespace: shop\n  labels:\n    pyrra.dev/on-call: ana\n'),
      'slos[0].labels.on-call',
      6,
      'label name "on-call" must start with a letter',
    ],
  ])('reports %s', (_name, text, path, line, message) => {
    const { doc, problems } = importPyrra([{ text, file: 'slo.yaml' }]);
    expect(doc).toBeUndefined();
    expect(errors(problems)[0]).toEqual(
      expect.objectContaining({ path, line, file: 'slo.yaml', message: expect.stringContaining(message) })
    );
  });

  test('reports an SLO defined twice', () => {
    const { doc, problems } = importPyrra([fixture('list.yaml'), fixture('list.yaml')]);
    expect(doc).toBeUndefined();
    expect(errors(problems)).toEqual([
      {
        path: 'items[0].metadata.name',
        line: 10,
        file: 'list.yaml',
        message: 'SLO "payments-authorizations" is already defined in list.yaml; SLO names must be unique per service',
      },
    ]);
  });

  test.each([
    [
      'the boolGauge spelling',
      slo(spec("'99'", '28d', '  indicator:\n    boolGauge:\n      metric: up\n')),
      'spec.indicator.boolGauge',
      'Pyrra reads this indicator only as bool_gauge (Kubernetes drops boolGauge); imported as bool_gauge',
    ],
    [
      'a third severity',
      slo(`${spec()}  alerting:\n    severities:\n      mediumBurn: high\n`),
      'spec.alerting.severities.slowBurn',
      'severity "warning" is a third severity; the app gives every ticket tier one severity label, "high"',
    ],
    [
      'the name of the absent alert',
      slo(`${spec()}  alerting:\n    absentName: CheckoutMetricsMissing\n`),
      'spec.alerting.absentName',
      'not mapped: spec.alerting.absentName names the absent alert, which the app does not have',
    ],
    [
      'a missing namespace',
      slo(spec(), '  name: errors\n'),
      'metadata',
      'no pyrra.dev/service, service, app label and no namespace: the SLO goes to service "default"',
    ],
  ])('warns about %s', (_name, text, path, message) => {
    const { doc, problems } = importPyrra([{ text }]);
    expect(doc?.slos).toHaveLength(1);
    expect(problems).toContainEqual(
      expect.objectContaining({ path, severity: 'warning', message: expect.stringContaining(message) })
    );
  });

  const base = () => ({
    apiVersion: 'pyrra.dev/v1alpha1',
    kind: 'ServiceLevelObjective',
    metadata: { name: 'errors', namespace: 'shop', labels: { 'pyrra.dev/team': 'a' }, annotations: {} },
    spec: {
      target: '99',
      window: '28d',
      indicator: { ratio: { errors: { metric: 'e_total' }, total: { metric: 't_total' }, grouping: ['a'] } },
      alerting: { name: 'A', absent: false, severities: { fastBurn: 'critical' } },
    },
  });
  const paths = [
    'metadata',
    'metadata.name',
    'metadata.labels',
    'metadata.annotations',
    'spec',
    'spec.target',
    'spec.window',
    'spec.indicator',
    'spec.indicator.ratio',
    'spec.indicator.ratio.errors',
    'spec.indicator.ratio.errors.metric',
    'spec.indicator.ratio.grouping',
    'spec.alerting',
    'spec.alerting.severities',
    'spec.alerting.severities.fastBurn',
    'spec.alerting.absent',
  ];
  test.each(paths)('never throws on a wrong type at %s, and refuses or imports', (path) => {
    for (const value of [null, 0, 'x', true, [], [1], {}]) {
      const data: Record<string, unknown> = base();
      const keys = path.split('.');
      const parent = keys.slice(0, -1).reduce((obj, key) => obj[key] as Record<string, unknown>, data);
      parent[keys[keys.length - 1]] = value;
      const { doc, problems } = importPyrra([{ text: stringify(data) }]);
      expect(doc !== undefined || errors(problems).length > 0).toBe(true);
    }
  });
});
