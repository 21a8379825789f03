import { ServiceLink } from '../model';
import { postmortemLink, postmortemState, postmortemVerdict } from './postmortem';
import { currencyOf, revenueKpi } from './revenue';
import { baseService } from '../testing/builders';
import { Incident } from './types';

const start = Date.UTC(2024, 4, 1, 10, 5);
const incident: Incident = {
  id: 'checkout-availability-20240501-1005',
  sloId: 'checkout-availability',
  serviceId: 'checkout',
  start,
  end: start + 3_600_000,
  alerts: [],
  tiers: ['page-fast'],
};
const link = (title: string, url = 'https://wiki.example.com/pm'): ServiceLink => ({ type: 'postmortem', title, url });

describe('postmortem links', () => {
  test.each([
    ['the id in the title', link('PM CHECKOUT-AVAILABILITY-20240501-1005'), true],
    ['the start date in the URL', link('Outage', 'https://wiki.example.com/pm/2024-05-01-checkout'), true],
    ['another day', link('Outage 2024-05-02'), false],
    ['a date written otherwise', link('Outage 2024/05/01'), false],
    ['a runbook with the date', { type: 'runbook' as const, title: '2024-05-01', url: 'https://x.example.com' }, false],
  ])('%s', (_, candidate, covers) => {
    expect(postmortemLink(incident, [candidate]) !== undefined).toBe(covers);
  });
});

describe('the outage policy', () => {
  test.each([
    ['over 20 %, no link', { ...incident }, 0.21, [], 'missing'],
    ['exactly 20 %', { ...incident }, 0.2, [], 'notRequired'],
    ['over 20 %, linked', { ...incident }, 0.5, [link('2024-05-01')], 'covered'],
    ['over 20 %, still open', { ...incident, end: undefined }, 0.5, [], 'pending'],
    ['budget not measured', { ...incident }, undefined, [], 'unknown'],
  ])('%s', (_, subject, budgetConsumed, links, state) => {
    expect(postmortemState(subject, { budgetConsumed }, links).state).toBe(state);
  });

  it('takes another threshold', () => {
    expect(postmortemState(incident, { budgetConsumed: 0.15 }, [], 0.1).state).toBe('missing');
  });

  it('gives a governance verdict a scorecard can use', () => {
    const assessed = (state: 'missing' | 'covered' | 'unknown' | 'notRequired', id = incident.id) => ({
      ...incident,
      id,
      postmortem: { state },
    });
    expect(postmortemVerdict(undefined)).toMatchObject({ outcome: 'unknown', needs: 'prometheus' });
    expect(postmortemVerdict([assessed('missing', 'a'), assessed('missing', 'b'), assessed('covered')])).toEqual({
      outcome: 'fail',
      evidence: [{ code: 'postmortemsMissing', values: { incidents: 'a, b', count: 2 } }],
    });
    expect(postmortemVerdict([assessed('unknown')]).outcome).toBe('unknown');
    expect(postmortemVerdict([assessed('covered')]).outcome).toBe('pass');
    expect(postmortemVerdict([])).toEqual({ outcome: 'pass', evidence: [{ code: 'noBudgetHeavyIncidents' }] });
  });
});

describe('revenue KPIs', () => {
  it('reads the currency of a Grafana unit', () => {
    expect([currencyOf('currencyUSD'), currencyOf('currencyEUR'), currencyOf('currency'), currencyOf('reqps')]).toEqual(
      ['USD', 'EUR', undefined, undefined]
    );
  });

  const kpi = (id: string, name: string, unit = 'currencyUSD', direction?: 'higher' | 'lower') => ({
    id,
    name,
    query: 'sum(x)',
    unit,
    direction,
  });

  test.each([
    ['per hour in the name', kpi('revenue', 'Revenue per hour'), 3600],
    ['per minute in the id', kpi('revenue-per-minute', 'Revenue'), 60],
    ['per day', kpi('sales', 'Sales per day'), 86_400],
    ['an amount, not a rate', kpi('aov', 'Average order value'), undefined],
    ['not a currency', kpi('orders', 'Orders per hour', 'short'), undefined],
    ['lower is better', kpi('refunds', 'Refunds per hour', 'currencyUSD', 'lower'), undefined],
  ])('%s', (_, candidate, perSeconds) => {
    expect(revenueKpi(baseService({ kpis: [candidate] }))?.perSeconds).toBe(perSeconds);
  });
});
