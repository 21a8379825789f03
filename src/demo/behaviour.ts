/**
 * How a route behaves given the incident effects active on its service: its 5xx share, its
 * latency distribution and, for checkout, its conversion. Pure functions of the effects.
 */
import { Effect } from './incidents';
import { DemoRoute, DemoService } from './services';

/** Status codes of a route: ok, its client error, and two server errors. */
export interface CodeShares {
  code: string;
  share: number;
}

const SERVER_ERROR_SPLIT = [
  { code: '500', share: 0.7 },
  { code: '503', share: 0.3 },
];

function affects(effect: Effect, route: DemoRoute): boolean {
  return !effect.routes || effect.routes.includes(route.path);
}

/** Share of the route's requests answered 5xx. */
export function serverErrorRatio(route: DemoRoute, effects: Effect[]): number {
  return effects
    .filter((effect) => affects(effect, route) && effect.errorRatio !== undefined)
    .reduce((ratio, effect) => Math.max(ratio, effect.errorRatio ?? 0), route.errorRatio);
}

/** Share of the route's requests per status code; the shares add up to 1. */
export function codeShares(route: DemoRoute, effects: Effect[]): CodeShares[] {
  const errors = serverErrorRatio(route, effects);
  return [
    { code: '200', share: (1 - errors) * (1 - route.clientErrorRatio) },
    { code: route.clientErrorCode, share: (1 - errors) * route.clientErrorRatio },
    ...SERVER_ERROR_SPLIT.map((split) => ({ code: split.code, share: errors * split.share })),
  ];
}

/** Median latency of the route in seconds. */
export function medianLatency(route: DemoRoute, effects: Effect[]): number {
  return effects
    .filter((effect) => affects(effect, route))
    .reduce((median, effect) => median * (effect.latencyFactor ?? 1), route.medianLatency);
}

/** Share of the route's requests that take at most `bound` seconds. */
export function latencyShareBelow(route: DemoRoute, effects: Effect[], bound: number): number {
  if (bound === Infinity) {
    return 1;
  }
  return normalCdf(Math.log(bound / medianLatency(route, effects)) / route.latencySpread);
}

/** Mean latency of the route in seconds (log-normal mean). */
export function meanLatency(route: DemoRoute, effects: Effect[]): number {
  return medianLatency(route, effects) * Math.exp((route.latencySpread * route.latencySpread) / 2);
}

/** Checkout sessions that become orders, incidents included. */
export function conversion(service: DemoService, effects: Effect[]): number {
  const base = service.business?.conversion ?? 0;
  return effects.reduce((value, effect) => value * (effect.conversionFactor ?? 1), base);
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
