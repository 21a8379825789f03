/**
 * The live demo workload: an HTTP server with the current values of the model on `/metrics`,
 * and, when given a Loki URL, a loop that pushes the log lines written since the last push.
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';

import { DEMO_SERVICE_IDS, buildLokiPush, logLines, renderPrometheusText, sampleSeries } from '../../src/demo';

export interface WorkloadOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Base URL of Loki, e.g. `http://loki:3100`; no log push without it. */
  lokiUrl?: string;
  pushIntervalMs?: number;
  /** Unix seconds; the wall clock unless a test fixes time. */
  now?: () => number;
  /** Where push failures are reported. */
  onError?: (message: string) => void;
}

export interface Workload {
  url: string;
  close(): Promise<void>;
}

/** Most seconds of logs sent in one push, so a long Loki outage does not build a huge backlog. */
const MAX_BACKLOG_SECONDS = 60;
/** Lines per service per push, far above what the demo writes in {@link MAX_BACKLOG_SECONDS}. */
const MAX_LINES = 10_000;

/** Posts the demo log lines of `(from, to]` to Loki's push API. */
export async function pushLogs(lokiUrl: string, from: number, to: number): Promise<number> {
  const lines = DEMO_SERVICE_IDS.flatMap((serviceId) => logLines(serviceId, from, to, { limit: MAX_LINES }));
  if (lines.length === 0) {
    return 0;
  }
  const response = await fetch(new URL('/loki/api/v1/push', lokiUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(buildLokiPush(lines)),
  });
  if (!response.ok) {
    throw new Error(`Loki answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
  return lines.length;
}

/** The demo metrics of all services at `t`, in the Prometheus text format. */
export function metricsText(t: number): string {
  return renderPrometheusText(DEMO_SERVICE_IDS.flatMap((serviceId) => sampleSeries(serviceId, t)));
}

/** Starts the workload; resolves once it listens. */
export async function startWorkload(options: WorkloadOptions = {}): Promise<Workload> {
  const now = options.now ?? (() => Date.now() / 1000);
  const server = createServer((request, response) => {
    if (request.url === '/metrics') {
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(metricsText(now()));
    } else if (request.url === '/' || request.url === '/healthz') {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('demo workload: metrics on /metrics\n');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;

  let timer: NodeJS.Timeout | undefined;
  let pushing: Promise<void> = Promise.resolve();
  if (options.lokiUrl) {
    const lokiUrl = options.lokiUrl;
    let pushedUntil = now();
    timer = setInterval(() => {
      pushing = pushing.then(async () => {
        const to = now();
        const from = Math.max(pushedUntil, to - MAX_BACKLOG_SECONDS);
        try {
          await pushLogs(lokiUrl, from, to);
          pushedUntil = to;
        } catch (error) {
          options.onError?.(`log push failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    }, options.pushIntervalMs ?? 5000);
  }

  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: async () => {
      clearInterval(timer);
      await pushing;
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
