import { SloMeasurement } from '../../../api/sloValues/types';
import { baseRegistry } from '../../../domain/testing/builders';
import { manyServices } from '../../../domain/testing/manyServices';
import { buildSloRows, listStatus } from './sloRows';
import { defaultSlosQuery, querySlos, sloFilterChoices, slosQueryFromParams, slosQueryToParams } from './slosQuery';

const measured = (budgetLeft: number, burnRate: number, firing = false): SloMeasurement => ({
  source: 'recorded',
  sli: 0.999,
  budgetLeft,
  burnRate,
  alert: { status: firing ? 'firing' : 'inactive' },
});

function twoThousand() {
  const doc = manyServices(3000);
  const values: Record<string, SloMeasurement> = {};
  doc.slos.forEach((slo, i) => {
    if (i % 4 === 0) {
      values[slo.id] = measured(-0.1, 3);
    } else if (i % 4 === 1) {
      values[slo.id] = measured(0.5, 2);
    } else if (i % 4 === 2) {
      values[slo.id] = measured(0.5 + (i % 100) / 1000, 0.2);
    }
  });
  return { doc, rows: buildSloRows(doc, values) };
}

describe('SLO list rows and query', () => {
  test.each([
    ['no measurement', undefined, 'noData'],
    ['budget spent', measured(0, 0), 'exhausted'],
    ['burning faster than sustainable', measured(0.4, 1.5), 'burning'],
    ['a burn alert firing', measured(0.4, 0.5, true), 'burning'],
    ['within budget', measured(0.4, 0.5), 'ok'],
  ])('status: %s', (_name, value, status) => {
    expect(listStatus(value)).toBe(status);
  });

  test('rows carry service, business owner and team from the registry', () => {
    const [row] = buildSloRows(baseRegistry());
    expect(row).toMatchObject({
      id: 'checkout-ratio',
      serviceName: 'Checkout',
      ownerId: 'ana',
      ownerName: 'Ana Lima',
      team: 'checkout-oncall',
      status: 'noData',
      source: undefined,
    });
  });

  test('2,000 SLOs: filters by service, owner, team and status, sorts all rows, pages by 50', () => {
    const { rows } = twoThousand();
    expect(rows).toHaveLength(2000);
    const all = querySlos(rows, defaultSlosQuery());
    expect(all).toMatchObject({ total: 2000, pages: 40, page: 1 });
    expect(all.rows).toHaveLength(50);

    const exhausted = querySlos(rows, { ...defaultSlosQuery(), statuses: ['exhausted'] });
    expect(exhausted.total).toBe(500);
    const burningOrNoData = querySlos(rows, { ...defaultSlosQuery(), statuses: ['burning', 'noData'] });
    expect(burningOrNoData.total).toBe(1000);

    const byOwner = querySlos(rows, { ...defaultSlosQuery(), owners: ['person-3'] });
    expect(byOwner.rows.every((row) => row.ownerId === 'person-3')).toBe(true);
    const byTeam = querySlos(rows, { ...defaultSlosQuery(), teams: ['team-6'], services: ['service-00006'] });
    // sorted by name: "Checkout latency" before "Checkout ratio"
    expect(byTeam.rows.map((row) => row.id)).toEqual(['service-00006-latency', 'service-00006-availability']);
    expect(querySlos(rows, { ...defaultSlosQuery(), teams: ['team-5'], services: ['service-00006'] }).total).toBe(0);

    const byBudget = querySlos(rows, { ...defaultSlosQuery(), sort: 'budget', page: 40 });
    // SLOs without a value sort last, whatever the direction of the values
    expect(byBudget.rows.every((row) => row.budgetLeft === undefined)).toBe(true);
    const lowest = querySlos(rows, { ...defaultSlosQuery(), sort: 'budget' }).rows[0];
    expect(lowest.budgetLeft).toBe(-0.1);
    const highest = querySlos(rows, { ...defaultSlosQuery(), sort: 'budget', desc: true }).rows[0];
    expect(highest.budgetLeft).toBe(0.598);
    const lastDesc = querySlos(rows, { ...defaultSlosQuery(), sort: 'budget', desc: true, page: 40 });
    expect(lastDesc.rows.every((row) => row.budgetLeft === undefined)).toBe(true);
  });

  test('a page past the end shows the last page', () => {
    const { rows } = twoThousand();
    expect(querySlos(rows, { ...defaultSlosQuery(), text: 'service-0001', page: 99 })).toMatchObject({ page: 1 });
  });

  test('query round trip through URL parameters; unknown values are dropped', () => {
    const query = {
      ...defaultSlosQuery(),
      text: 'pay',
      services: ['checkout', 'payments'],
      owners: ['ana'],
      teams: ['payments-oncall'],
      statuses: ['burning' as const, 'exhausted' as const],
      sort: 'budget' as const,
      desc: true,
      page: 3,
    };
    const params = slosQueryToParams(query);
    expect(params).toEqual({
      q: 'pay',
      service: 'checkout,payments',
      owner: 'ana',
      team: 'payments-oncall',
      status: 'burning,exhausted',
      sort: 'budget',
      dir: 'desc',
      page: '3',
    });
    expect(slosQueryFromParams(params)).toEqual(query);
    expect(slosQueryFromParams({ status: 'melting,noData', sort: 'color', page: '-2' })).toEqual({
      ...defaultSlosQuery(),
      statuses: ['noData'],
    });
    expect(slosQueryToParams(defaultSlosQuery())).toEqual({
      q: undefined,
      service: undefined,
      owner: undefined,
      team: undefined,
      status: undefined,
      sort: undefined,
      dir: undefined,
      page: undefined,
    });
  });

  test('filter choices are distinct and sorted by name', () => {
    const choices = sloFilterChoices(buildSloRows(baseRegistry()));
    expect(choices).toEqual({
      services: [{ id: 'checkout', name: 'Checkout' }],
      owners: [{ id: 'ana', name: 'Ana Lima' }],
      teams: ['checkout-oncall'],
    });
  });
});
