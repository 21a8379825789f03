/**
 * Demo history as OpenMetrics for `promtool tsdb create-blocks-from openmetrics`: one contiguous
 * block per metric family, timestamps in seconds, `# EOF` last.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

import {
  DEMO_SERVICE_IDS,
  METRIC_FAMILIES,
  OPENMETRICS_EOF,
  openMetricsHeader,
  openMetricsSample,
  sampleSeries,
} from '../../src/demo';

const DAY = 86_400;
const HOUR = 3_600;

/**
 * The families the SLOs and dashboards read over weeks. Pod metrics are left to the live workload:
 * pods are renamed on every deploy, which would multiply the series for little use.
 */
export const HISTORY_FAMILIES = [
  'http_requests',
  'http_request_duration_seconds',
  'deploys',
  'deploy_info',
  'cloud_cost_usd',
  'business_orders',
  'business_revenue_usd',
  'business_checkout_sessions',
];

export interface HistoryOptions {
  days: number;
  /** Last sample time (Unix seconds); promtool wants it more than 2 h before now. */
  end: number;
  stepSeconds: number;
  families?: string[];
  services?: string[];
}

/**
 * The default end of the history: the last midnight UTC at least three hours ago. It changes once
 * a day, so a cached TSDB stays valid all day.
 */
export function defaultHistoryEnd(now = Date.now() / 1000): number {
  return Math.floor((now - 3 * HOUR) / DAY) * DAY;
}

/** Sample times of the history, oldest first. */
export function historyTimes(options: HistoryOptions): number[] {
  const count = Math.floor((options.days * DAY) / options.stepSeconds);
  return Array.from({ length: count + 1 }, (_, i) => options.end - (count - i) * options.stepSeconds);
}

/** Writes the history to `file`; resolves with the number of samples written. */
export async function writeOpenMetricsHistory(file: string, options: HistoryOptions): Promise<number> {
  const out = createWriteStream(file);
  const families = options.families ?? HISTORY_FAMILIES;
  const services = options.services ?? DEMO_SERVICE_IDS;
  const times = historyTimes(options);
  let samples = 0;
  for (const family of METRIC_FAMILIES.filter((candidate) => families.includes(candidate.name))) {
    let chunk = openMetricsHeader(family);
    for (const t of times) {
      for (const serviceId of services) {
        for (const sample of sampleSeries(serviceId, t, [family.name])) {
          chunk += openMetricsSample(sample, t);
          samples++;
        }
      }
      if (chunk.length > 1 << 20) {
        const flushed = out.write(chunk);
        chunk = '';
        if (!flushed) {
          await once(out, 'drain');
        }
      }
    }
    out.write(chunk);
  }
  out.end(OPENMETRICS_EOF);
  await once(out, 'finish');
  return samples;
}
