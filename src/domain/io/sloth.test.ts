import { join } from 'path';

import { readFixture } from '../testing/golden';
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
          preset: 'google-30d',
          pageLabels: { category: 'availability', severity: 'critical' },
          ticketLabels: { category: 'availability', severity: 'warning' },
          annotations: { runbook: 'https://wiki.example.com/runbooks/checkout' },
          runbookUrl: 'https://wiki.example.com/runbooks/checkout',
          disabledTiers: ['ticket-fast', 'ticket-slow'],
        },
      }),
    ]);
    expect(problems).toEqual([
      {
        path: 'slos[0].alerting.name',
        line: 15,
        file: 'checkout.yaml',
        severity: 'warning',
        message: expect.stringContaining('not mapped: alerting.name'),
      },
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

  test('reads the PrometheusServiceLevel resource of the Sloth operator', () => {
    const text = `apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\nmetadata:\n  name: checkout\nspec:\n  service: checkout\n  slos:\n    - name: availability\n      objective: 99.9\n      sli:\n        raw:\n          error_ratio_query: sum(rate(e[{{.window}}])) / sum(rate(t[{{.window}}]))\n`;
    const { doc } = importSloth([{ text }]);
    expect(doc?.slos.map((s) => s.id)).toEqual(['checkout-availability']);
  });
});
