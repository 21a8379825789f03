import { diffRegistries, RegistryChange, summarizeChanges } from './diff';
import { RegistryDocument } from './model';
import { basePerson, baseRegistry, baseService, baseSlo } from './testing/builders';

function edit(change: (doc: RegistryDocument) => void): RegistryDocument {
  const doc = baseRegistry();
  change(doc);
  return doc;
}

function reversedKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

describe('diffRegistries', () => {
  test.each<[string, RegistryDocument, RegistryChange[]]>([
    ['identical documents', baseRegistry(), []],
    ['bookkeeping fields only', baseRegistry({ revision: 7, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'bob' }), []],
    [
      'a service field changed',
      edit((doc) => (doc.services[0].tier = 2)),
      [{ entity: 'service', id: 'checkout', change: 'changed' }],
    ],
    [
      'an SLO added',
      edit((doc) => doc.slos.push(baseSlo('latency', { id: 'payments-latency', serviceId: 'payments' }))),
      [{ entity: 'slo', id: 'payments-latency', change: 'added' }],
    ],
    [
      'a person removed',
      edit((doc) => doc.people.splice(1, 1)),
      [{ entity: 'person', id: 'bruno', change: 'removed' }],
    ],
    [
      'a setting set and another changed',
      edit((doc) => (doc.settings = { ...doc.settings, prometheus: { uid: 'prom' }, defaultWindow: '28d' })),
      [
        { entity: 'setting', id: 'defaultWindow', change: 'changed' },
        { entity: 'setting', id: 'prometheus', change: 'added' },
      ],
    ],
    [
      'key order does not matter',
      edit((doc) => (doc.services[0] = reversedKeys(baseService({ dependsOn: ['payments'] })))),
      [],
    ],
    [
      'a key holding undefined is the same as a missing key',
      edit((doc) => Object.assign(doc.people[0], { nickname: undefined })),
      [],
    ],
    [
      'list order matters',
      edit((doc) => doc.services[0].links.reverse()),
      [{ entity: 'service', id: 'checkout', change: 'changed' }],
    ],
    [
      'null is not the same as missing',
      edit((doc) => Object.assign(doc.slos[0], { description: null })),
      [{ entity: 'slo', id: 'checkout-ratio', change: 'changed' }],
    ],
    [
      'settings, people, services and SLOs in that order',
      edit((doc) => {
        doc.slos[0].objective = 99;
        doc.services[1].name = 'Payments API';
        doc.people.push(basePerson({ id: 'carla' }));
        doc.settings.defaultAlertPreset = 'google-28d';
      }),
      [
        { entity: 'setting', id: 'defaultAlertPreset', change: 'changed' },
        { entity: 'person', id: 'carla', change: 'added' },
        { entity: 'service', id: 'payments', change: 'changed' },
        { entity: 'slo', id: 'checkout-ratio', change: 'changed' },
      ],
    ],
  ])('%s', (_name, after, expected) => {
    expect(diffRegistries(baseRegistry(), after)).toEqual(expected);
  });

  test('an empty document against a full one lists every entity as added', () => {
    const before: RegistryDocument = { ...baseRegistry(), people: [], services: [], slos: [] };
    const changes = diffRegistries(before, baseRegistry());
    expect(changes.filter((c) => c.change === 'added')).toHaveLength(2 + 2 + 4);
  });
});

describe('summarizeChanges', () => {
  test.each<[string, RegistryChange[], number | undefined, string]>([
    ['nothing', [], undefined, 'no changes'],
    [
      'two changes',
      [
        { entity: 'service', id: 'checkout', change: 'changed' },
        { entity: 'slo', id: 'payments-latency', change: 'added' },
      ],
      undefined,
      'service checkout changed, SLO payments-latency added',
    ],
    [
      'more than the limit',
      [
        { entity: 'person', id: 'ana', change: 'removed' },
        { entity: 'setting', id: 'loki', change: 'changed' },
        { entity: 'slo', id: 'a', change: 'added' },
      ],
      1,
      'person ana removed and 2 more',
    ],
  ])('%s', (_name, changes, limit, expected) => {
    expect(summarizeChanges(changes, limit)).toBe(expected);
  });
});
