import { baseRegistry } from '../testing/builders';
import { costSpikeQueries, readCostSpike } from './costSpike';

function settingsWith(billing: ReturnType<typeof baseRegistry>['settings']['billing']) {
  const doc = baseRegistry();
  doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
  doc.settings.billing = billing;
  return doc;
}

describe('costSpikeQueries', () => {
  test('without a billing data source there is nothing to read', () => {
    const doc = settingsWith(undefined);
    expect(costSpikeQueries(doc.settings, doc.services)).toEqual({ kind: 'noBillingDataSource' });
  });

  test('SQL billing cannot be summed by week', () => {
    const doc = settingsWith({ uid: 'sql', kind: 'sql', query: 'SELECT cost FROM bill WHERE $costTags' });
    expect(costSpikeQueries(doc.settings, doc.services)).toEqual({ kind: 'sqlBilling' });
  });

  test('billing on the rules’ Prometheus reads the recorded hourly spend tiles', () => {
    const doc = settingsWith({ uid: 'prom', kind: 'prometheus', query: 'sum(rate(cost{$costTags}[1h])) * 3600' });
    expect(costSpikeQueries(doc.settings, doc.services)).toEqual({
      current: 'sum by (sloth_service) (sum_over_time(service:cloud_spend_usd:increase1h[6d23h59m59s999ms]))',
      baseline:
        'sum by (sloth_service) (sum_over_time(service:cloud_spend_usd:increase1h[27d23h59m59s999ms] offset 7d)) / 4',
    });
  });

  test('billing elsewhere runs the template as an hourly subquery, one term per costed service', () => {
    const doc = settingsWith({ uid: 'cost', kind: 'prometheus', query: 'sum(rate(cost{$costTags}[1h])) * 3600' });
    const queries = costSpikeQueries(doc.settings, doc.services);
    expect(queries).toMatchObject({
      current: expect.stringMatching(/^sum by \(sloth_service\) \(sum_over_time\(\(.+\)\[6d23h59m59s999ms:1h\]\)\)$/),
      baseline: expect.stringMatching(/\[27d23h59m59s999ms:1h\] offset 7d\)\) \/ 4$/),
    });
    expect('current' in queries && queries.current).toContain('cost_center="checkout"');
  });
});

describe('readCostSpike', () => {
  test('a service needs both weeks', () => {
    const costs = readCostSpike(
      new Map([
        ['checkout', 1300],
        ['payments', 500],
      ]),
      new Map([['checkout', 1000]])
    );
    expect(costs).toEqual({ checkout: { current: 1300, baseline: 1000 } });
  });
});
