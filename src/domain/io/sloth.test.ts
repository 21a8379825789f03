import { join } from 'path';

import { expectGolden, readFixture } from '../testing/golden';
import { formatReportEntry } from './migrationReport';
import { importSloth } from './sloth';

const fixture = (name: string) => ({ text: readFixture(join(__dirname, '__fixtures__', 'sloth', name)), file: name });
const errors = (problems: Array<{ severity?: string }>) => problems.filter((problem) => problem.severity !== 'warning');

describe('importSloth', () => {
  test('maps sum(rate()) events to a ratio SLI and alerting to labels, annotations and disabled tiers', () => {
    const { doc, problems } = importSloth([fixture('checkout.yaml')]);
    expect(errors(problems)).toEqual([]);
    expect(doc?.services).toEqual([
      expect.objectContaining({
        id: 'checkout',
        links: [{ type: 'runbook', title: 'checkout runbook', url: 'https://wiki.example.com/runbooks/checkout' }],
      }),
    ]);
    expect(doc?.slos).toEqual([
      expect.objectContaining({
        id: 'checkout-availability',
        serviceId: 'checkout',
        name: 'availability',
        objective: 99.9,
        window: '30d',
        labels: { owner: 'checkout-team', tier: '1' },
        sli: {
          kind: 'ratio',
          bad: 'http_requests_total{service="checkout",code=~"5.."}',
          total: 'http_requests_total{service="checkout"}',
        },
        alerting: {
          enabled: true,
          name: 'CheckoutHighErrorRate',
          preset: 'google-30d',
          pageLabels: { category: 'availability', severity: 'critical' },
          ticketLabels: { category: 'availability', severity: 'warning' },
          annotations: { runbook: 'https://wiki.example.com/runbooks/checkout' },
          runbookUrl: 'https://wiki.example.com/runbooks/checkout',
          disabledTiers: ['ticket-fast', 'ticket-slow'],
        },
      }),
    ]);
    // Tier 1 needs a business owner, which Sloth cannot name: the registry saved into must.
    expect(problems).toEqual([
      {
        path: 'services[0].owners.businessOwner',
        line: 2,
        file: 'checkout.yaml',
        severity: 'warning',
        message: expect.stringContaining('the import names none, so the registry it is saved into must'),
      },
    ]);
  });

  test("turns on Sloth's series, which Sloth dashboards and alert routes read", () => {
    const { doc } = importSloth([fixture('checkout.yaml')]);
    expect(doc?.settings).toEqual({ slothSeries: true });
  });

  test('maps the labels tier and owner onto the service, and keeps them as labels', () => {
    const { doc, report } = importSloth([fixture('checkout.yaml')]);
    expect(doc?.services[0]).toMatchObject({ tier: 1, onCall: { team: 'checkout-team' } });
    expect(doc?.slos[0].labels).toEqual({ owner: 'checkout-team', tier: '1' });
    expect(report?.filter((entry) => entry.source.startsWith('labels.'))).toEqual([
      expect.objectContaining({ outcome: 'mapped', source: 'labels.owner', target: 'services[checkout].onCall.team' }),
      expect.objectContaining({ outcome: 'label', target: 'slos[checkout-availability].labels.owner' }),
      expect.objectContaining({ outcome: 'mapped', source: 'labels.tier', target: 'services[checkout].tier', line: 5 }),
      expect.objectContaining({ outcome: 'label', target: 'slos[checkout-availability].labels.tier' }),
    ]);
  });

  test('reports where every field of a spec went', () => {
    const { report } = importSloth([fixture('checkout.yaml')]);
    // Regenerate on purpose only: UPDATE_GOLDEN=1 npx jest src/domain/io/sloth.test.ts
    expectGolden(
      join(__dirname, '__golden__', 'sloth-checkout-report.txt'),
      `${report?.map(formatReportEntry).join('\n')}\n`
    );
  });

  const twoSlos = (first: string, second: string) =>
    `version: prometheus/v1\nservice: checkout\nslos:\n${[first, second]
      .map(
        (labels, index) =>
          `  - name: slo${index}\n    objective: 99\n    labels: {${labels}}\n    sli:\n      raw:\n        error_ratio_query: 1 - avg_over_time(up[{{.window}}])\n`
      )
      .join('')}`;

  test.each([
    [
      'a tier that is no tier',
      'tier: gold',
      'team: a',
      'slos[0].labels.tier',
      'label tier "gold" is not a tier from 1 to 4',
    ],
    [
      'a second tier',
      'tier: 3',
      'tier: 4',
      'slos[1].labels.tier',
      'label tier "4" differs from tier 3, which service checkout took from SLO checkout-slo0',
    ],
    [
      'a second team',
      'team: a',
      'team: b',
      'slos[1].labels.team',
      'label team "b" differs from team a, which service checkout took from SLO checkout-slo0',
    ],
    ['business_owner', 'team: a', 'business_owner: ana', 'slos[1].labels.business_owner', 'is set by the rules'],
    ['a sloth_ label', 'sloth_slo: x', 'team: a', 'slos[0].labels.sloth_slo', 'is set by the generated rules'],
  ])(
    'drops %s with a warning instead of leaving a label the rules would contradict',
    (_name, first, second, path, message) => {
      const { doc, problems, report } = importSloth([{ text: twoSlos(first, second), file: 'sloth.yaml' }]);
      const [, name] = /\.labels\.(.+)$/.exec(path)!;
      const index = Number(/slos\[(\d)\]/.exec(path)![1]);
      expect(doc?.slos[index].labels[name]).toBeUndefined();
      expect(problems).toContainEqual(
        expect.objectContaining({ path, severity: 'warning', message: expect.stringContaining(message) })
      );
      expect(report).toContainEqual(expect.objectContaining({ outcome: 'dropped', source: path }));
    }
  );

  test('a second SLO with the same tier and team keeps both labels', () => {
    const { doc, problems } = importSloth([
      { text: twoSlos('tier: 3, team: a', 'tier: 3, owner: a'), file: 'sloth.yaml' },
    ]);
    expect(problems).toEqual([]);
    expect(doc?.services[0]).toMatchObject({ tier: 3, onCall: { team: 'a' } });
    expect(doc?.slos.map((slo) => slo.labels)).toEqual([
      { tier: '3', team: 'a' },
      { tier: '3', owner: 'a' },
    ]);
  });

  test("imports Sloth's raw example as a freeform SLI with its alert name", () => {
    const { doc, problems, report } = importSloth([fixture('raw-home-wifi.yml')]);
    expect(problems).toEqual([]);
    expect(doc?.slos).toEqual([
      expect.objectContaining({
        id: 'home-wifi-wifi-client-satisfaction',
        objective: 95,
        labels: { cluster: 'valhalla', component: 'ubiquiti', context: 'home' },
        sli: {
          kind: 'freeform',
          errorRatio:
            '1 - (\n  sum(sum_over_time(unifipoller_client_satisfaction_ratio[{{window}}]))\n  /\n  sum(count_over_time(unifipoller_client_satisfaction_ratio[{{window}}]))\n)\n',
        },
        alerting: expect.objectContaining({ name: 'WifiClientSatisfaction' }),
      }),
    ]);
    expect(report).toContainEqual(
      expect.objectContaining({
        source: 'slos[0].sli.raw.errorRatioQuery',
        target: 'slos[home-wifi-wifi-client-satisfaction].sli.errorRatio',
      })
    );
  });

  test("merges the documents of a YAML stream, Sloth's multifile example, naming the document in problems", () => {
    const { doc, problems } = importSloth([fixture('multifile.yml')]);
    expect(doc?.services.map((service) => [service.id, service.tier, service.onCall?.team])).toEqual([
      ['myservice', 2, 'myteam'],
      ['myservice2', 1, 'myteam2'],
    ]);
    expect(doc?.slos.map((slo) => slo.id)).toEqual([
      'myservice-requests-availability',
      'myservice2-requests-availability',
    ]);
    expect(problems.map((problem) => [problem.file, problem.line, problem.document, problem.path])).toEqual([
      ['multifile.yml', 5, 1, 'services[0].owners.businessOwner'],
      ['multifile.yml', 37, 2, 'services[1].owners.businessOwner'],
    ]);
  });

  test('merges SLOs of the same service from several files and keeps other queries freeform', () => {
    const { doc, problems } = importSloth([
      fixture('checkout.yaml'),
      fixture('checkout-latency.yaml'),
      fixture('payments.yaml'),
    ]);
    expect(errors(problems)).toEqual([]);
    expect(doc?.services.map((service) => service.id)).toEqual(['checkout', 'payments']);
    expect(doc?.slos.map((slo) => [slo.id, slo.sli.kind])).toEqual([
      ['checkout-availability', 'ratio'],
      ['checkout-latency', 'freeform'],
      ['payments-authorizations', 'freeform'],
    ]);
    expect(doc?.slos[1].sli).toEqual({
      kind: 'freeform',
      errorRatio: expect.stringContaining('le="0.5"}[{{window}}]))'),
    });
    expect(doc?.slos[2].sli).toEqual({
      kind: 'freeform',
      errorRatio:
        '(sum(rate(payments_authorizations_total{result="error"}[{{window}}])) - sum(rate(payments_retries_total[{{window}}])))\n/\n(sum(rate(payments_authorizations_total[{{window}}])))',
    });
    expect(doc?.slos[2].alerting.disabledTiers).toEqual(['page-fast', 'page-slow']);
  });

  const slo = (body: string) => `version: prometheus/v1\nservice: checkout\nslos:\n  - name: availability\n${body}`;
  const events =
    '    sli:\n      events:\n        error_query: sum(rate(errors_total[{{.window}}]))\n        total_query: sum(rate(requests_total[{{.window}}]))\n';

  test.each([
    ['malformed YAML', 'version: prometheus/v1\nservice: [checkout\nslos: []\n', '', 3, 'YAML syntax error'],
    [
      'an unknown version',
      'version: prometheus/v2\nservice: checkout\nslos: []\n',
      'version',
      1,
      'not a Sloth spec: expected version "prometheus/v1"',
    ],
    ['a missing service', 'version: prometheus/v1\nslos: []\n', 'service', 1, 'service is required'],
    [
      'objective 100.5',
      slo(`    objective: 100.5\n${events}`),
      'slos[0].objective',
      5,
      'strictly between 0 and 100, e.g. 99.9, got 100.5',
    ],
    [
      'invalid PromQL',
      slo(
        `    objective: 99\n    sli:\n      raw:\n        error_ratio_query: sum(rate(errors_total[{{.window}}]) /\n`
      ),
      'slos[0].sli.errorRatio',
      6,
      'errorRatio is not valid PromQL',
    ],
    [
      'a javascript: runbook',
      slo(`    objective: 99\n${events}    alerting:\n      annotations:\n        runbook: javascript:alert(1)\n`),
      'services[0].links[0].url',
      2,
      '"javascript:" URLs are refused',
    ],
    [
      'an SLI plugin',
      slo(`    objective: 99\n    sli:\n      plugin:\n        id: sloth-common/availability\n`),
      'slos[0].sli',
      6,
      'SLI plugins cannot be imported',
    ],
  ])('reports %s', (_name, text, path, line, message) => {
    const { doc, problems } = importSloth([{ text, file: 'sloth.yaml' }]);
    expect(doc).toBeUndefined();
    expect(errors(problems)[0]).toEqual({ path, line, file: 'sloth.yaml', message: expect.stringContaining(message) });
  });

  test('reports an SLO defined in two files', () => {
    const { doc, problems } = importSloth([fixture('checkout.yaml'), fixture('checkout.yaml')]);
    expect(doc).toBeUndefined();
    expect(errors(problems)).toEqual([
      {
        path: 'slos[0].name',
        line: 7,
        file: 'checkout.yaml',
        message:
          'SLO "checkout-availability" is already defined in checkout.yaml; SLO names must be unique per service',
      },
    ]);
  });

  test('reads the PrometheusServiceLevel resource of the Sloth operator, spelled in camelCase', () => {
    const text = [
      'apiVersion: sloth.slok.dev/v1',
      'kind: PrometheusServiceLevel',
      'metadata:',
      '  name: checkout',
      'spec:',
      '  service: checkout',
      '  slos:',
      '    - name: availability',
      '      objective: 99.9',
      '      sli:',
      '        events:',
      '          errorQuery: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
      '          totalQuery: sum(rate(http_requests_total[{{.window}}]))',
      '      alerting:',
      '        name: CheckoutErrors',
      '        pageAlert:',
      '          labels: { severity: critical }',
      '        ticketAlert:',
      '          disable: true',
      '',
    ].join('\n');
    const { doc, problems } = importSloth([{ text }]);
    expect(problems).toEqual([]);
    expect(doc?.slos[0]).toMatchObject({
      id: 'checkout-availability',
      sli: { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' },
      alerting: {
        name: 'CheckoutErrors',
        pageLabels: { severity: 'critical' },
        disabledTiers: ['ticket-fast', 'ticket-slow'],
      },
    });
  });
});
