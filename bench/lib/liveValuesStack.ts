/**
 * The real-Prometheus demo stack for a registry of any size, for bench/live-values.ts: what
 * scripts/sandbox/demoStack.ts starts for the demo registry, with the bench's recorded-history
 * backfill (./prometheusRecorded.ts, which queries a rule expression shared by many SLOs once):
 *
 * 1. `days` of demo history (samples every `stepSeconds`, ending on the hour at least 3 h ago;
 *    cached per hour by tests/helpers/prometheus.ts), copied into a throw-away TSDB;
 * 2. the registry's generated recording rules over that history: hourly groups over all of it and
 *    the hours since, the others over its last `recentHours`;
 * 3. the live demo workload and Prometheus scraping it every 15 s with the same rules, evaluated
 *    every 15 s, so that every SLO's series are current soon after the start; it resolves once
 *    every SLO with a PromQL SLI has a live 5-minute error ratio and a budget left
 *    (`slo:period_error_budget_remaining:ratio`, hourly for most SLOs, read as the app reads it).
 *
 * `stop()` stops Prometheus (by PID) and the workload and removes the TSDB.
 */
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { RegistryDocument } from '../../src/domain/model';
import { sliQueryLanguage } from '../../src/domain/query/sli';
import { generateRuleFiles, mergeRuleFiles, renderRuleFile, RuleFile } from '../../src/domain/rules';
import { LABEL_ID } from '../../src/domain/rules/names';
import { budgetLeft, errorRatio } from '../../src/domain/rules/windowRatio';
import { freePort, startPrometheusProcess } from '../../scripts/demo/prometheusProcess';
import { startWorkload } from '../../scripts/demo/workloadServer';
import { prepareDemoHistory } from '../../tests/helpers/prometheus';
import { liveConfig } from '../../scripts/sandbox/demoStack';
import { copyTsdb, HOUR } from './prometheusBench';
import { backfillRecorded } from './prometheusRecorded';

export interface LiveStackOptions {
  doc: RegistryDocument;
  /** Days of raw history; default 30. */
  days?: number;
  /** Seconds between history samples; default 300. */
  stepSeconds?: number;
  /** Hours of recorded series backfilled for groups evaluated more often than hourly; default 24. */
  recentHours?: number;
  /** How long to wait until every SLO's 5-minute error ratio is recorded live; default 240 s. */
  warmTimeoutMs?: number;
  log: (message: string) => void;
}

export interface LiveStack {
  prometheusUrl: string;
  prometheusPid: number;
  rules: RuleFile;
  /** Recorded series per SLO (distinct record names of one SLO's recording rules). */
  recordedSeriesPerSlo: number;
  historyStart: number;
  historyEnd: number;
  recordedSamples: number;
  /** Seconds spent: raw history, recorded backfill, until every SLO's budget was current. */
  timings: { historyS: number; recordedS: number; warmS: number };
  stop(): Promise<void>;
}

async function promQuery(url: string, query: string): Promise<Array<{ metric: Record<string, string> }>> {
  const answer = (await (await fetch(`${url}/api/v1/query?${new URLSearchParams({ query })}`)).json()) as {
    data?: { result?: Array<{ metric: Record<string, string> }> };
  };
  return answer.data?.result ?? [];
}

/** Resolves once Prometheus holds a live 5-minute error ratio and a budget left for every SLO id of `expected`. */
async function waitForBudgets(url: string, expected: Set<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let missing = [...expected];
    try {
      const present = new Set(
        (await promQuery(url, `count by (${LABEL_ID}) (${errorRatio('5m')} and on (${LABEL_ID}) ${budgetLeft()})`)).map(
          (series) => series.metric[LABEL_ID]
        )
      );
      missing = missing.filter((id) => !present.has(id));
    } catch {
      // not answering yet
    }
    if (missing.length === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no live error ratio or budget left after ${timeoutMs / 1000} s for ${missing.length} SLOs, e.g. ${missing.slice(0, 5).join(', ')}`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function recordsPerSlo(rules: RuleFile, sloId: string): number {
  const records = new Set<string>();
  for (const group of rules.groups) {
    for (const rule of group.rules) {
      if ('record' in rule && rule.labels?.[LABEL_ID] === sloId) {
        records.add(rule.record);
      }
    }
  }
  return records.size;
}

export async function startLiveStack(options: LiveStackOptions): Promise<LiveStack> {
  const { doc, days = 30, stepSeconds = 300, recentHours = 24, log } = options;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-bench-live-'));
  const cleanups: Array<() => unknown> = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  };
  try {
    const rules = mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file));
    const rulesFile = path.join(dir, 'rules.yaml');
    writeFileSync(rulesFile, renderRuleFile(rules));

    let started = Date.now();
    // promtool backfills only more than 2 h before now; an hour boundary keeps hourly rules aligned
    const end = Math.floor((Date.now() / 1000 - 3 * HOUR) / HOUR) * HOUR;
    const history = await prepareDemoHistory({ days, end, stepSeconds });
    const tsdbDir = path.join(dir, 'data');
    copyTsdb(history.cacheDir, tsdbDir);
    const historyS = (Date.now() - started) / 1000;
    log(`${days} days of demo history ready in ${historyS.toFixed(1)} s`);

    started = Date.now();
    const recordedSamples = await backfillRecorded({
      groups: rules.groups,
      tsdbDir,
      workDir: path.join(dir, 'work'),
      historyStart: history.start,
      historyEnd: history.end,
      recentSeconds: recentHours * HOUR,
      hourlyUntil: Math.floor(Date.now() / 1000 / HOUR) * HOUR,
      minStepSeconds: 300,
      log,
    });
    const recordedS = (Date.now() - started) / 1000;
    log(`${recordedSamples} recorded samples backfilled in ${recordedS.toFixed(1)} s`);

    started = Date.now();
    const workload = await startWorkload({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => workload.close());
    const configFile = path.join(dir, 'prometheus.yml');
    writeFileSync(configFile, liveConfig(rulesFile, new URL(workload.url).host));
    const prometheus = await startPrometheusProcess({
      configFile,
      tsdbDir,
      port: await freePort(),
      logFd: openSync(path.join(dir, 'prometheus.log'), 'a'),
    });
    cleanups.push(() => prometheus.stop());
    log(`Prometheus ${prometheus.url} (PID ${prometheus.pid}) scraping the demo workload ${workload.url}`);
    const promqlSlos = new Set(doc.slos.filter((slo) => sliQueryLanguage(slo.sli) === 'promql').map((slo) => slo.id));
    await waitForBudgets(prometheus.url, promqlSlos, options.warmTimeoutMs ?? 240_000);
    const warmS = (Date.now() - started) / 1000;
    log(`every SLO's error ratio recorded live after ${warmS.toFixed(1)} s`);
    return {
      prometheusUrl: prometheus.url,
      prometheusPid: prometheus.pid,
      rules,
      recordedSeriesPerSlo: recordsPerSlo(rules, doc.slos[0]?.id ?? ''),
      historyStart: history.start,
      historyEnd: history.end,
      recordedSamples,
      timings: { historyS, recordedS, warmS },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
