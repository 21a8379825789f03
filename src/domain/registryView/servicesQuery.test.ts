import { scoreRegistry } from '../governance/scorecard';
import { MATURITY_LEVELS } from '../governance/types';
import { baseRegistry, basePerson, baseService } from '../testing/builders';
import { manyServices } from '../testing/manyServices';
import { RegistryDocument } from '../model';
import { buildServiceRows } from './serviceRows';
import {
  defaultQuery,
  filterChoices,
  NO_OWNER,
  previewPage,
  queryServices,
  ServicesQuery,
  SORT_KEYS,
  sortRows,
} from './servicesQuery';
import { keepingListIdentity, queryFromParams, queryToParams, SERVICES_QUERY_LISTS } from './queryParams';

function registry(): RegistryDocument {
  const doc = baseRegistry();
  doc.people.push(basePerson({ id: 'carla', name: 'Carla Dias', email: 'carla@example.com', team: 'search' }));
  doc.services.push(
    baseService({
      id: 'search',
      name: 'Search',
      tier: 3,
      lifecycle: 'beta',
      owners: { businessOwner: 'carla' },
      onCall: { team: 'search-oncall' },
      kpis: [],
    }),
    baseService({
      id: 'legacy-cart',
      name: 'Legacy cart',
      tier: 4,
      lifecycle: 'deprecated',
      owners: {},
      onCall: undefined,
      description: 'Old cart',
    })
  );
  return doc;
}

const rows = buildServiceRows(registry());
const ids = (query: Partial<ServicesQuery>) =>
  queryServices(rows, { ...defaultQuery(), ...query }).rows.map((row) => row.id);

describe('queryServices filters', () => {
  test.each<[string, Partial<ServicesQuery>, string[]]>([
    ['nothing', {}, ['checkout', 'legacy-cart', 'payments', 'search']],
    ['text in name', { text: 'payments' }, ['payments']],
    ['text in description', { text: 'card' }, ['payments']],
    ['description, any case', { text: 'OLD' }, ['legacy-cart']],
    ['text in owner name', { text: 'carla' }, ['search']],
    ['every word must match', { text: 'check ana' }, ['checkout']],
    ['tier', { tiers: [1, 2] }, ['checkout', 'payments']],
    ['lifecycle', { lifecycles: ['beta', 'deprecated'] }, ['legacy-cart', 'search']],
    ['team', { teams: ['search-oncall'] }, ['search']],
    ['business owner', { owners: ['bruno'] }, ['payments']],
    ['without a business owner', { owners: [NO_OWNER] }, ['legacy-cart']],
    ['needs attention: no accountable owner', { needsAttention: true }, ['legacy-cart']],
    ['filters combine', { tiers: [3, 4], lifecycles: ['beta'] }, ['search']],
    ['no match', { text: 'zzz' }, []],
  ])('%s', (_name, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });
});

describe('sorting', () => {
  test.each<[ServicesQuery['sort'], boolean, string[]]>([
    ['name', false, ['checkout', 'legacy-cart', 'payments', 'search']],
    ['name', true, ['search', 'payments', 'legacy-cart', 'checkout']],
    ['tier', false, ['checkout', 'payments', 'search', 'legacy-cart']],
    ['owner', false, ['checkout', 'payments', 'search', 'legacy-cart']],
    ['slos', true, ['checkout', 'legacy-cart', 'payments', 'search']],
    ['lifecycle', false, ['search', 'checkout', 'payments', 'legacy-cart']],
  ])('%s desc=%s', (sort, desc, expected) => {
    expect(sortRows(rows, sort, desc).map((row) => row.id)).toEqual(expected);
  });
});

describe('at scale', () => {
  const doc = manyServices(300);
  const live = { slos: { 'service-00003-availability': { budgetLeft: 0.1 } }, generatedDashboards: ['service-00006'] };
  const many = buildServiceRows(doc, live);

  test('rows carry the level and failure modes of their scorecard', () => {
    const cards = scoreRegistry(doc, live);
    expect(many.map((row) => [row.level, row.failing])).toEqual(cards.map((card) => [card.level, card.failing]));
  });

  test('level sorts every row by rung, ties by name', () => {
    const ranks = ['none', ...MATURITY_LEVELS];
    const sorted = sortRows(buildServiceRows(doc, live), 'level', true);
    expect(sorted).toHaveLength(300);
    sorted.slice(1).forEach((row, i) => {
      const before = sorted[i];
      const order = ranks.indexOf(before.level) - ranks.indexOf(row.level);
      expect(order > 0 || (order === 0 && before.name.localeCompare(row.name) <= 0)).toBe(true);
    });
  });

  test.each(SORT_KEYS.flatMap((sort) => [false, true].map((desc) => [sort, desc] as const)))(
    'filtering keeps the sort of all rows: %s desc=%s',
    (sort, desc) => {
      const query = { ...defaultQuery(), sort, desc, tiers: [1 as const], needsAttention: true, pageSize: 1000 };
      const expected = sortRows(many, sort, desc).filter((row) => row.tier === 1 && row.needsAttention);
      expect(queryServices(many, query).rows).toEqual(expected);
    }
  );
});

describe('paging', () => {
  test('cuts pages and clamps the page number', () => {
    const result = queryServices(rows, { ...defaultQuery(), pageSize: 3, page: 9 });
    expect(result).toMatchObject({ total: 4, pages: 2, page: 2 });
    expect(result.rows.map((row) => row.id)).toEqual(['search']);
  });
});

