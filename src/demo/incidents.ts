/**
 * Scripted trouble, as data: incidents at fixed places in the four-week cycle, the deploys that
 * go with them, and small seeded error blips so that quiet days are not flat lines.
 */
import { seededRandom } from './noise';
import { DEMO_SERVICES } from './services';
import { CYCLE_DAYS, DAY, HOUR, MINUTE } from './time';

/** How an incident changes one service while it lasts. */
export interface Effect {
  service: string;
  /** Routes affected; all routes when absent. */
  routes?: string[];
  /** Share of 5xx answers on the affected routes (the larger of this and the normal share wins). */
  errorRatio?: number;
  /** Multiplies the median latency of the affected routes. */
  latencyFactor?: number;
  /** Multiplies the share of checkout sessions that become orders. */
  conversionFactor?: number;
  /** Container restarts spread over the incident, one pod after the other. */
  restarts?: number;
}

export interface DemoIncident {
  id: string;
  title: string;
  /** Start, in days from the cycle start (Monday 00:00 UTC); 4.6 is Friday 14:24. */
  startDay: number;
  durationMinutes: number;
  effects: Effect[];
  /** Deploys that caused or ended the incident, in minutes from its start. */
  deploys?: Array<{ service: string; atMinute: number }>;
}

export const DEMO_INCIDENTS: readonly DemoIncident[] = [
  {
    id: 'payments-processor-errors',
    title: 'Card processor rejects payments',
    startDay: 4.6,
    durationMinutes: 110,
    effects: [
      { service: 'payments', routes: ['/authorize'], errorRatio: 0.14 },
      { service: 'payments', routes: ['/capture'], errorRatio: 0.05 },
      { service: 'checkout', routes: ['/checkout/pay'], errorRatio: 0.09, conversionFactor: 0.72 },
    ],
  },
  {
    id: 'search-latency-regression',
    title: 'Search release doubles query latency; rolled back',
    startDay: 10.45,
    durationMinutes: 7 * 60,
    effects: [{ service: 'search', routes: ['/search'], latencyFactor: 2.1 }],
    deploys: [
      { service: 'search', atMinute: 0 },
      { service: 'search', atMinute: 7 * 60 },
    ],
  },
  {
    id: 'catalog-database-failover',
    title: 'Catalog database failover',
    startDay: 17.15,
    durationMinutes: 22,
    effects: [
      { service: 'catalog', errorRatio: 0.3, latencyFactor: 1.6, restarts: 4 },
      { service: 'search', routes: ['/search/filters'], errorRatio: 0.2 },
      { service: 'checkout', routes: ['/cart'], errorRatio: 0.01 },
    ],
  },
  {
    id: 'checkout-slow-burn',
    title: 'Checkout rejects some addresses after a config change',
    startDay: 22.4,
    durationMinutes: 36 * 60,
    effects: [{ service: 'checkout', routes: ['/checkout'], errorRatio: 0.012, conversionFactor: 0.97 }],
    deploys: [{ service: 'checkout', atMinute: 0 }],
  },
  {
    id: 'payments-bad-rollout',
    title: 'Payments rollout with a missing secret',
    startDay: 25.45,
    durationMinutes: 12,
    effects: [{ service: 'payments', errorRatio: 0.06, restarts: 2 }],
    deploys: [{ service: 'payments', atMinute: 0 }],
  },
];

/** A time window inside the cycle (seconds from its start) with the effect active in it. */
export interface EffectWindow {
  start: number;
  end: number;
  effect: Effect;
}

/** Incident effects and error blips of one service, in cycle seconds. */
export function effectWindows(serviceId: string): EffectWindow[] {
  const windows: EffectWindow[] = [];
  for (const incident of DEMO_INCIDENTS) {
    const start = incident.startDay * DAY;
    for (const effect of incident.effects.filter((candidate) => candidate.service === serviceId)) {
      windows.push({ start, end: start + incident.durationMinutes * MINUTE, effect });
    }
  }
  return [...windows, ...errorBlips(serviceId)];
}

const BLIPS_PER_CYCLE = 24;

/** Short seeded bursts of errors on one route: a few minutes at 0.5–3% errors. */
function errorBlips(serviceId: string): EffectWindow[] {
  const service = DEMO_SERVICES.find((candidate) => candidate.id === serviceId);
  if (!service) {
    return [];
  }
  const random = seededRandom(`blips|${serviceId}`);
  return Array.from({ length: BLIPS_PER_CYCLE }, () => {
    const start = Math.floor(random() * (CYCLE_DAYS * DAY - HOUR));
    const route = service.routes[Math.floor(random() * service.routes.length)].path;
    const end = start + (3 + Math.floor(random() * 12)) * MINUTE;
    return { start, end, effect: { service: serviceId, routes: [route], errorRatio: 0.005 + random() * 0.025 } };
  });
}

/** Deploy times of one service inside the cycle (seconds from its start), sorted. */
export function deployOffsets(serviceId: string): number[] {
  const service = DEMO_SERVICES.find((candidate) => candidate.id === serviceId);
  const scripted = DEMO_INCIDENTS.flatMap((incident) =>
    (incident.deploys ?? [])
      .filter((deploy) => deploy.service === serviceId)
      .map((deploy) => incident.startDay * DAY + deploy.atMinute * MINUTE)
  );
  const random = seededRandom(`deploys|${serviceId}`);
  const regular = Array.from({ length: service?.deploysPerCycle ?? 0 }, () => {
    const week = Math.floor(random() * (CYCLE_DAYS / 7));
    const weekday = Math.floor(random() * 5);
    const minute = 9 * 60 + Math.floor(random() * 8 * 60);
    return (week * 7 + weekday) * DAY + minute * MINUTE;
  });
  return [...new Set([...scripted, ...regular])].sort((a, b) => a - b);
}
