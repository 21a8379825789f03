import { installFakeBackend, on } from '../testing/fakeBackend';
import { fetchBucketBounds, fetchLabelNames, fetchLabelValues, fetchMetricNames, parseBucketBounds } from './resources';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const END = NOW / 1000;
const BASE = '/api/datasources/uid/prom%201/resources/api/v1';

describe('Prometheus look-ups through the data source resource API', () => {
  test('metric names: GET label/__name__/values with the last day as start and end', async () => {
    const backend = installFakeBackend([
      on('GET', `${BASE}/label/__name__/values`, {
        status: 200,
        body: { status: 'success', data: ['up', 'http_requests_total'] },
      }),
    ]);
    const result = await fetchMetricNames('prom 1', undefined, NOW);
    expect(result).toMatchObject({ ok: true, value: ['up', 'http_requests_total'] });
    expect(backend.requests).toEqual([
      {
        method: 'GET',
        url: `${BASE}/label/__name__/values`,
        params: { start: END - 86400, end: END },
        headers: {},
        data: undefined,
      },
    ]);
  });

  test('label names and values carry the series selector as match[]', async () => {
    const backend = installFakeBackend([
      on('GET', `${BASE}/labels`, { status: 200, body: { status: 'success', data: ['__name__', 'code', 'service'] } }),
      on('GET', `${BASE}/label/service/values`, { status: 200, body: { status: 'success', data: ['checkout'] } }),
    ]);
    expect(await fetchLabelNames('prom 1', 'http_requests_total', NOW)).toMatchObject({
      value: ['__name__', 'code', 'service'],
    });
    expect(await fetchLabelValues('prom 1', 'service', 'http_requests_total', NOW)).toMatchObject({
      value: ['checkout'],
    });
    expect(backend.requests.map((request) => request.params)).toEqual([
      { start: END - 86400, end: END, 'match[]': 'http_requests_total' },
      { start: END - 86400, end: END, 'match[]': 'http_requests_total' },
    ]);
  });

  test('bucket bounds are the real le values of the _bucket series, numeric and sorted', async () => {
    const backend = installFakeBackend([
      on('GET', `${BASE}/label/le/values`, {
        status: 200,
        body: { status: 'success', data: ['0.5', '+Inf', '0.1', '1.0', '1', '2.5'] },
      }),
    ]);
    const result = await fetchBucketBounds('prom 1', 'http_request_duration_seconds{service="checkout"}', NOW);
    expect(result).toMatchObject({ ok: true, value: [0.1, 0.5, 1, 2.5] });
    expect(backend.requests[0].params['match[]']).toBe('http_request_duration_seconds_bucket{service="checkout"}');
  });

  test('a failed look-up reports Prometheus error text and the status', async () => {
    installFakeBackend([
      on('GET', `${BASE}/labels`, { status: 400, body: { status: 'error', error: 'parse error: unexpected "}"' } }),
    ]);
    expect(await fetchLabelNames('prom 1', 'up{', NOW)).toEqual({
      ok: false,
      status: 400,
      message: 'parse error: unexpected "}"',
    });
  });

  test('parseBucketBounds drops +Inf, blanks and duplicates', () => {
    expect(parseBucketBounds(['+Inf', '', '0.25', '0.25', 'x', '10'])).toEqual([0.25, 10]);
  });
});
