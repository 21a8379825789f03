/**
 * Answers the sandbox needs without Prometheus: exact counts of the model between two times.
 * They are what `increase(...)` over the same range would return, without extrapolation.
 */
import { codeShares } from './behaviour';
import { fastRequestCount, requestCount, routeRequestCount } from './http';
import { DEMO_INCIDENTS, DemoIncident } from './incidents';
import { DemoRoute, demoService } from './services';
import { DAY, MINUTE, cyclePosition, cycleTime } from './time';

function routesOf(serviceId: string, route?: string): DemoRoute[] {
  return demoService(serviceId).routes.filter((candidate) => route === undefined || candidate.path === route);
}

/** Requests of a service (or one of its routes) in `(from, to]`. */
export function requestsBetween(serviceId: string, from: number, to: number, route?: string): number {
  return routesOf(serviceId, route).reduce(
    (sum, candidate) =>
      sum + routeRequestCount(serviceId, candidate, to) - routeRequestCount(serviceId, candidate, from),
    0
  );
}

/** Share of a service's (or route's) requests answered 5xx in `(from, to]`. */
export function errorRatio(serviceId: string, from: number, to: number, route?: string): number {
  let errors = 0;
  for (const candidate of routesOf(serviceId, route)) {
    for (const { code } of codeShares(candidate, []).filter((entry) => entry.code.startsWith('5'))) {
      errors += requestCount(serviceId, candidate, code, to) - requestCount(serviceId, candidate, code, from);
    }
  }
  const total = requestsBetween(serviceId, from, to, route);
  return total > 0 ? errors / total : 0;
}

/** Share of a service's requests in `(from, to]` that took at most `threshold` seconds (a bucket bound). */
export function latencyGoodRatio(serviceId: string, threshold: number, from: number, to: number): number {
  const fast = routesOf(serviceId).reduce(
    (sum, route) =>
      sum + fastRequestCount(serviceId, route, threshold, to) - fastRequestCount(serviceId, route, threshold, from),
    0
  );
  const total = requestsBetween(serviceId, from, to);
  return total > 0 ? fast / total : 1;
}

/** One occurrence of a scripted incident. */
export interface IncidentOccurrence {
  incident: DemoIncident;
  /** Unix seconds. */
  start: number;
  end: number;
}

/** Scripted incidents overlapping `[from, to]`, oldest first. */
export function incidentsBetween(from: number, to: number): IncidentOccurrence[] {
  const occurrences: IncidentOccurrence[] = [];
  for (let cycle = cyclePosition(from).cycle - 1; cycle <= cyclePosition(to).cycle; cycle++) {
    for (const incident of DEMO_INCIDENTS) {
      const start = cycleTime(cycle, incident.startDay * DAY);
      const end = start + incident.durationMinutes * MINUTE;
      if (end >= from && start <= to) {
        occurrences.push({ incident, start, end });
      }
    }
  }
  return occurrences.sort((a, b) => a.start - b.start);
}
