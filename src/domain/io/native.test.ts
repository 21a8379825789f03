import { join } from 'path';

import { baseRegistry } from '../testing/builders';
import { expectGolden, readFixture } from '../testing/golden';
import { parseRegistryYaml, stringifyRegistryYaml } from './native';

const fixture = (name: string) => readFixture(join(__dirname, '__fixtures__', 'native', name));

describe('stringifyRegistryYaml', () => {
  test('round-trips the base registry', () => {
    const doc = baseRegistry();
    expect(parseRegistryYaml(stringifyRegistryYaml(doc))).toEqual({ doc, problems: [] });
  });

  test('round-trips the policy sign-off, exceptions and recovery thresholds, in a readable order', () => {
    const doc = baseRegistry();
    doc.services[0].budgetPolicy = {
      signOff: { by: 'ana', at: '2026-11-02T09:00:00Z' },
      exceptions: [
        {
          at: '2026-11-26T08:00:00Z',
          by: 'ana',
          to: '2026-12-01T00:00:00Z',
          from: '2026-11-26T00:00:00Z',
          sloIds: ['checkout-ratio'],
          reason: 'Payments provider outage INC-12',
          kind: 'dependencyIncident',
          id: 'inc-12',
        },
      ],
    };
    doc.slos[0].budgetPolicy = { ...doc.slos[0].budgetPolicy!, recoverBudgetLeftPercent: 30, recoverBurnRate: 1 };
    const text = stringifyRegistryYaml(doc);
    expect(parseRegistryYaml(text)).toEqual({ doc, problems: [] });
    expect(text).toContain(
      [
        '    ownerHistory: []',
        '    budgetPolicy:',
        '      signOff:',
        '        at: 2026-11-02T09:00:00Z',
        '        by: ana',
        '      exceptions:',
        '        - id: inc-12',
        '          kind: dependencyIncident',
        '          reason: Payments provider outage INC-12',
        '          sloIds:',
        '            - checkout-ratio',
        '          from: 2026-11-26T00:00:00Z',
        '          to: 2026-12-01T00:00:00Z',
        '          at: 2026-11-26T08:00:00Z',
        '          by: ana',
      ].join('\n')
    );
    expect(text).toContain(
      '      freezeBudgetLeftPercent: 10\n      recoverBudgetLeftPercent: 30\n      recoverBurnRate: 1\n'
    );
  });

  test('writes a stable key order', () => {
    // Regenerate on purpose only: UPDATE_GOLDEN=1 npx jest src/domain/io/native.test.ts
    expectGolden(join(__dirname, '__golden__', 'native-base-registry.yaml'), stringifyRegistryYaml(baseRegistry()));
  });

  test('gives the same text whatever the key order of the input', () => {
    const doc = baseRegistry();
    const reversed = Object.fromEntries(Object.entries(doc).reverse()) as typeof doc;
    expect(stringifyRegistryYaml(reversed)).toBe(stringifyRegistryYaml(doc));
  });
});

describe('parseRegistryYaml', () => {
  test('applies defaults to a minimal registry', () => {
    const { doc, problems } = parseRegistryYaml(fixture('minimal.yaml'), 'minimal.yaml');
    expect(problems).toEqual([]);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      revision: 0,
      settings: { defaultWindow: '30d', defaultAlertPreset: 'google-30d' },
      services: [
        {
          selector: '{service="checkout"}',
          impact: { revenue: false, compliance: false, customerFacing: false, sla: false },
          kpis: [],
          links: [],
          dependsOn: [],
          ownerHistory: [],
          costTags: {},
        },
      ],
      slos: [{ window: '30d', alerting: { enabled: true, preset: 'google-30d' }, labels: {} }],
    });
  });

  test.each([
    ['malformed YAML', 'people:\n  - id: ana\n   name: Ana\n', '', 3, 'YAML syntax error: '],
    ['an unclosed flow list', 'people: [\nservices: []\n', '', 2, 'YAML syntax error: '],
    ['a duplicate key', 'people: []\npeople: []\n', '', 2, 'Map keys must be unique'],
    ['two documents', 'people: []\n---\nservices: []\n', '', 1, 'must be one YAML document, found 2'],
    ['an empty file', '', '', 1, 'the file is empty'],
    ['a list at the top', '- id: ana\n', '', 1, 'the registry must be an object'],
    ['a newer schema', 'schemaVersion: 7\n', 'schemaVersion', 1, 'written by a newer version'],
  ])('reports %s', (_name, text, path, line, message) => {
    const { doc, problems } = parseRegistryYaml(text, 'registry.yaml');
    expect(doc).toBeUndefined();
    expect(problems[0]).toEqual({ path, line, file: 'registry.yaml', message: expect.stringContaining(message) });
  });

  test.each([
    [
      'objective: 99.9',
      'objective: 100.5',
      'slos[0].objective',
      17,
      'strictly between 0 and 100, e.g. 99.9, got 100.5',
    ],
    ['tier: 1', 'tier: "1"', 'services[0].tier', 9, 'tier must be a number, got "1"'],
    [
      'lifecycle: production',
      'lifecycle: production\n    links:\n      - type: runbook\n        title: Runbook\n        url: javascript:alert(1)',
      'services[0].links[0].url',
      14,
      '"javascript:" URLs are refused',
    ],
    [
      'bad: http_requests_total',
      'bad: rate(http_requests_total',
      'slos[0].sli.bad',
      20,
      'bad is not a valid series selector',
    ],
    ['name: Checkout availability', 'name: ""', 'slos[0].name', 16, 'name must not be empty'],
    ['serviceId: checkout', 'serviceId: cart', 'slos[0].serviceId', 15, 'serviceId "cart" is not a service'],
    ['businessOwner: ana', 'businessOwner: zoe', 'services[0].owners.businessOwner', 12, '"zoe" is not a person'],
  ])('points at the line of %s when changed to %s', (from, to, path, line, message) => {
    const text = fixture('minimal.yaml').replace(from, to);
    const { doc, problems } = parseRegistryYaml(text, 'minimal.yaml');
    expect(doc).toBeUndefined();
    expect(problems).toEqual([{ path, line, file: 'minimal.yaml', message: expect.stringContaining(message) }]);
  });

  test('points a missing field at the line of its parent', () => {
    const text = fixture('minimal.yaml').replace('    name: Ana Lima\n', '');
    expect(parseRegistryYaml(text).problems).toEqual([
      { path: 'people[0].name', line: 3, message: 'name is required' },
    ]);
  });

  test('keeps the document when there are only warnings', () => {
    const text = fixture('minimal.yaml').replace('objective: 99.9', 'objective: 0.999');
    const { doc, problems } = parseRegistryYaml(text);
    expect(doc?.slos[0].objective).toBe(0.999);
    expect(problems).toEqual([expect.objectContaining({ path: 'slos[0].objective', line: 17, severity: 'warning' })]);
  });

  test('refuses alias bombs without throwing', () => {
    const text =
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(parseRegistryYaml(text).problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('YAML cannot be read') }),
    ]);
  });
});
