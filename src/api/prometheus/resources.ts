/**
 * Metric and label look-ups through Grafana's data source resource API:
 * `/api/datasources/uid/<uid>/resources/api/v1/…`. Grafana's Prometheus data source serves these
 * paths itself (its metric browser and query builder use them) and forwards them to Prometheus'
 * HTTP API with the data source's URL, authentication and headers, so they work for any
 * Prometheus-compatible data source the admin configured, Mimir and Grafana Cloud included.
 */
import { bucketSelector } from '../../domain/query/selector';
import { apiRequest, ApiResult } from '../backend';

/** How far back look-ups search: series that stopped a day ago are not offered. */
const LOOKBACK_SECONDS = 24 * 3600;

interface PrometheusList {
  status: string;
  data: string[];
}

/** The URL of a Prometheus HTTP API path through the data source's resource API. */
export function resourceUrl(uid: string, path: string): string {
  return `/api/datasources/uid/${encodeURIComponent(uid)}/resources/api/v1/${path}`;
}

function timeParams(now: number): { start: number; end: number } {
  const end = Math.floor(now / 1000);
  return { start: end - LOOKBACK_SECONDS, end };
}

async function list(uid: string, path: string, match: string | undefined, now: number): Promise<ApiResult<string[]>> {
  const params = { ...timeParams(now), ...(match ? { 'match[]': match } : {}) };
  const result = await apiRequest<PrometheusList>({ url: resourceUrl(uid, path), method: 'GET', params });
  return result.ok ? { ...result, value: result.value.data ?? [] } : result;
}

/** Metric names (`label/__name__/values`), optionally only those of series matching `match`. */
export function fetchMetricNames(uid: string, match?: string, now = Date.now()): Promise<ApiResult<string[]>> {
  return list(uid, 'label/__name__/values', match, now);
}

/** Label names of the series matching `match` (`labels?match[]=…`). */
export function fetchLabelNames(uid: string, match: string, now = Date.now()): Promise<ApiResult<string[]>> {
  return list(uid, 'labels', match, now);
}

/** Values of one label among the series matching `match` (`label/<name>/values?match[]=…`). */
export function fetchLabelValues(
  uid: string,
  label: string,
  match: string,
  now = Date.now()
): Promise<ApiResult<string[]>> {
  return list(uid, `label/${encodeURIComponent(label)}/values`, match, now);
}

/** Reads `le` label values as bucket bounds: finite numbers, ascending, without `+Inf`. */
export function parseBucketBounds(values: string[]): number[] {
  const bounds = new Set<number>();
  for (const value of values) {
    const bound = Number(value);
    if (value.trim() !== '' && Number.isFinite(bound)) {
      bounds.add(bound);
    }
  }
  return [...bounds].sort((a, b) => a - b);
}

/** The real `le` bounds of a histogram (base name or `_bucket` selector with matchers). */
export async function fetchBucketBounds(
  uid: string,
  histogram: string,
  now = Date.now()
): Promise<ApiResult<number[]>> {
  const result = await fetchLabelValues(uid, 'le', bucketSelector(histogram), now);
  return result.ok ? { ...result, value: parseBucketBounds(result.value) } : result;
}
