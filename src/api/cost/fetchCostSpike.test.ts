import { baseRegistry } from '../../domain/testing/builders';
import { installFakeDataSources } from '../testing/fakeDataSource';
import { fetchCostSpike } from './fetchCostSpike';

function registry() {
  const doc = baseRegistry();
  doc.settings.prometheus = { uid: 'prom', type: 'prometheus' };
  doc.settings.billing = { uid: 'prom', type: 'prometheus', kind: 'prometheus', query: 'sum(cost{$costTags})' };
  return doc;
}

describe('fetchCostSpike', () => {
  test('reads this week and the weekly baseline of every service in one request', async () => {
    const fake = installFakeDataSources((expr) =>
      expr.includes('offset 7d')
        ? [
            { labels: { sloth_service: 'checkout' }, value: 1000 },
            { labels: { sloth_service: 'payments' }, value: 400 },
          ]
        : [
            { labels: { sloth_service: 'checkout' }, value: 1400 },
            { labels: { sloth_service: 'payments' }, value: 410 },
          ]
    );
    expect(await fetchCostSpike(registry())).toEqual({
      costs: { checkout: { current: 1400, baseline: 1000 }, payments: { current: 410, baseline: 400 } },
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].uid).toBe('prom');
  });

  test('a failing billing data source makes cost unknown with its message', async () => {
    installFakeDataSources(() => ({ error: 'bad gateway' }));
    expect(await fetchCostSpike(registry())).toEqual({ costUnknown: { kind: 'queryFailed', message: 'bad gateway' } });
  });

  test('without a billing data source nothing is queried', async () => {
    const fake = installFakeDataSources(() => []);
    const doc = registry();
    doc.settings.billing = undefined;
    expect(await fetchCostSpike(doc)).toEqual({ costUnknown: { kind: 'noBillingDataSource' } });
    expect(fake.requests).toHaveLength(0);
  });
});
