import { installFakeDataSources } from '../testing/fakeDataSource';
import { instantTarget, runInstantQueries } from './instantQuery';

describe('instant queries through the data source', () => {
  test('sends one request with instant Prometheus targets and reads series by refId', async () => {
    const fake = installFakeDataSources((expr) =>
      expr === 'up' ? [{ labels: { job: 'a' }, value: 1 }] : { error: 'bad query' }
    );
    const results = await runInstantQueries({ uid: 'prom', type: 'prometheus' }, [
      { refId: 'A', expr: 'up' },
      { refId: 'B', expr: 'nope(' },
    ]);
    expect(results).toEqual({
      A: { ok: true, samples: [{ labels: { job: 'a' }, value: 1 }] },
      B: { ok: false, message: 'bad query' },
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].request.targets).toEqual([
      { refId: 'A', expr: 'up', instant: true, range: false, datasource: { uid: 'prom', type: 'prometheus' } },
      { refId: 'B', expr: 'nope(', instant: true, range: false, datasource: { uid: 'prom', type: 'prometheus' } },
    ]);
  });

  test('Loki targets ask for an instant query by query type', () => {
    expect(instantTarget({ uid: 'logs', type: 'loki' }, { refId: 'A', expr: 'count_over_time({a="b"}[5m])' })).toEqual({
      refId: 'A',
      expr: 'count_over_time({a="b"}[5m])',
      queryType: 'instant',
      datasource: { uid: 'logs', type: 'loki' },
    });
  });
});
