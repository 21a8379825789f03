/**
 * A real Prometheus with the demo history, for integration tests:
 *
 *   const prometheus = await startPrometheus({ days: 7 });
 *   ... fetch(`${prometheus.url}/api/v1/query?...`) ...
 *   await prometheus.stop();
 *
 * The backfilled TSDB is cached under the system temp folder, keyed by a hash of the options, the
 * demo model's sources and the rule file, so only the first run pays for promtool. Each start runs
 * on its own copy of the cache, on a free port of 127.0.0.1, and is stopped by its PID.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildHistoryTsdb, prometheusConfig } from '../../scripts/demo/historyTsdb';
import { HistoryOptions, defaultHistoryEnd, historyTimes } from '../../scripts/demo/openmetrics';
import { MAX_BLOCK_DURATION, startPrometheusProcess } from '../../scripts/demo/prometheusProcess';

export interface PrometheusOptions {
  /** Days of history; default 30. */
  days?: number;
  /** Recording and alerting rules: evaluated over the history and loaded by the server. */
  rulesFile?: string;
  /** Last sample time (Unix seconds); default the last midnight UTC at least 3 h ago. */
  end?: number;
  /** Seconds between samples; default 300. */
  stepSeconds?: number;
  /** Metric families (default: the history families) and services (default: all four). */
  families?: string[];
  services?: string[];
}

export interface RunningPrometheus {
  url: string;
  pid: number;
  /** First and last sample times of the history (Unix seconds). */
  start: number;
  end: number;
  /** Stops the server and removes its copy of the TSDB. */
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
const CACHE_ROOT = path.join(os.tmpdir(), 'bizowner-demo-tsdb');

function sourcesOf(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => readFileSync(path.join(ROOT, folder, name), 'utf8'));
}

function cacheKey(history: HistoryOptions, rulesFile?: string): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ history, maxBlock: MAX_BLOCK_DURATION }));
  [...sourcesOf('src/demo'), ...sourcesOf('scripts/demo')].forEach((source) => hash.update(source));
  hash.update(rulesFile ? readFileSync(rulesFile) : '');
  return hash.digest('hex').slice(0, 16);
}

/** The cached TSDB folder for these options, built first if missing. */
async function cachedTsdb(history: HistoryOptions, rulesFile?: string): Promise<string> {
  const dir = path.join(CACHE_ROOT, cacheKey(history, rulesFile));
  if (!existsSync(dir)) {
    const building = `${dir}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    await buildHistoryTsdb({ ...history, tsdbDir: building, workDir: `${building}-work`, rulesFile });
    // Another process may have finished first; its copy is as good as ours.
    try {
      renameSync(building, dir);
    } catch {
      rmSync(building, { recursive: true, force: true });
    }
  }
  return dir;
}

/** The demo history for these options as a read-only TSDB folder (cached), with its first and last sample times. */
export async function prepareDemoHistory(
  options: PrometheusOptions = {}
): Promise<{ cacheDir: string; start: number; end: number; rulesFile?: string }> {
  const history: HistoryOptions = {
    days: options.days ?? 30,
    end: options.end ?? defaultHistoryEnd(),
    stepSeconds: options.stepSeconds ?? 300,
    families: options.families,
    services: options.services,
  };
  const rulesFile = options.rulesFile && path.resolve(options.rulesFile);
  const cacheDir = await cachedTsdb(history, rulesFile);
  const times = historyTimes(history);
  return { cacheDir, start: times[0], end: times[times.length - 1], rulesFile };
}

/** Starts Prometheus over the demo history and waits until it is ready. */
export async function startPrometheus(options: PrometheusOptions = {}): Promise<RunningPrometheus> {
  const { cacheDir, start, end, rulesFile } = await prepareDemoHistory(options);
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-prometheus-'));
  const tsdbDir = path.join(runDir, 'data');
  cpSync(cacheDir, tsdbDir, { recursive: true, filter: (source) => path.basename(source) !== 'lock' });
  const configFile = path.join(runDir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(rulesFile));
  try {
    const server = await startPrometheusProcess({ configFile, tsdbDir });
    return {
      url: server.url,
      pid: server.pid,
      start,
      end,
      stop: async () => {
        await server.stop();
        rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}
