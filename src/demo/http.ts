/** Request counters and latency histograms of a service, read from its timeline. */
import { codeShares, latencyShareBelow, meanLatency } from './behaviour';
import { DemoSample, LATENCY_BUCKETS } from './families';
import { Effect } from './incidents';
import { DemoRoute } from './services';
import { timeline } from './timeline';

/** Requests of one route and status code since the origin, up to `t`. */
export function requestCount(serviceId: string, route: DemoRoute, code: string, t: number): number {
  const weight = (effects: Effect[]) =>
    route.share * (codeShares(route, effects).find((entry) => entry.code === code)?.share ?? 0);
  return timeline(serviceId).count(`requests|${route.path}|${code}`, weight, t);
}

/** Requests of one route since the origin, up to `t`. */
export function routeRequestCount(serviceId: string, route: DemoRoute, t: number): number {
  return timeline(serviceId).count(`requests|${route.path}`, () => route.share, t);
}

/** Requests of one route taking at most `bound` seconds, since the origin up to `t`. */
export function fastRequestCount(serviceId: string, route: DemoRoute, bound: number, t: number): number {
  if (bound === Infinity) {
    return routeRequestCount(serviceId, route, t);
  }
  const weight = (effects: Effect[]) => route.share * latencyShareBelow(route, effects, bound);
  return timeline(serviceId).count(`latency|${route.path}|${bound}`, weight, t);
}

/** `http_requests_total` and the `http_request_duration_seconds` histogram of a service at `t`. */
export function httpSamples(serviceId: string, t: number, families: ReadonlySet<string>): DemoSample[] {
  const { service } = timeline(serviceId);
  const samples: DemoSample[] = [];
  for (const route of service.routes) {
    const base = { service: serviceId, route: route.path };
    if (families.has('http_requests')) {
      for (const { code } of codeShares(route, [])) {
        samples.push({
          name: 'http_requests_total',
          labels: { ...base, code },
          value: requestCount(serviceId, route, code, t),
        });
      }
    }
    if (families.has('http_request_duration_seconds')) {
      for (const bound of [...LATENCY_BUCKETS, Infinity]) {
        const le = bound === Infinity ? '+Inf' : String(bound);
        samples.push({
          name: 'http_request_duration_seconds_bucket',
          labels: { ...base, le },
          value: fastRequestCount(serviceId, route, bound, t),
        });
      }
      const sumWeight = (effects: Effect[]) => route.share * meanLatency(route, effects);
      samples.push({
        name: 'http_request_duration_seconds_sum',
        labels: base,
        value: timeline(serviceId).count(`latency-sum|${route.path}`, sumWeight, t),
      });
      samples.push({
        name: 'http_request_duration_seconds_count',
        labels: base,
        value: routeRequestCount(serviceId, route, t),
      });
    }
  }
  return samples;
}
