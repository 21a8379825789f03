import { baseRegistry } from '../testing/builders';
import { buildServiceRows } from './serviceRows';
import { summarizeSlos } from './sloStatus';

jest.mock('./sloStatus', () => {
  const actual = jest.requireActual('./sloStatus');
  return { ...actual, summarizeSlos: jest.fn(actual.summarizeSlos) };
});

const summarize = summarizeSlos as jest.MockedFunction<typeof summarizeSlos>;

describe('buildServiceRows', () => {
  beforeEach(() => summarize.mockClear());

  test('summarises a service’s SLOs on the first read of its status, once', () => {
    const live = { slos: { 'checkout-ratio': { budgetLeft: -0.2 } } };
    const rows = buildServiceRows(baseRegistry(), live);
    expect(summarize).not.toHaveBeenCalled();
    const checkout = rows.find((row) => row.id === 'checkout')!;
    expect(checkout.sloHealth).toBe('exhausted');
    expect(checkout).toMatchObject({ budgetLeft: -0.2, lowestBudgetSloId: 'checkout-ratio', needsAttention: true });
    expect(checkout.decisive?.slo.id).toBe('checkout-ratio');
    expect(summarize).toHaveBeenCalledTimes(1);
  });

  test('a row’s summary is that of its service’s SLOs', () => {
    const doc = baseRegistry();
    const live = { slos: { 'checkout-ratio': { budgetLeft: -0.2 } } };
    for (const row of buildServiceRows(doc, live)) {
      const expected = summarizeSlos(
        doc.slos.filter((slo) => slo.serviceId === row.id),
        live.slos
      );
      expect([row.sloHealth, row.budgetLeft, row.lowestBudgetSloId]).toEqual([
        expected.health,
        expected.budgetLeft,
        expected.lowestBudgetSloId,
      ]);
    }
  });

  test('a row’s search text is its id, name, description, owner and team in lower case', () => {
    const [checkout] = buildServiceRows(baseRegistry());
    expect(checkout.searchText).toBe('checkout checkout takes the order and the payment. ana lima ana checkout-oncall');
    // kept: the same string on every read
    expect(checkout.searchText).toBe(checkout.searchText);
  });

  test('rows built again for the same services find their search text kept, and a renamed owner changes it', () => {
    const doc = baseRegistry();
    const first = buildServiceRows(doc)[0].searchText;
    const join = jest.spyOn(Array.prototype, 'join');
    try {
      expect(buildServiceRows(doc, { slos: {} })[0].searchText).toBe(first);
      expect(join).not.toHaveBeenCalled();
    } finally {
      join.mockRestore();
    }
    // The same service object, its business owner renamed in the people list.
    const renamed = {
      ...doc,
      people: doc.people.map((person) => (person.id === 'ana' ? { ...person, name: 'Ana Souza' } : person)),
    };
    expect(buildServiceRows(renamed)[0].searchText).toBe(
      'checkout checkout takes the order and the payment. ana souza ana checkout-oncall'
    );
    expect(buildServiceRows(doc)[0].searchText).toBe(first);
  });
});
