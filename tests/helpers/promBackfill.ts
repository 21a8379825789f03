/**
 * A real Prometheus over a few hand-written series, for integration tests:
 *
 *   const prometheus = await startBackfilledPrometheus(toOpenMetrics(families));
 *   ... query prometheus.url ...
 *   await prometheus.stop();
 *
 * The OpenMetrics text is backfilled with `promtool tsdb create-blocks-from openmetrics` into a
 * fresh temporary TSDB, and Prometheus is started on a free port of 127.0.0.1 and stopped by its
 * PID. Start and stop reuse the process control of the demo history (scripts/demo).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { backfillOpenMetrics, startPrometheusProcess } from '../../scripts/demo/prometheusProcess';

/** One gauge series: its labels and `[unix seconds, value]` samples in time order. */
export interface GaugeSeries {
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

export interface GaugeFamily {
  name: string;
  series: GaugeSeries[];
}

export interface BackfilledPrometheus {
  url: string;
  pid: number;
  /** Stops the server (SIGTERM, waits for its exit) and removes its TSDB. */
  stop(): Promise<void>;
}

/** Throws (so the calling test fails, not skips) when prometheus or promtool is not installed. */
export function assertPrometheusInstalled(): void {
  for (const tool of ['prometheus', 'promtool']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch (error) {
      throw new Error(
        `${tool} is needed by this test but cannot be run (${(error as Error).message}): ` +
          'apt-get install -y --no-install-recommends prometheus'
      );
    }
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** OpenMetrics text of gauge families: one block per family, timestamps in seconds, `# EOF` last. */
export function toOpenMetrics(families: GaugeFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# TYPE ${family.name} gauge`);
    for (const series of family.series) {
      const labels = Object.entries(series.labels)
        .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
        .join(',');
      for (const [time, value] of series.samples) {
        lines.push(`${family.name}{${labels}} ${value} ${time}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

/** `[t, value(t)]` every `step` seconds from `start` to `end` inclusive. */
export function samplesBetween(
  start: number,
  end: number,
  step: number,
  value: (t: number) => number
): Array<[number, number]> {
  const samples: Array<[number, number]> = [];
  for (let t = start; t <= end; t += step) {
    samples.push([t, value(t)]);
  }
  return samples;
}

/** Backfills `openMetrics` into a new TSDB and starts Prometheus over it (no scrape targets). */
export async function startBackfilledPrometheus(openMetrics: string): Promise<BackfilledPrometheus> {
  assertPrometheusInstalled();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-backfill-'));
  try {
    const input = path.join(dir, 'series.om');
    const tsdbDir = path.join(dir, 'data');
    const configFile = path.join(dir, 'prometheus.yml');
    writeFileSync(input, openMetrics);
    await backfillOpenMetrics(input, tsdbDir);
    writeFileSync(configFile, 'global:\n  evaluation_interval: 1m\nscrape_configs: []\n');
    const server = await startPrometheusProcess({ configFile, tsdbDir });
    return {
      url: server.url,
      pid: server.pid,
      stop: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Whether a process with this PID is still alive. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
