import { baseRegistry, baseService, baseSlo } from '../testing/builders';
import { newService, newSlo } from './importResult';
import { mergeImport } from './merge';

const author = { at: '2026-03-01T10:00:00.000Z', by: 'bizowner import' };

describe('mergeImport', () => {
  test('creates, updates and leaves unchanged by id, deleting nothing', () => {
    const current = baseRegistry();
    const imported = {
      people: [{ ...current.people[0] }],
      services: [{ ...newService('cart'), name: 'Cart' }],
      slos: [{ ...current.slos[0], objective: 99.5 }],
    };
    const { doc, changes } = mergeImport(current, imported, author);
    expect(changes).toEqual([
      { kind: 'person', id: 'ana', action: 'unchanged' },
      { kind: 'service', id: 'cart', action: 'create' },
      { kind: 'slo', id: 'checkout-ratio', action: 'update' },
    ]);
    expect(doc.services.map((service) => service.id)).toEqual(['checkout', 'payments', 'cart']);
    expect(doc.slos).toHaveLength(4);
    expect(doc.slos[0].objective).toBe(99.5);
    expect(doc.revision).toBe(current.revision);
  });

  test("an import that needs Sloth's series turns them on, once, and never turns them off", () => {
    const current = baseRegistry();
    const imported = { people: [], services: [], slos: [], settings: { slothSeries: true } };
    const first = mergeImport(current, imported, author);
    expect(first.doc.settings).toEqual({ ...current.settings, slothSeries: true });
    expect(first.changes).toEqual([{ kind: 'setting', id: 'slothSeries', action: 'update' }]);

    const again = mergeImport(first.doc, imported, author);
    expect(again.changes).toEqual([]);
    const withoutSettings = mergeImport(first.doc, { people: [], services: [], slos: [] }, author);
    expect(withoutSettings.doc.settings.slothSeries).toBe(true);
    expect(mergeImport(current, { people: [], services: [], slos: [] }, author).doc.settings).toEqual(current.settings);
  });

  test('keeps what the source did not set', () => {
    const current = baseRegistry();
    const imported = {
      ...newService('checkout'),
      description: 'From the catalog',
      onCall: { team: 'payments-oncall' },
    };
    const { doc, changes } = mergeImport(current, { people: [], services: [imported], slos: [] }, author);
    expect(changes).toEqual([{ kind: 'service', id: 'checkout', action: 'update' }]);
    expect(doc.services[0]).toEqual({
      ...baseService({ dependsOn: ['payments'] }),
      description: 'From the catalog',
      onCall: { ...baseService().onCall, team: 'payments-oncall' },
    });
  });

  test('always takes the SLI and service of an imported SLO', () => {
    const current = baseRegistry();
    const imported = { ...newSlo('checkout-ratio', 'payments', baseSlo('freeform').sli) };
    const { doc } = mergeImport(current, { people: [], services: [], slos: [imported] }, author);
    expect(doc.slos[0]).toMatchObject({
      serviceId: 'payments',
      sli: baseSlo('freeform').sli,
      objective: 99.9,
      name: 'Checkout ratio',
    });
  });

  test.each([
    ['a changed owner', { serviceOwner: 'ana' }, [{ role: 'serviceOwner', from: 'bruno', to: 'ana', ...author }]],
    ['a new role', { sreLead: 'ana' }, [{ role: 'sreLead', to: 'ana', ...author }]],
    ['the same owners', { businessOwner: 'ana' }, []],
  ])('records %s in the owner history, as the service form does', (_name, owners, recorded) => {
    const current = baseRegistry();
    current.services[0].ownerHistory = [{ role: 'businessOwner', to: 'ana', at: '2025-01-01T00:00:00.000Z' }];
    const imported = { ...newService('checkout'), owners };
    const { doc } = mergeImport(current, { people: [], services: [imported], slos: [] }, author);
    expect(doc.services[0].ownerHistory).toEqual([...current.services[0].ownerHistory, ...recorded]);
  });

  test("records a new service's first owners as changes from nobody", () => {
    const imported = { ...newService('cart'), owners: { serviceOwner: 'ana' } };
    const { doc } = mergeImport(baseRegistry(), { people: [], services: [imported], slos: [] }, author);
    expect(doc.services.find((service) => service.id === 'cart')?.ownerHistory).toEqual([
      { role: 'serviceOwner', to: 'ana', ...author },
    ]);
  });
});
