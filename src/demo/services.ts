/**
 * The four demo services, as data. Rates are averages over a day; the traffic curve moves them
 * between about 0.3× at night and 1.6× at the evening peak.
 */

export interface DemoRoute {
  /** Route template, the `route` label. */
  path: string;
  method: string;
  /** Share of the service's requests. The shares of a service add up to 1. */
  share: number;
  /** Share of requests answered 5xx outside incidents. */
  errorRatio: number;
  /** The 4xx code this route answers (404 for lookups, 400 or 422 for bad input). */
  clientErrorCode: string;
  clientErrorRatio: number;
  /** Median latency in seconds; latencies are log-normal. */
  medianLatency: number;
  /** Standard deviation of the natural log of the latency. */
  latencySpread: number;
}

/** Cloud spend in USD per hour: `fixed` plus `perRequestPerSecond` times the request rate. */
export interface DemoCost {
  fixed: number;
  perRequestPerSecond: number;
}

export const COST_RESOURCES = ['compute', 'storage', 'network'] as const;
export type CostResource = (typeof COST_RESOURCES)[number];

/** Business counters, kept by the service that takes the orders. */
export interface DemoBusiness {
  /** Checkout sessions started per request. */
  sessionsPerRequest: number;
  /** Share of sessions that become orders outside incidents. */
  conversion: number;
  averageOrderUsd: number;
}

export interface DemoService {
  id: string;
  name: string;
  /** Kubernetes namespace of the pods. */
  namespace: string;
  /** `cost_center` label of the cost metrics. */
  costCenter: string;
  requestsPerSecond: number;
  routes: DemoRoute[];
  replicas: number;
  /** CPU cores a pod uses when idle, and per request per second it serves. */
  cpuIdleCores: number;
  cpuCoresPerRequestPerSecond: number;
  memoryBytes: number;
  /** Regular deploys per four weeks, on weekdays in office hours. */
  deploysPerCycle: number;
  cost: Record<CostResource, DemoCost>;
  business?: DemoBusiness;
}

const MIB = 1024 * 1024;

function route(path: string, method: string, share: number, extra: Partial<DemoRoute> = {}): DemoRoute {
  return {
    path,
    method,
    share,
    errorRatio: 0.00025,
    clientErrorCode: '400',
    clientErrorRatio: 0.01,
    medianLatency: 0.08,
    latencySpread: 0.45,
    ...extra,
  };
}

export const DEMO_SERVICES: readonly DemoService[] = [
  {
    id: 'checkout',
    name: 'Checkout',
    namespace: 'shop',
    costCenter: 'checkout',
    requestsPerSecond: 40,
    routes: [
      route('/cart', 'GET', 0.5, { clientErrorCode: '404', medianLatency: 0.05 }),
      route('/checkout', 'POST', 0.3, { clientErrorCode: '422', clientErrorRatio: 0.02, medianLatency: 0.11 }),
      route('/checkout/pay', 'POST', 0.2, { medianLatency: 0.16, errorRatio: 0.0006 }),
    ],
    replicas: 3,
    cpuIdleCores: 0.05,
    cpuCoresPerRequestPerSecond: 0.01,
    memoryBytes: 380 * MIB,
    deploysPerCycle: 9,
    cost: {
      compute: { fixed: 1.2, perRequestPerSecond: 0.02 },
      storage: { fixed: 0.35, perRequestPerSecond: 0 },
      network: { fixed: 0.05, perRequestPerSecond: 0.004 },
    },
    business: { sessionsPerRequest: 0.05, conversion: 0.32, averageOrderUsd: 64 },
  },
  {
    id: 'payments',
    name: 'Payments',
    namespace: 'shop',
    costCenter: 'payments',
    requestsPerSecond: 18,
    routes: [
      route('/authorize', 'POST', 0.6, { medianLatency: 0.14, errorRatio: 0.0003 }),
      route('/capture', 'POST', 0.3, { medianLatency: 0.1, errorRatio: 0.0003 }),
      route('/refund', 'POST', 0.1, { clientErrorCode: '409', medianLatency: 0.12 }),
    ],
    replicas: 2,
    cpuIdleCores: 0.04,
    cpuCoresPerRequestPerSecond: 0.012,
    memoryBytes: 260 * MIB,
    deploysPerCycle: 5,
    cost: {
      compute: { fixed: 0.8, perRequestPerSecond: 0.02 },
      storage: { fixed: 0.6, perRequestPerSecond: 0 },
      network: { fixed: 0.03, perRequestPerSecond: 0.006 },
    },
  },
  {
    id: 'search',
    name: 'Search',
    namespace: 'discovery',
    costCenter: 'discovery',
    requestsPerSecond: 90,
    routes: [
      route('/search', 'GET', 0.65, { medianLatency: 0.07, latencySpread: 0.5 }),
      route('/suggest', 'GET', 0.3, { medianLatency: 0.025, latencySpread: 0.4 }),
      route('/search/filters', 'GET', 0.05, { medianLatency: 0.04 }),
    ],
    replicas: 4,
    cpuIdleCores: 0.08,
    cpuCoresPerRequestPerSecond: 0.006,
    memoryBytes: 900 * MIB,
    deploysPerCycle: 8,
    cost: {
      compute: { fixed: 2.4, perRequestPerSecond: 0.015 },
      storage: { fixed: 1.1, perRequestPerSecond: 0 },
      network: { fixed: 0.1, perRequestPerSecond: 0.002 },
    },
  },
  {
    id: 'catalog',
    name: 'Catalog',
    namespace: 'discovery',
    costCenter: 'discovery',
    requestsPerSecond: 120,
    routes: [
      route('/products', 'GET', 0.3, { medianLatency: 0.06 }),
      route('/products/:id', 'GET', 0.6, { clientErrorCode: '404', clientErrorRatio: 0.03, medianLatency: 0.03 }),
      route('/categories', 'GET', 0.1, { medianLatency: 0.02 }),
    ],
    replicas: 3,
    cpuIdleCores: 0.05,
    cpuCoresPerRequestPerSecond: 0.003,
    memoryBytes: 520 * MIB,
    deploysPerCycle: 6,
    cost: {
      compute: { fixed: 1.5, perRequestPerSecond: 0.008 },
      storage: { fixed: 0.9, perRequestPerSecond: 0 },
      network: { fixed: 0.06, perRequestPerSecond: 0.001 },
    },
  },
];

/** Ids of the demo services. */
export const DEMO_SERVICE_IDS = DEMO_SERVICES.map((service) => service.id);

/** The demo service with this id; throws for an unknown id (a programming error). */
export function demoService(serviceId: string): DemoService {
  const service = DEMO_SERVICES.find((candidate) => candidate.id === serviceId);
  if (!service) {
    throw new Error(`unknown demo service "${serviceId}"`);
  }
  return service;
}
