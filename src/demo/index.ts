/**
 * The demo workload: four services (checkout, payments, search, catalog) whose telemetry is a
 * pure, deterministic function of (service, time). The live workload, the history writer and the
 * in-browser sandbox all read it, so they agree to the request. No Node or browser APIs here.
 *
 * Metrics (labels in braces):
 * - `http_requests_total{service,route,code}` counter; codes 200, the route's 4xx, 500, 503.
 * - `http_request_duration_seconds_bucket{service,route,le}`, `_sum`, `_count`; `le` in
 *   0.05, 0.1, 0.25, 0.3, 0.5, 1, 2.5, +Inf.
 * - `deploys_total{service}` counter and `deploy_info{service,version}` gauge (1 for the running
 *   version).
 * - `cloud_cost_usd_total{service,cost_center,resource}` counter, resource compute|storage|network.
 * - `business_checkout_sessions_total{service}`, `business_orders_total{service}`,
 *   `business_revenue_usd_total{service}` counters (checkout only).
 * - `container_cpu_usage_seconds_total`, `container_memory_working_set_bytes`,
 *   `kube_pod_container_status_restarts_total`, all `{namespace,pod,container,service}`; pods are
 *   renamed on every deploy.
 *
 * Logs: Loki streams `{service, level}` (level info|warn|error), logfmt lines with `route`,
 * `method`, `status`, `duration` (seconds) and `trace_id`; one line per 20 requests.
 *
 * Behaviour repeats every 28 days (see `DEMO_INCIDENTS`): a payments error burst, a search
 * latency regression after a deploy, a catalog database failover and a two-day checkout slow burn.
 */
export { DEMO_SERVICES, DEMO_SERVICE_IDS } from './services';
export type { DemoService, DemoRoute } from './services';
export { DEMO_INCIDENTS } from './incidents';
export type { DemoIncident, Effect } from './incidents';
export { CYCLE_SECONDS, DEMO_ORIGIN } from './time';
export { METRIC_FAMILIES, FAMILY_NAMES, LATENCY_BUCKETS } from './families';
export type { DemoSample, MetricFamily } from './families';
export { sampleSeries } from './metrics';
export { requestsBetween, errorRatio, latencyGoodRatio, incidentsBetween } from './queries';
export type { IncidentOccurrence } from './queries';
export { deploysBetween } from './deploys';
export type { DeployEvent } from './deploys';
export { logLines, logCounts, LOG_LEVELS, LOG_SAMPLING } from './logs';
export type { DemoLogLine, LogLevel, LogQuery } from './logs';
export { renderPrometheusText, openMetricsHeader, openMetricsSample, OPENMETRICS_EOF } from './exposition';
export { buildLokiPush } from './loki';
export type { LokiPushRequest } from './loki';
