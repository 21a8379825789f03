import { validateRegistry } from '../validation/registry';
import { baseRegistry, basePerson, baseService } from '../testing/builders';
import {
  deletePerson,
  deleteService,
  newProblems,
  ownerChanges,
  personReferences,
  putPerson,
  putService,
} from './edits';

const author = { at: '2026-11-27T10:00:00.000Z', by: 'admin' };

describe('ownerChanges', () => {
  test.each([
    ['nothing changes', { businessOwner: 'ana' }, { businessOwner: 'ana' }, []],
    ['role set', {}, { sreLead: 'bruno' }, [{ role: 'sreLead', to: 'bruno', ...author }]],
    ['role cleared', { sreLead: 'bruno' }, {}, [{ role: 'sreLead', from: 'bruno', ...author }]],
    [
      'empty text counts as cleared',
      { sreLead: 'bruno' },
      { sreLead: '' },
      [{ role: 'sreLead', from: 'bruno', ...author }],
    ],
    [
      'two roles, in role order',
      { businessOwner: 'ana', serviceOwner: 'bruno' },
      { businessOwner: 'bruno', serviceOwner: 'ana' },
      [
        { role: 'businessOwner', from: 'ana', to: 'bruno', ...author },
        { role: 'serviceOwner', from: 'bruno', to: 'ana', ...author },
      ],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(ownerChanges(before, after, author)).toEqual(expected);
  });
});

describe('putService', () => {
  test('editing appends owner changes to the stored history, whatever the form sent', () => {
    const doc = baseRegistry();
    doc.services[1].ownerHistory = [{ role: 'businessOwner', to: 'bruno', at: '2025-01-01T00:00:00Z' }];
    const edited = { ...doc.services[1], owners: { businessOwner: 'ana' }, ownerHistory: [] };
    const next = putService(doc, edited, author, 'payments');
    expect(next.services[1].ownerHistory).toEqual([
      { role: 'businessOwner', to: 'bruno', at: '2025-01-01T00:00:00Z' },
      { role: 'businessOwner', from: 'bruno', to: 'ana', ...author },
    ]);
    expect(doc.services[1].owners).toEqual({ businessOwner: 'bruno' });
    expect(validateRegistry(next)).toEqual([]);
  });

  test('a new service records its first owners', () => {
    const next = putService(baseRegistry(), baseService({ id: 'search', owners: { businessOwner: 'ana' } }), author);
    expect(next.services.map((service) => service.id)).toEqual(['checkout', 'payments', 'search']);
    expect(next.services[2].ownerHistory).toEqual([{ role: 'businessOwner', to: 'ana', ...author }]);
  });
});

describe('deleteService', () => {
  test('deletes its SLOs and the dependencies on it', () => {
    const next = deleteService(baseRegistry(), 'payments', { kind: 'delete' });
    expect(next.services.map((service) => service.id)).toEqual(['checkout']);
    expect(next.services[0].dependsOn).toEqual([]);
    expect(validateRegistry(next)).toEqual([]);
  });

  test('deleting checkout with its SLOs removes them', () => {
    expect(deleteService(baseRegistry(), 'checkout', { kind: 'delete' }).slos).toEqual([]);
  });

  test('moves its SLOs to another service', () => {
    const next = deleteService(baseRegistry(), 'checkout', { kind: 'move', to: 'payments' });
    expect(next.slos.map((slo) => slo.serviceId)).toEqual(['payments', 'payments', 'payments', 'payments']);
    expect(validateRegistry(next)).toEqual([]);
  });
});

describe('people', () => {
  test('references list owner roles and escalation chains', () => {
    expect(personReferences(baseRegistry(), 'bruno')).toEqual([
      { serviceId: 'checkout', serviceName: 'Checkout', as: 'serviceOwner' },
      { serviceId: 'checkout', serviceName: 'Checkout', as: 'escalation' },
      { serviceId: 'payments', serviceName: 'Payments', as: 'businessOwner' },
      { serviceId: 'payments', serviceName: 'Payments', as: 'escalation' },
    ]);
  });

  test('put replaces or appends, delete removes', () => {
    const doc = baseRegistry();
    const renamed = putPerson(doc, basePerson({ name: 'Ana L.' }), 'ana');
    expect(renamed.people.map((person) => person.name)).toEqual(['Ana L.', 'Bruno Costa']);
    const added = putPerson(doc, basePerson({ id: 'carla' }));
    expect(added.people).toHaveLength(3);
    expect(deletePerson(added, 'carla').people).toHaveLength(2);
  });
});

describe('newProblems', () => {
  test('only problems an edit introduced count, warnings never', () => {
    const old = { path: 'services[0].name', message: 'name is required' };
    const fresh = { path: 'services[1].id', message: 'duplicate' };
    const warning = { path: 'x', message: 'unmapped', severity: 'warning' as const };
    expect(newProblems([old], [old, fresh, warning])).toEqual([fresh]);
  });
});
