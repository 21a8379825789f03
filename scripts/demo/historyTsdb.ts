/**
 * Builds a Prometheus TSDB holding the demo history: OpenMetrics → promtool blocks, then, when a
 * rule file is given, its recording rules evaluated over the same range and added as blocks.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { HistoryOptions, historyTimes, writeOpenMetricsHistory } from './openmetrics';
import { backfillOpenMetrics, backfillRules, startPrometheusProcess } from './prometheusProcess';

export interface TsdbBuild {
  /** Samples written to the OpenMetrics file. */
  samples: number;
  /** Milliseconds spent per step. */
  timings: Record<string, number>;
}

/** A Prometheus configuration with nothing to scrape and, optionally, one rule file. */
export function prometheusConfig(rulesFile?: string): string {
  const rules = rulesFile ? `rule_files:\n  - ${JSON.stringify(path.resolve(rulesFile))}\n` : '';
  return `global:\n  evaluation_interval: 1m\n${rules}scrape_configs: []\n`;
}

async function timed<T>(timings: Record<string, number>, step: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  timings[step] = Date.now() - started;
  return result;
}

/**
 * Writes the history into `tsdbDir` (created if missing), using `workDir` for the OpenMetrics file
 * and rule blocks; both are removed afterwards.
 */
export async function buildHistoryTsdb(
  options: HistoryOptions & { tsdbDir: string; workDir: string; rulesFile?: string }
): Promise<TsdbBuild> {
  const timings: Record<string, number> = {};
  mkdirSync(options.tsdbDir, { recursive: true });
  mkdirSync(options.workDir, { recursive: true });
  const openMetricsFile = path.join(options.workDir, 'history.om');
  const samples = await timed(timings, 'openmetrics', () => writeOpenMetricsHistory(openMetricsFile, options));
  await timed(timings, 'backfill', () => backfillOpenMetrics(openMetricsFile, options.tsdbDir));
  rmSync(openMetricsFile);
  if (options.rulesFile) {
    const rulesFile = options.rulesFile;
    await timed(timings, 'rules', () => backfillRuleBlocks(options, rulesFile));
  }
  rmSync(options.workDir, { recursive: true, force: true });
  return { samples, timings };
}

async function backfillRuleBlocks(
  options: HistoryOptions & { tsdbDir: string; workDir: string },
  rulesFile: string
): Promise<void> {
  const configFile = path.join(options.workDir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig());
  const outputDir = path.join(options.workDir, 'rule-blocks');
  const times = historyTimes(options);
  const server = await startPrometheusProcess({ configFile, tsdbDir: options.tsdbDir });
  try {
    await backfillRules(rulesFile, server.url, times[0], times[times.length - 1], outputDir);
  } finally {
    await server.stop();
  }
  for (const block of readdirSync(outputDir)) {
    renameSync(path.join(outputDir, block), path.join(options.tsdbDir, block));
  }
}
