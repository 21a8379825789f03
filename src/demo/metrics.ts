/** All samples of a service at one time: what `/metrics` shows and what the history writes. */
import { conversion } from './behaviour';
import { deploySamples } from './deploys';
import { DemoSample, FAMILY_NAMES } from './families';
import { httpSamples } from './http';
import { COST_RESOURCES } from './services';
import { CYCLE_SECONDS, DEMO_ORIGIN, HOUR, cyclePosition } from './time';
import { timeline } from './timeline';

function costSamples(serviceId: string, t: number): DemoSample[] {
  const { service, curve } = timeline(serviceId);
  const { cycle, offset } = cyclePosition(t);
  const traffic = cycle * CYCLE_SECONDS + curve.integral(offset);
  const elapsed = Math.max(0, t - DEMO_ORIGIN);
  return COST_RESOURCES.map((resource) => {
    const { fixed, perRequestPerSecond } = service.cost[resource];
    const value = (fixed * elapsed + perRequestPerSecond * service.requestsPerSecond * traffic) / HOUR;
    return {
      name: 'cloud_cost_usd_total',
      labels: { service: serviceId, cost_center: service.costCenter, resource },
      value,
    };
  });
}

function businessSamples(serviceId: string, t: number, families: ReadonlySet<string>): DemoSample[] {
  const { service, count } = timeline(serviceId);
  const business = service.business;
  if (!business) {
    return [];
  }
  const labels = { service: serviceId };
  const sessions = count('sessions', () => business.sessionsPerRequest, t);
  const orders = count('orders', (effects) => business.sessionsPerRequest * conversion(service, effects), t);
  return [
    { name: 'business_checkout_sessions_total', labels, value: sessions },
    { name: 'business_orders_total', labels, value: orders },
    { name: 'business_revenue_usd_total', labels, value: orders * business.averageOrderUsd },
  ].filter((sample) => families.has(sample.name.replace(/_total$/, '')));
}

/**
 * Every series of a demo service at `t` (Unix seconds), limited to the given families
 * (see {@link METRIC_FAMILIES}; all by default). Counters are exact integrals: the difference
 * between two calls is the number of events in between.
 */
export function sampleSeries(serviceId: string, t: number, families: readonly string[] = FAMILY_NAMES): DemoSample[] {
  const wanted = new Set(families);
  return [
    ...httpSamples(serviceId, t, wanted),
    ...deploySamples(serviceId, t, wanted),
    ...(wanted.has('cloud_cost_usd') ? costSamples(serviceId, t) : []),
    ...businessSamples(serviceId, t, wanted),
  ];
}
