import { DemoSample, METRIC_FAMILIES } from './families';
import { DEMO_INCIDENTS } from './incidents';
import { sampleSeries } from './metrics';
import { errorRatio, incidentsBetween, latencyGoodRatio, requestsBetween } from './queries';
import { DEMO_SERVICE_IDS } from './services';
import { DAY, DEMO_ORIGIN } from './time';

const T = Date.UTC(2026, 10, 20, 12) / 1000;

function byKey(samples: DemoSample[]): Map<string, number> {
  return new Map(samples.map((sample) => [`${sample.name}${JSON.stringify(sample.labels)}`, sample.value]));
}

function occurrence(id: string) {
  const found = incidentsBetween(T - 28 * DAY, T).find((candidate) => candidate.incident.id === id);
  if (!found) {
    throw new Error(`no ${id} before ${T}`);
  }
  return found;
}

describe('sampleSeries', () => {
  it.each(DEMO_SERVICE_IDS)('gives %s the same values for the same time', (serviceId) => {
    expect(sampleSeries(serviceId, T)).toEqual(sampleSeries(serviceId, T));
  });

  it.each(DEMO_SERVICE_IDS)('never lets a counter of %s go down while its pods live', (serviceId) => {
    const counterNames = METRIC_FAMILIES.filter((family) => family.type !== 'gauge').map((family) => family.name);
    const before = byKey(sampleSeries(serviceId, T, counterNames));
    const after = byKey(sampleSeries(serviceId, T + 15, counterNames));
    for (const [key, value] of after) {
      if (before.has(key)) {
        expect(value).toBeGreaterThanOrEqual(before.get(key)!);
      }
    }
  });

  it('counts the events between two times as the difference of the counters', () => {
    const requests = (t: number) =>
      sampleSeries('search', t, ['http_requests']).reduce((sum, sample) => sum + sample.value, 0);
    const [a, b, c] = [T, T + 3_700, T + 9_000];
    expect(requests(c) - requests(a)).toBeCloseTo(requests(b) - requests(a) + (requests(c) - requests(b)), 3);
    expect(requests(c) - requests(a)).toBeCloseTo(requestsBetween('search', a, c), 0);
    // about 90 requests per second, between 0.3x and 1.6x over a day
    expect(requestsBetween('search', a, a + DAY) / DAY).toBeGreaterThan(70);
    expect(requestsBetween('search', a, a + DAY) / DAY).toBeLessThan(110);
  });

  it('keeps histogram buckets cumulative, with +Inf equal to the count', () => {
    const samples = sampleSeries('checkout', T, ['http_request_duration_seconds']);
    const buckets = samples.filter((sample) => sample.name.endsWith('_bucket') && sample.labels.route === '/cart');
    const values = buckets.map((sample) => sample.value);
    expect(values).toEqual([...values].sort((x, y) => x - y));
    const count = samples.find((sample) => sample.name.endsWith('_count') && sample.labels.route === '/cart');
    expect(buckets[buckets.length - 1]).toMatchObject({ labels: { le: '+Inf' }, value: count?.value });
  });

  it('starts counters at zero at the origin', () => {
    const samples = sampleSeries('catalog', DEMO_ORIGIN, ['http_requests', 'business_orders', 'cloud_cost_usd']);
    expect(samples.every((sample) => sample.value === 0)).toBe(true);
  });

  it('only gives checkout business counters', () => {
    const names = (serviceId: string) => new Set(sampleSeries(serviceId, T).map((sample) => sample.name));
    expect(names('checkout').has('business_orders_total')).toBe(true);
    expect(names('payments').has('business_orders_total')).toBe(false);
  });
});

describe('scripted incidents', () => {
  it('burns the payments error budget during the processor errors', () => {
    const { start, end } = occurrence('payments-processor-errors');
    expect(errorRatio('payments', start, end)).toBeGreaterThan(0.05);
    expect(errorRatio('checkout', start, end, '/checkout/pay')).toBeGreaterThan(0.05);
    expect(errorRatio('payments', start - DAY, start)).toBeLessThan(0.005);
  });

  it('slows search down during the latency regression', () => {
    const { start, end } = occurrence('search-latency-regression');
    expect(latencyGoodRatio('search', 0.3, start, end)).toBeLessThan(0.99);
    expect(latencyGoodRatio('search', 0.3, start - DAY, start)).toBeGreaterThan(0.995);
  });

  it('lowers conversion while payments fail', () => {
    const { start, end } = occurrence('payments-processor-errors');
    const conversion = (from: number, to: number) => {
      const [a, b] = [sampleSeries('checkout', from), sampleSeries('checkout', to)].map(byKey);
      const delta = (name: string) => b.get(`${name}{"service":"checkout"}`)! - a.get(`${name}{"service":"checkout"}`)!;
      return delta('business_orders_total') / delta('business_checkout_sessions_total');
    };
    expect(conversion(start, end)).toBeCloseTo(0.32 * 0.72, 3);
    expect(conversion(start - DAY, start - DAY / 2)).toBeCloseTo(0.32, 3);
  });

  it('has every incident within any 28 days', () => {
    const ids = new Set(incidentsBetween(T - 28 * DAY, T).map((found) => found.incident.id));
    expect(ids).toEqual(new Set(DEMO_INCIDENTS.map((incident) => incident.id)));
  });
});
