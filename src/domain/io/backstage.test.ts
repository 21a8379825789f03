import { join } from 'path';

import { readFixture } from '../testing/golden';
import { importBackstage } from './backstage';

const file = 'catalog-info.yaml';
const fixture = () => readFixture(join(__dirname, '__fixtures__', 'backstage', file));

describe('importBackstage', () => {
  test('maps components to services and users to people', () => {
    const { doc, problems } = importBackstage([{ text: fixture(), file }], {
      grafanaUrl: 'https://grafana.example.com/',
    });
    expect(problems.filter((problem) => problem.severity !== 'warning')).toEqual([]);
    expect(doc?.people).toEqual([{ id: 'ana', name: 'Ana Lima', email: 'ana@example.com', team: 'checkout-team' }]);
    expect(doc?.services[0]).toEqual(
      expect.objectContaining({
        id: 'checkout',
        name: 'Checkout',
        description: 'Takes the order and the payment.',
        lifecycle: 'production',
        onCall: { team: 'checkout-team', scheduleUrl: 'https://app.pagerduty.com/service-directory/PX1234' },
        dependsOn: ['payments'],
        links: [
          { type: 'runbook', title: 'Checkout runbook', url: 'https://wiki.example.com/runbooks/checkout' },
          { type: 'repo', title: 'Source', url: 'https://github.com/example/checkout' },
          { type: 'dashboard', title: 'Overview dashboard', url: 'https://grafana.example.com/d/checkout' },
          {
            type: 'dashboard',
            title: 'Dashboards tagged checkout',
            url: 'https://grafana.example.com/dashboards?tag=checkout',
          },
          { type: 'docs', title: 'TechDocs', url: 'https://docs.example.com/checkout' },
        ],
      })
    );
    expect(doc?.services[1]).toEqual(
      expect.objectContaining({ id: 'payments', lifecycle: 'beta', owners: { serviceOwner: 'ana' } })
    );
  });

  test('warns about what is not mapped, with lines', () => {
    const { problems } = importBackstage([{ text: fixture(), file }]);
    expect(problems.map((problem) => [problem.line, problem.severity, problem.message.split(';')[0]])).toEqual([
      [7, 'warning', 'not mapped: metadata.tags has no place in the registry and is left out'],
      [24, 'warning', 'not mapped: spec.system has no place in the registry and is left out'],
      [18, 'warning', 'not mapped: grafana/dashboard-selector'],
      [27, 'warning', 'not mapped: dependsOn "resource:default/orders-db"'],
      [35, 'warning', 'lifecycle "beta-ish" has no equivalent'],
      [50, 'warning', 'not mapped: kind System is skipped'],
    ]);
  });

  test('reports where each field went and what was dropped, naming the document', () => {
    const { report } = importBackstage([{ text: fixture(), file }], { grafanaUrl: 'https://grafana.example.com/' });
    const summary = report?.map((entry) => [entry.outcome, entry.document, entry.source, entry.target ?? entry.reason]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['mapped', 1, 'spec.owner', 'services[checkout].onCall.team'],
        ['mapped', 2, 'spec.owner', 'services[payments].owners.serviceOwner'],
        ['mapped', 1, 'metadata.annotations.grafana/dashboard-selector', 'services[checkout].links[3]'],
        ['mapped', 1, 'spec.dependsOn[0]', 'services[checkout].dependsOn[0]'],
        [
          'dropped',
          1,
          'spec.dependsOn[1]',
          'dependsOn "resource:default/orders-db"; only components become dependencies',
        ],
        ['dropped', 1, 'metadata.tags', 'metadata.tags has no place in the registry and is left out'],
        ['mapped', 3, 'spec.memberOf[0]', 'people[ana].team'],
        ['dropped', 4, 'kind', 'kind System is skipped'],
      ])
    );
  });

  test('keeps a dependency outside the import as a warning', () => {
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cart\nspec:\n  dependsOn:\n    - component:checkout\n';
    const { doc, problems } = importBackstage([{ text, file }]);
    expect(doc?.services[0].dependsOn).toEqual(['checkout']);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'services[0].dependsOn[0]',
        line: 6,
        severity: 'warning',
        message: expect.stringContaining('it must exist when saving'),
      }),
    ]);
  });

  const component = (extra: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\n${extra}`;

  test.each([
    [
      'malformed YAML',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [checkout\n',
      '',
      5,
      'YAML syntax error',
    ],
    ['an unknown kind', 'apiVersion: backstage.io/v1alpha1\nkind: Dashboard\n', 'kind', 2, 'unknown kind "Dashboard"'],
    ['another format', 'apiVersion: openslo/v1\nkind: SLO\n', 'apiVersion', 1, 'expected a Backstage entity'],
    [
      'a javascript: link',
      component('  links:\n    - url: javascript:alert(1)\n      title: Click\n'),
      'services[0].links[0].url',
      5,
      '"javascript:" URLs are refused',
    ],
    [
      'a name that is no slug',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Checkout_Service\n',
      'services[0].id',
      4,
      'must be a slug',
    ],
  ])('reports %s', (_name, text, path, line, message) => {
    const { doc, problems } = importBackstage([{ text, file }]);
    expect(doc).toBeUndefined();
    expect(problems.find((problem) => problem.severity !== 'warning')).toEqual({
      path,
      line,
      file,
      message: expect.stringContaining(message),
    });
  });
});
