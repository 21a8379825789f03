/** The metric families the demo workload exposes, with their Prometheus metadata. */

export type FamilyType = 'counter' | 'gauge' | 'histogram';

export interface MetricFamily {
  /** Family name as in OpenMetrics: without `_total` for counters, without `_bucket` for histograms. */
  name: string;
  type: FamilyType;
  help: string;
  /** Label names of its series (`le` of histograms not included). */
  labels: string[];
}

/** Upper bounds of the latency histogram buckets in seconds; `+Inf` is added on output. */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.3, 0.5, 1, 2.5];

const POD_LABELS = ['namespace', 'pod', 'container', 'service'];

export const METRIC_FAMILIES: readonly MetricFamily[] = [
  { name: 'http_requests', type: 'counter', help: 'HTTP requests served.', labels: ['service', 'route', 'code'] },
  {
    name: 'http_request_duration_seconds',
    type: 'histogram',
    help: 'HTTP request latency.',
    labels: ['service', 'route'],
  },
  { name: 'deploys', type: 'counter', help: 'Deploys of the service.', labels: ['service'] },
  { name: 'deploy_info', type: 'gauge', help: 'Version running now (always 1).', labels: ['service', 'version'] },
  {
    name: 'cloud_cost_usd',
    type: 'counter',
    help: 'Cloud spend allocated to the service, in US dollars.',
    labels: ['service', 'cost_center', 'resource'],
  },
  { name: 'business_orders', type: 'counter', help: 'Orders placed.', labels: ['service'] },
  {
    name: 'business_revenue_usd',
    type: 'counter',
    help: 'Revenue of the orders placed, in US dollars.',
    labels: ['service'],
  },
  { name: 'business_checkout_sessions', type: 'counter', help: 'Checkout sessions started.', labels: ['service'] },
  { name: 'container_cpu_usage_seconds', type: 'counter', help: 'CPU time used by the container.', labels: POD_LABELS },
  {
    name: 'container_memory_working_set_bytes',
    type: 'gauge',
    help: 'Working set of the container.',
    labels: POD_LABELS,
  },
  {
    name: 'kube_pod_container_status_restarts',
    type: 'counter',
    help: 'Restarts of the container.',
    labels: POD_LABELS,
  },
];

/** Names of all families. */
export const FAMILY_NAMES = METRIC_FAMILIES.map((family) => family.name);

/** One sample: a series (metric name as exposed, e.g. `http_requests_total`, and labels) and its value. */
export interface DemoSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The family a sample name belongs to (`http_requests_total` → `http_requests`). */
export function familyOf(sampleName: string): MetricFamily | undefined {
  return METRIC_FAMILIES.find((family) => {
    const suffixes =
      family.type === 'counter' ? ['_total'] : family.type === 'histogram' ? ['_bucket', '_count', '_sum'] : [''];
    return suffixes.some((suffix) => sampleName === family.name + suffix);
  });
}