describe('rows', () => {
  test('carry owner, team, SLO count and status without live values', () => {
    expect(rows[0]).toMatchObject({
      id: 'checkout',
      businessOwnerName: 'Ana Lima',
      team: 'checkout-oncall',
      sloCount: 4,
      sloHealth: 'noData',
      budgetLeft: undefined,
      level: 'intermediate',
    });
  });

  test('live values set status, budget left and attention', () => {
    const [checkout] = buildServiceRows(baseRegistry(), { slos: { 'checkout-ratio': { budgetLeft: -0.2 } } });
    expect(checkout).toMatchObject({ sloHealth: 'exhausted', budgetLeft: -0.2, needsAttention: true });
  });

  test('filter choices list teams and owners once', () => {
    expect(filterChoices(rows)).toEqual({
      teams: ['checkout-oncall', 'payments-oncall', 'search-oncall'],
      owners: [
        { id: 'ana', name: 'Ana Lima' },
        { id: 'bruno', name: 'Bruno Costa' },
        { id: 'carla', name: 'Carla Dias' },
      ],
    });
  });
});

describe('query parameters', () => {
  test('round trip', () => {
    const query: ServicesQuery = {
      ...defaultQuery(),
      text: 'pay',
      tiers: [1, 2],
      lifecycles: ['production'],
      teams: ['payments-oncall'],
      owners: [NO_OWNER, 'ana'],
      needsAttention: true,
      sort: 'budget',
      desc: true,
      page: 3,
    };
    const params = queryToParams(query);
    expect(params).toEqual({
      q: 'pay',
      tier: '1,2',
      lifecycle: 'production',
      team: 'payments-oncall',
      owner: '_none,ana',
      attention: '1',
      sort: 'budget',
      dir: 'desc',
      page: '3',
    });
    expect(queryFromParams(params)).toEqual(query);
  });

  test('lists that did not change keep their identity', () => {
    const keep = keepingListIdentity(SERVICES_QUERY_LISTS);
    const previous = keep(queryFromParams({ q: 'pa', tier: '1,2', owner: 'ana' }));
    const next = keep(queryFromParams({ q: 'pay', tier: '1,2', owner: 'ana,bruno' }));
    expect(next.tiers).toBe(previous.tiers);
    expect(next.lifecycles).toBe(previous.lifecycles);
    expect(next).toMatchObject({ text: 'pay', owners: ['ana', 'bruno'] });
  });

  test('a query equal to the one before is that one', () => {
    const keep = keepingListIdentity(SERVICES_QUERY_LISTS);
    const previous = keep(queryFromParams({ q: 'pay', tier: '1,2', owner: 'ana' }));
    expect(keep(queryFromParams({ q: 'pay', tier: '1,2', owner: 'ana' }))).toBe(previous);
    expect(keep(queryFromParams({ q: 'pay', tier: '1,2', owner: 'ana', page: '2' }))).not.toBe(previous);
  });

  test('defaults leave the URL plain', () => {
    expect(Object.values(queryToParams(defaultQuery())).every((value) => value === undefined)).toBe(true);
  });

  test('malformed values are dropped', () => {
    expect(queryFromParams({ tier: '0,2,x', lifecycle: 'gone,beta', sort: 'color', page: '-2' })).toMatchObject({
      tiers: [2],
      lifecycles: ['beta'],
      sort: 'name',
      page: 1,
    });
  });
});

describe('previewPage: the first page from a large registry’s head', () => {
  const doc = manyServices(300);
  const all = buildServiceRows(doc);
  const names = doc.services.map((service) => [service.id, service.name] as const);
  const firstByName = queryServices(all, defaultQuery()).rows.map((row) => row.id);
  // The head as the index keeps it: two pages of services by name.
  const headDoc = (ids: string[]) => ({
    ...doc,
    services: doc.services.filter((service) => ids.includes(service.id)),
    slos: doc.slos.filter((slo) => ids.includes(slo.serviceId)),
  });
  const head = buildServiceRows(
    headDoc(queryServices(all, { ...defaultQuery(), pageSize: 100 }).rows.map((row) => row.id))
  );

  test('is the first page the whole registry gives, with the whole count and pages', () => {
    const page = previewPage(head, names, defaultQuery())!;
    expect(page.rows.map((row) => row.id)).toEqual(firstByName);
    expect(page).toMatchObject({ total: 300, pages: 6, page: 1 });
    const whole = queryServices(all, defaultQuery());
    expect(page.rows.map((row) => [row.name, row.sloCount, row.level])).toEqual(
      whole.rows.map((row) => [row.name, row.sloCount, row.level])
    );
  });

  test.each<[string, Partial<ServicesQuery>]>([
    ['a search', { text: 'service' }],
    ['a filter', { tiers: [1] }],
    ['needing attention', { needsAttention: true }],
    ['another sort', { sort: 'tier' }],
    ['name descending', { desc: true }],
    ['another page', { page: 2 }],
  ])('cannot answer %s', (_, patch) => {
    expect(previewPage(head, names, { ...defaultQuery(), ...patch })).toBeUndefined();
  });

  test('cannot answer when a service of the first page is not in the head (a reader ordering names otherwise)', () => {
    const withoutThird = buildServiceRows(headDoc(firstByName.filter((id) => id !== firstByName[2])));
    expect(previewPage(withoutThird, names, defaultQuery())).toBeUndefined();
  });
});
