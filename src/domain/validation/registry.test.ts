import { RegistryDocument } from '../model';
import { baseRegistry, baseSlo } from '../testing/builders';
import { scopeProblems, validateRegistry } from './registry';

type Mutation = (doc: RegistryDocument) => void;
// Tests break documents in ways the types forbid, as user input does.
type Loose = Record<string, any>;

const loose = (value: unknown): Loose => value as Loose;

describe('validateRegistry', () => {
  test('accepts the base registry', () => {
    expect(validateRegistry(baseRegistry())).toEqual([]);
  });

  test.each<[string, Mutation, string, string]>([
    [
      'a person id that is no slug',
      (d) => d.people.push({ id: 'Carla Dias', name: 'Carla', email: 'carla@example.com' }),
      'people[2].id',
      'id "Carla Dias" must be a slug: lower-case letters, digits and dashes',
    ],
    [
      'a duplicate person',
      (d) => d.people.push({ ...d.people[0] }),
      'people[2].id',
      'duplicate person id "ana": people[0] already uses it',
    ],
    [
      'a bad email',
      (d) => (d.people[1].email = 'bruno.example.com'),
      'people[1].email',
      'does not look like an e-mail address',
    ],
    [
      'a duplicate service',
      (d) => d.services.push({ ...d.services[1] }),
      'services[2].id',
      'duplicate service id "payments"',
    ],
    ['a duplicate SLO', (d) => d.slos.push(baseSlo()), 'slos[4].id', 'duplicate SLO id "checkout-ratio"'],
    [
      'a duplicate KPI',
      (d) => d.services[0].kpis.push({ ...d.services[0].kpis[0] }),
      'services[0].kpis[1].id',
      'duplicate KPI id "revenue"',
    ],
    [
      'an unknown SLO service',
      (d) => (d.slos[2].serviceId = 'cart'),
      'slos[2].serviceId',
      'serviceId "cart" is not a service of the registry',
    ],
    [
      'an unknown dependency',
      (d) => (d.services[0].dependsOn = ['payments', 'ledger']),
      'services[0].dependsOn[1]',
      '"ledger" is not a service',
    ],
    [
      'a self dependency',
      (d) => (d.services[1].dependsOn = ['payments']),
      'services[1].dependsOn[0]',
      'cannot depend on itself',
    ],
    [
      'an unknown owner',
      (d) => (d.services[0].owners.serviceOwner = 'carla'),
      'services[0].owners.serviceOwner',
      'serviceOwner "carla" is not a person',
    ],
    [
      'an unknown escalation',
      (d) => (d.services[0].onCall!.escalation = ['bruno', 'carla']),
      'services[0].onCall.escalation[1]',
      'neither a person id nor a team',
    ],
    [
      'an unknown owner role',
      (d) => (loose(d.services[0].owners).boss = 'ana'),
      'services[0].owners.boss',
      'unknown owner role "boss"',
    ],
    [
      'objective 100.5',
      (d) => (d.slos[0].objective = 100.5),
      'slos[0].objective',
      'strictly between 0 and 100, e.g. 99.9, got 100.5',
    ],
    ['objective 100', (d) => (d.slos[0].objective = 100), 'slos[0].objective', 'strictly between 0 and 100'],
    ['objective 0', (d) => (d.slos[0].objective = 0), 'slos[0].objective', 'strictly between 0 and 100'],
    [
      'objective as text',
      (d) => (loose(d.slos[0]).objective = '99.9'),
      'slos[0].objective',
      'objective must be a number, got "99.9"',
    ],
    ['window 0d', (d) => (d.slos[0].window = '0d'), 'slos[0].window', 'from 1d to 365d'],
    ['window 366d', (d) => (d.slos[0].window = '366d'), 'slos[0].window', 'from 1d to 365d'],
    [
      'window 4w',
      (d) => (d.slos[0].window = '4w'),
      'slos[0].window',
      '"calendar-month" or "calendar-quarter", got "4w"',
    ],
    [
      'a group label listed twice',
      (d) => (d.slos[0].groupBy = ['route', 'route']),
      'slos[0].groupBy[1]',
      '"route" is listed twice',
    ],
    [
      'a group label the rules write',
      (d) => (d.slos[0].groupBy = ['sloth_id']),
      'slos[0].groupBy[0]',
      'a label the rules or alerts write themselves',
    ],
    [
      'time zone',
      (d) => (d.slos[0].timeZone = 'Europe/Paris '),
      'slos[0].timeZone',
      'timeZone "Europe/Paris " is not an IANA time zone',
    ],
    [
      'a threshold off the buckets',
      (d) => (loose(d.slos[1].sli).threshold = 0.3),
      'slos[1].sli.threshold',
      "threshold 0.3 is not one of the histogram's le buckets (0.1, 0.25, 0.5, 1, 2.5)",
    ],
    [
      'invalid PromQL',
      (d) => (loose(d.slos[2].sli).errorRatio = 'sum(rate(x[{{window}}])'),
      'slos[2].sli.errorRatio',
      'errorRatio is not valid PromQL: "(" is never closed',
    ],
    [
      'rate of a vector',
      (d) => (loose(d.slos[2].sli).errorRatio = 'rate(x) / {{window}}'),
      'slos[2].sli.errorRatio',
      'expected type matrix',
    ],
    [
      'freeform without window',
      (d) => (loose(d.slos[2].sli).errorRatio = 'sum(rate(x[5m]))'),
      'slos[2].sli.errorRatio',
      'must use {{window}}',
    ],
    [
      'invalid LogQL',
      (d) => (loose(d.slos[3].sli).bad = '{service="checkout" |= "x"'),
      'slos[3].sli.bad',
      'bad is not a valid LogQL log query: "{" is never closed: add "}" at column 1',
    ],
    [
      'a LogQL metric query',
      (d) => (loose(d.slos[3].sli).total = 'count_over_time({a="b"}[5m])'),
      'slos[3].sli.total',
      'not a metric query',
    ],
    [
      'a ratio SLI with good and bad',
      (d) => (loose(d.slos[0].sli).good = 'ok_total'),
      'slos[0].sli.good',
      'exactly one of good or bad events, but both are set',
    ],
    ['a ratio SLI with neither', (d) => delete loose(d.slos[0].sli).bad, 'slos[0].sli.good', 'but neither is set'],
    [
      'a ratio total with rate()',
      (d) => (loose(d.slos[0].sli).total = 'rate(x[5m])'),
      'slos[0].sli.total',
      'without functions, operators or ranges',
    ],
    [
      'an unknown SLI kind',
      (d) => (loose(d.slos[0].sli).kind = 'availability'),
      'slos[0].sli.kind',
      'must be one of "ratio", "latency", "freeform", "logRatio"',
    ],
    [
      'a javascript: link',
      (d) => (d.services[0].links[0].url = 'javascript:alert(1)'),
      'services[0].links[0].url',
      '"javascript:" URLs are refused',
    ],
    [
      'a data: link',
      (d) => (d.services[0].links[1].url = 'data:text/html,hi'),
      'services[0].links[1].url',
      '"data:" URLs are refused',
    ],
    [
      'a relative link',
      (d) => (d.services[0].links[1].url = '/d/abc'),
      'services[0].links[1].url',
      'must be a full http:// or https:// address',
    ],
    [
      'an ftp schedule',
      (d) => (d.services[0].onCall!.scheduleUrl = 'ftp://x.example.com'),
      'services[0].onCall.scheduleUrl',
      'scheduleUrl must be a full http://',
    ],
    [
      'a javascript: runbook',
      (d) => (d.slos[0].alerting.runbookUrl = ' JavaScript:alert(1)'),
      'slos[0].alerting.runbookUrl',
      'runbookUrl "javascript:" URLs are refused',
    ],
    [
      'an unknown link type',
      (d) => (loose(d.services[0].links[0]).type = 'wiki'),
      'services[0].links[0].type',
      'type must be one of "runbook", "dashboard"',
    ],
    ['tier 5', (d) => (loose(d.services[1]).tier = 5), 'services[1].tier', 'from 1 (most critical) to 4, got 5'],
    ['tier as text', (d) => (loose(d.services[1]).tier = '2'), 'services[1].tier', 'tier must be a number, got "2"'],
    [
      'a tier-2 service without business owner',
      (d) => (d.services[1].owners = {}),
      'services[1].owners.businessOwner',
      'tier 2 services need a business owner',
    ],
    [
      'an unknown lifecycle',
      (d) => (loose(d.services[0]).lifecycle = 'ga'),
      'services[0].lifecycle',
      'lifecycle must be one of "experimental", "beta", "production", "deprecated", got "ga"',
    ],
    [
      'a bad selector',
      (d) => (d.services[0].selector = 'service="checkout"'),
      'services[0].selector',
      'must be label matchers in braces',
    ],
    [
      'a bad KPI query',
      (d) => (d.services[0].kpis[0].query = 'sum(rate(x[1h]) *'),
      'services[0].kpis[0].query',
      'query is not valid PromQL',
    ],
    [
      'a cost tag that is no label',
      (d) => (d.services[0].costTags = { 'cost-center': 'x' }),
      'services[0].costTags.cost-center',
      'label name "cost-center"',
    ],
    [
      'a number as label value',
      (d) => (loose(d.slos[0].labels).tier = 1),
      'slos[0].labels.tier',
      'tier must be text, got 1',
    ],
    [
      'an unknown preset',
      (d) => (loose(d.slos[0].alerting).preset = 'fast'),
      'slos[0].alerting.preset',
      'preset must be one of "google-30d", "google-28d", "custom"',
    ],
    [
      'custom preset without windows',
      (d) => (d.slos[0].alerting.preset = 'custom'),
      'slos[0].alerting.windows',
      'needs at least one window',
    ],
    [
      'a short window longer than the long one',
      (d) =>
        (d.slos[0].alerting = {
          ...d.slos[0].alerting,
          preset: 'custom',
          windows: [{ tier: 'page', severity: 'page', factor: 14.4, long: '5m', short: '1h' }],
        }),
      'slos[0].alerting.windows[0].short',
      'the short window (1h) must be shorter than the long window (5m)',
    ],
    [
      'a window that is no duration',
      (d) =>
        (d.slos[0].alerting = {
          ...d.slos[0].alerting,
          preset: 'custom',
          windows: [{ tier: 'page', severity: 'page', factor: 14.4, long: '1 hour', short: '5m' }],
        }),
      'slos[0].alerting.windows[0].long',
      'long must be a Prometheus duration such as "5m"',
    ],
    ['negative minEvents', (d) => (d.slos[0].alerting.minEvents = -1), 'slos[0].alerting.minEvents', 'got -1'],
    [
      'a freeze burn rate of 0',
      (d) => (d.slos[0].budgetPolicy!.freezeBurnRate = 0),
      'slos[0].budgetPolicy.freezeBurnRate',
      'positive burn-rate factor',
    ],
    [
      'a budget left of 150%',
      (d) => (d.slos[0].budgetPolicy!.freezeBudgetLeftPercent = 150),
      'slos[0].budgetPolicy.freezeBudgetLeftPercent',
      'from 0 to 100, got 150',
    ],
    [
      'an enabled policy without threshold',
      (d) => (d.slos[0].budgetPolicy = { enabled: true, escalateToBusinessOwner: false }),
      'slos[0].budgetPolicy',
      'needs freezeBurnRate or freezeBudgetLeftPercent',
    ],
    [
      'an unknown default window',
      (d) => (loose(d.settings).defaultWindow = '7d'),
      'settings.defaultWindow',
      'must be one of "28d", "30d"',
    ],
    [
      "Sloth's series as text",
      (d) => (loose(d.settings).slothSeries = 'yes'),
      'settings.slothSeries',
      'must be true or false',
    ],
    [
      'a billing kind',
      (d) => (d.settings.billing = { uid: 'b', kind: 'csv' as never, query: '$costTags' }),
      'settings.billing.kind',
      'must be one of "prometheus", "sql"',
    ],
    [
      'a data source without uid',
      (d) => (d.settings.prometheus = { uid: '' }),
      'settings.prometheus.uid',
      'uid must not be empty',
    ],
    ['a newer schema', (d) => (d.schemaVersion = 2), 'schemaVersion', 'written by a newer version of the app'],
    ['a negative revision', (d) => (d.revision = -1), 'revision', 'whole number, 0 or more'],
    [
      'services that are no list',
      (d) => (loose(d).services = { checkout: {} }),
      'services',
      'services must be a list, got an object',
    ],
    ['a missing slos list', (d) => delete loose(d).slos, 'slos', 'slos is required (a list)'],
    [
      'a billing PromQL template that does not parse',
      (d) =>
        (d.settings.billing = {
          uid: 'prometheus',
          kind: 'prometheus',
          query: 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * * 3600',
        }),
      'settings.billing.query',
      // the column is that of the template as typed, not of the query with the tags filled in
      'query is not valid PromQL: unexpected "*" at column 50',
    ],
    [
      'an owner change at no time',
      (d) => (d.services[0].ownerHistory = [{ role: 'businessOwner', to: 'ana', at: 'yesterday' }]),
      'services[0].ownerHistory[0].at',
      'ISO 8601',
    ],
  ])('reports %s', (_name, mutate, path, message) => {
    const doc = baseRegistry();
    mutate(doc);
    const problems = validateRegistry(doc).filter((problem) => problem.severity !== 'warning');
    expect(problems).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  test.each<[string, Mutation, string, string]>([
    [
      'an objective written as a ratio',
      (d) => (d.slos[0].objective = 0.999),
      'slos[0].objective',
      'did you mean 99.9?',
    ],
    [
      'windows with a google preset',
      (d) => (d.slos[0].alerting.windows = [{ tier: 'p', severity: 'page', factor: 2, long: '1h', short: '5m' }]),
      'slos[0].alerting.windows',
      'used only with preset "custom"',
    ],
    [
      'a billing query without $costTags',
      (d) => (d.settings.billing = { uid: 'b', kind: 'sql', query: 'select 1' }),
      'settings.billing.query',
      'does not use $costTags',
    ],
  ])('warns about %s', (_name, mutate, path, message) => {
    const doc = baseRegistry();
    mutate(doc);
    expect(validateRegistry(doc)).toEqual([{ path, message: expect.stringContaining(message), severity: 'warning' }]);
  });

  test.each([null, 42, 'registry', [], { people: 'x', services: 7, slos: [null, 'slo', { objective: [] }] }])(
    'never throws on %j',
    (doc) => {
      expect(validateRegistry(doc).length).toBeGreaterThan(0);
    }
  );

  test('accepts escalation to a team', () => {
    const doc = baseRegistry();
    doc.services[0].onCall!.escalation = ['payments-oncall', 'checkout'];
    expect(validateRegistry(doc)).toEqual([]);
  });
});

describe('scopeProblems', () => {
  test('keeps the problems of one entity with relative paths', () => {
    const problems = [
      { path: 'services[1]', message: 'a' },
      { path: 'services[1].id', message: 'b' },
      { path: 'services[10].id', message: 'c' },
      { path: 'services[1].links[0].url', message: 'd' },
      { path: 'slos[0].objective', message: 'e' },
    ];
    expect(scopeProblems(problems, 'services[1]')).toEqual([
      { path: '', message: 'a' },
      { path: 'id', message: 'b' },
      { path: 'links[0].url', message: 'd' },
    ]);
  });
});
