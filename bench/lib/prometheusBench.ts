/**
 * Shared pieces of the benchmarks that run against a real Prometheus: registries of N SLOs over
 * the demo metrics, a TSDB with the demo history, queries with Prometheus' own statistics, clean-up
 * of the servers started (by PID, also on failure or Ctrl-C) and the results file.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';

import { LATENCY_BUCKETS } from '../../src/demo';
import { RegistryDocument, Service, Slo } from '../../src/domain/model';
import { readDemoRegistry } from '../../scripts/demo/provisioning';
import { startBackfilledPrometheus } from '../../tests/helpers/promBackfill';

export const HOUR = 3600;
export const DAY = 86_400;

export function log(bench: string, message: string): void {
  process.stdout.write(`${bench}: ${message}\n`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** CPU model, cores, memory, Node and Prometheus versions. */
export function machine(): string {
  const model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  const prometheus = execFileSync('prometheus', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const memory = Math.round(totalmem() / 2 ** 30);
  return `${model} (${cpus().length} cores, ${memory} GiB), Node ${process.version}, ${prometheus}`;
}

/** Writes `bench/results/<name>.json` in the shape bench/run-all.ts reads. */
export function writeResults(name: string, summary: Record<string, number>, details: Record<string, unknown>): string {
  const file = path.join(__dirname, '..', 'results', `${name}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const result = {
    date: new Date().toISOString(),
    machine: machine(),
    command: `npx tsx bench/${name}.ts`,
    summary,
    details,
  };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/**
 * Clean-ups run in reverse order, once: at the end of `main`, when it throws, and on SIGINT/SIGTERM,
 * so that no Prometheus outlives the benchmark.
 */
export async function withCleanup(bench: string, main: (defer: (step: () => unknown) => void) => Promise<void>) {
  const steps: Array<() => unknown> = [];
  let done = false;
  const cleanUp = async () => {
    if (done) {
      return;
    }
    done = true;
    for (const step of steps.reverse()) {
      try {
        await step();
      } catch (error) {
        log(bench, `clean-up failed: ${(error as Error).message}`);
      }
    }
  };
  const onSignal = () => {
    log(bench, 'interrupted, stopping');
    cleanUp().then(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await main((step) => steps.push(step));
    await cleanUp();
  } catch (error) {
    await cleanUp();
    process.stderr.write(`${bench}: ${(error as Error).stack ?? error}\n`);
    process.exit(2);
  }
}

/** Copies a cached TSDB into `dir` (without its lock file). */
export function copyTsdb(cacheDir: string, dir: string): void {
  cpSync(cacheDir, dir, { recursive: true, filter: (source) => path.basename(source) !== 'lock' });
}

/**
 * A registry of `count` SLOs over the demo metrics, two per service: an availability ratio SLI and
 * a latency SLI (300 ms) from the request histogram. Service `<demo id>-<i>` reads the raw series of
 * demo service `<demo id>` and keeps its business owner, KPIs and cost tags, so every SLO records
 * its own series while the raw data stay the four demo services'.
 */
export function benchRegistry(count: number): RegistryDocument {
  const demo = readDemoRegistry();
  const availability = demo.slos.find((slo) => slo.id === 'checkout-availability');
  const latency = demo.slos.find((slo) => slo.id === 'search-latency');
  if (!availability || !latency) {
    throw new Error('the demo registry lacks checkout-availability or search-latency');
  }
  const services: Service[] = [];
  const slos: Slo[] = [];
  for (let i = 0; slos.length < count; i++) {
    const base = demo.services[i % demo.services.length];
    const id = `${base.id}-${i}`;
    services.push({ ...base, id, name: `${base.name} ${i}`, dependsOn: [] });
    const selector = `service="${base.id}"`;
    slos.push({
      ...availability,
      id: `${id}-availability`,
      serviceId: id,
      name: `${base.name} ${i} availability`,
      sli: {
        kind: 'ratio',
        bad: `http_requests_total{${selector},code=~"5.."}`,
        total: `http_requests_total{${selector}}`,
      },
      budgetPolicy: undefined,
      labels: {},
    });
    if (slos.length < count) {
      slos.push({
        ...latency,
        id: `${id}-latency`,
        serviceId: id,
        name: `${base.name} ${i} latency`,
        sli: {
          kind: 'latency',
          histogram: `http_request_duration_seconds_bucket{${selector}}`,
          threshold: 0.3,
          buckets: LATENCY_BUCKETS,
        },
        labels: {},
      });
    }
  }
  return { ...demo, services, slos };
}

/** The query a per-SLO tool runs for an SLO: its error ratio over the whole window, from the raw series. */
export function naiveQuery(slo: Slo): string {
  const window = slo.window;
  switch (slo.sli.kind) {
    case 'ratio':
      return `sum(rate(${slo.sli.bad}[${window}])) / sum(rate(${slo.sli.total}[${window}]))`;
    case 'latency': {
      const bucket = (le: string) => slo.sli.kind === 'latency' && slo.sli.histogram.replace(/}$/, `,le="${le}"}`);
      return `1 - sum(rate(${bucket(String(slo.sli.threshold))}[${window}])) / sum(rate(${bucket('+Inf')}[${window}]))`;
    }
    default:
      throw new Error(`no naive query for ${slo.sli.kind} SLIs`);
  }
}

/** What Prometheus says about one query, and the wall time of the HTTP round trip. */
export interface QueryCost {
  wallMs: number;
  /** `stats.timings.execTotalTime` and `evalTotalTime`, in milliseconds. */
  execMs: number;
  evalMs: number;
  samples: number;
  series: number;
}

interface QueryAnswer {
  status: string;
  error?: string;
  data: {
    result: unknown[];
    stats?: {
      timings: { evalTotalTime: number; execTotalTime: number };
      samples?: { totalQueryableSamples?: number };
    };
  };
}

/** Runs an instant (`time`) or range (`start`, `end`, `step`) query with `stats=all`. */
export async function timedQuery(url: string, query: string, params: Record<string, number>): Promise<QueryCost> {
  const range = 'step' in params;
  const body = new URLSearchParams({ query, stats: 'all' });
  Object.entries(params).forEach(([name, value]) => body.set(name, String(value)));
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/${range ? 'query_range' : 'query'}`, { method: 'POST', body });
  const answer = (await response.json()) as QueryAnswer;
  const wallMs = performance.now() - started;
  if (answer.status !== 'success' || !answer.data.stats) {
    throw new Error(`query failed (${answer.error ?? 'no stats'}): ${query.slice(0, 200)}`);
  }
  const { timings, samples } = answer.data.stats;
  return {
    wallMs,
    execMs: timings.execTotalTime * 1000,
    evalMs: timings.evalTotalTime * 1000,
    samples: samples?.totalQueryableSamples ?? 0,
    series: answer.data.result.length,
  };
}

/**
 * A Prometheus over `openMetrics` (backfilled with promtool) for one step of a benchmark, stopped by
 * the returned `stop` or, if the benchmark ends first, by `withCleanup`'s clean-ups; stopped once.
 */
export async function startBenchPrometheus(
  openMetrics: string,
  defer: (step: () => unknown) => void
): Promise<{ url: string; stop(): Promise<void> }> {
  const prometheus = await startBackfilledPrometheus(openMetrics);
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      await prometheus.stop();
    }
  };
  defer(stop);
  return { url: prometheus.url, stop };
}
