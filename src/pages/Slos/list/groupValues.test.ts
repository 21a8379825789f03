import { baseSlo } from '../../../domain/testing/builders';
import { groupSummaryQueries, groupValueQueries, readGroupSummaries, readGroupValues } from './groupValues';

const grouped = baseSlo('ratio', { id: 'checkout-tenants', groupBy: ['tenant'] });
const plain = baseSlo('ratio', { id: 'checkout-plain' });
const ok = (samples: Array<[Record<string, string>, number]>) => ({
  ok: true as const,
  samples: samples.map(([labels, value]) => ({ labels, value })),
});

describe('group summaries of the SLO list', () => {
  test('two queries for every grouped SLO at once; none without grouped SLOs', () => {
    expect(groupSummaryQueries([plain])).toEqual([]);
    const other = baseSlo('ratio', { id: 'search-routes', groupBy: ['route'] });
    expect(groupSummaryQueries([grouped, plain, other])).toEqual([
      {
        refId: 'count',
        expr: 'count by (sloth_id) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id=~"checkout-tenants|search-routes"}[2h]))',
      },
      {
        refId: 'worst',
        expr: 'bottomk by (sloth_id) (1, last_over_time(slo:period_error_budget_remaining:ratio{sloth_id=~"checkout-tenants|search-routes"}[2h]))',
      },
    ]);
  });

  test('reads the count and the worst group with its labels', () => {
    const summaries = readGroupSummaries([grouped, plain], {
      count: ok([
        [{ sloth_id: 'checkout-tenants' }, 3],
        [{ sloth_id: 'unknown' }, 2],
      ]),
      worst: ok([[{ sloth_id: 'checkout-tenants', tenant: 'acme', sloth_service: 'checkout' }, -0.2]]),
    });
    expect(summaries).toEqual({
      'checkout-tenants': { count: 3, worst: { labels: { tenant: 'acme' }, budgetLeft: -0.2 } },
    });
  });
});

describe('the groups of an expanded SLO', () => {
  test('four queries, each by sloth_id and the group labels, naming this SLO only', () => {
    const queries = groupValueQueries(grouped);
    expect(queries.map((query) => query.refId)).toEqual(['budget', 'sli', 'burn', 'firing']);
    expect(queries[0].expr).toBe(
      'min by (sloth_id, tenant) (last_over_time(slo:period_error_budget_remaining:ratio{sloth_id="checkout-tenants"}[2h]))'
    );
    for (const { expr } of queries) {
      expect(expr).toContain('by (sloth_id, tenant)');
      expect([...expr.matchAll(/sloth_id=~?"([^"]+)"/g)].every((match) => match[1] === 'checkout-tenants')).toBe(true);
    }
  });

  test('every group with its values and status, the least budget left first, then the fastest burn', () => {
    const id = { sloth_id: 'checkout-tenants' };
    const groups = readGroupValues(grouped, {
      budget: ok([
        [{ ...id, tenant: 'acme' }, 0.9],
        [{ ...id, tenant: 'globex' }, -0.1],
        [{ ...id, tenant: 'initech' }, 0.9],
      ]),
      sli: ok([[{ ...id, tenant: 'globex' }, 0.9985]]),
      burn: ok([
        [{ ...id, tenant: 'acme' }, 0.5],
        [{ ...id, tenant: 'initech' }, 2],
        [{ ...id, tenant: 'hooli' }, NaN],
      ]),
      firing: ok([[{ ...id, tenant: 'globex' }, 2]]),
    });
    expect(groups.map((group) => [group.labels.tenant, group.status, group.firing])).toEqual([
      ['globex', 'exhausted', 2],
      ['initech', 'burning', 0],
      ['acme', 'ok', 0],
      ['hooli', 'noData', 0],
    ]);
    expect(groups[0]).toMatchObject({ budgetLeft: -0.1, sli: 0.9985 });
    expect(groups[3].burnRate).toBeUndefined();
  });

  test('a failed query gives no groups rather than made-up values', () => {
    expect(readGroupValues(grouped, { budget: { ok: false, message: 'down' } })).toEqual([]);
  });
});
