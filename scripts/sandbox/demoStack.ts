/**
 * The demo stack on a real Prometheus, for `npm run sandbox:prometheus` and the browser journeys:
 *
 * 1. the demo registry's generated Prometheus rules in a temporary file,
 * 2. `days` of demo history (samples every `stepSeconds`, ending on the hour at least 3 h ago),
 *    the recording rules over it (hourly groups over the whole history and the hours since, the
 *    others over the last `recordedHours`, all of it by default) and the alerts those rules would
 *    have fired,
 * 3. the live demo workload and Prometheus scraping it every 15 s with those rules, evaluated
 *    every 15 s (rather than the usual minute) so that every recorded series is current soon
 *    after the start; it resolves once every SLO's current burn rate is recorded (the rules that
 *    read other recorded series have run at least once).
 *
 * `stop()` stops Prometheus (by PID) and the workload and removes the temporary TSDB. Between the
 * end of the history and the start there is a gap of 3–4 hours without samples: windows that span
 * it extrapolate across it.
 */
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { RuleFile, generateRuleFiles, mergeRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { LABEL_ID } from '../../src/domain/rules/names';
import { budgetLeft, errorRatio } from '../../src/domain/rules/windowRatio';
import { RegistryDocument } from '../../src/domain/model';
import { sliQueryLanguage } from '../../src/domain/query/sli';
import { buildHistoryTsdb } from '../demo/historyTsdb';
import { historyTimes } from '../demo/openmetrics';
import { freePort, startPrometheusProcess } from '../demo/prometheusProcess';
import { readDemoRegistry } from '../demo/provisioning';
import { startWorkload } from '../demo/workloadServer';
import { backfillAlertHistory } from './alertHistory';
import { backfillRecordedHistory } from './recordedHistory';

const HOUR = 3600;

export interface DemoStackOptions {
  /** Days of history; default 30. */
  days?: number;
  /**
   * Hours of recorded series backfilled for groups evaluated more often than hourly; default the
   * whole history, so that the alert history (and the incidents read from it) covers every day of it.
   */
  recordedHours?: number;
  /** Seconds between history samples; default 300. */
  stepSeconds?: number;
  /**
   * Whether the alerts that the rules would have fired over the recorded hours are backfilled as
   * `ALERTS` and `ALERTS_FOR_STATE` (./alertHistory.ts), for incidents, MTTA and MTTR; default true.
   */
  alertHistory?: boolean;
  /** Prometheus' port on 127.0.0.1; a free one by default. */
  prometheusPort?: number;
  /** How long to wait for the first evaluation of every SLO's burn rate; default 180 s. */
  warmTimeoutMs?: number;
  /** Progress messages. */
  log?: (message: string) => void;
}

export interface DemoStack {
  prometheusUrl: string;
  prometheusPid: number;
  workloadUrl: string;
  /** The rules Prometheus evaluates, and the file it reads them from. */
  rules: RuleFile;
  rulesFile: string;
  /** Prometheus' own log. */
  logFile: string;
  /** First and last sample times of the backfilled history (Unix seconds). */
  historyStart: number;
  historyEnd: number;
  stop(): Promise<void>;
}

/** A Prometheus configuration that runs `rulesFile` and scrapes the demo workload at `target` every 15 s. */
export function liveConfig(rulesFile: string, target: string): string {
  return [
    'global:',
    '  scrape_interval: 15s',
    '  evaluation_interval: 15s',
    'rule_files:',
    `  - ${JSON.stringify(rulesFile)}`,
    'scrape_configs:',
    '  - job_name: demo',
    `    static_configs: [{ targets: [${JSON.stringify(target)}] }]`,
    '',
  ].join('\n');
}

/** SLOs whose SLI this Prometheus records itself: log SLIs are recorded by the Loki ruler, absent here. */
function prometheusSlos(doc: RegistryDocument): Set<string> {
  return new Set(doc.slos.filter((slo) => sliQueryLanguage(slo.sli) === 'promql').map((slo) => slo.id));
}

/**
 * Resolves once Prometheus holds a 5-minute error ratio (from the live increases) and a budget left for
 * every SLO of `rules`; throws naming the missing ones.
 */
async function waitForCurrentValues(url: string, expected: Set<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let missing = [...expected];
  while (missing.length > 0) {
    const current = `${errorRatio('5m')} and on (${LABEL_ID}) ${budgetLeft()}`;
    const query = new URLSearchParams({ query: `count by (${LABEL_ID}) (${current})` });
    try {
      const answer = (await (await fetch(`${url}/api/v1/query?${query}`)).json()) as {
        data?: { result?: Array<{ metric: Record<string, string> }> };
      };
      const present = new Set((answer.data?.result ?? []).map((series) => series.metric[LABEL_ID]));
      missing = [...expected].filter((id) => !present.has(id));
    } catch {
      // not answering yet: try again
    }
    if (missing.length === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`no 5-minute error ratio or budget left after ${timeoutMs / 1000} s for: ${missing.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export function validateDemoStackOptions(options: DemoStackOptions): string | undefined {
  const { days = 30, stepSeconds = 300 } = options;
  const recordedHours = options.recordedHours ?? days * 24;
  if (!(days > 0 && stepSeconds > 0)) {
    return 'days and step must be positive';
  }
  if (!(recordedHours >= 0 && recordedHours <= days * 24)) {
    return 'recorded hours must be between 0 and the hours of history';
  }
  return undefined;
}

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const problem = validateDemoStackOptions(options);
  if (problem) {
    throw new Error(problem);
  }
  const { days = 30, stepSeconds = 300 } = options;
  const recordedHours = options.recordedHours ?? days * 24;
  const say = options.log ?? (() => undefined);
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-sandbox-prometheus-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  };
  try {
    const doc = readDemoRegistry();
    const rules = mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file));
    const rulesFile = path.join(dir, 'demo.rules.yaml');
    writeFileSync(rulesFile, renderRuleFile(rules));
    say(`rules of the demo registry in ${rulesFile}`);

    // promtool only backfills more than 2 h before now; an hour boundary keeps hourly rules aligned
    const end = Math.floor((Date.now() / 1000 - 3 * HOUR) / HOUR) * HOUR;
    const tsdbDir = path.join(dir, 'data');
    const history = { days, end, stepSeconds };
    const build = await buildHistoryTsdb({ ...history, tsdbDir, workDir: path.join(dir, 'work') });
    say(`${days} days of demo history (${build.samples} samples) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const times = historyTimes(history);
    const stageMs = await backfillRecordedHistory({
      rules,
      tsdbDir,
      workDir: path.join(dir, 'rules-work'),
      historyStart: times[0],
      historyEnd: end,
      recentSeconds: recordedHours * HOUR,
      hourlyUntil: Math.floor(Date.now() / 1000 / HOUR) * HOUR,
      log: say,
    });
    say(`recorded series backfilled in ${stageMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' + ')}`);
    if (options.alertHistory ?? true) {
      const alertsStarted = Date.now();
      // Alert windows reach back up to 3 days: the first evaluations wait until the recorded hours hold them.
      await backfillAlertHistory({
        rules,
        tsdbDir,
        workDir: path.join(dir, 'alerts-work'),
        start: end - recordedHours * HOUR,
        end,
        log: say,
      });
      say(`alert history backfilled in ${((Date.now() - alertsStarted) / 1000).toFixed(1)} s`);
    }

    const workload = await startWorkload({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => workload.close());
    const configFile = path.join(dir, 'prometheus.yml');
    writeFileSync(configFile, liveConfig(rulesFile, new URL(workload.url).host));
    const logFile = path.join(dir, 'prometheus.log');
    const port = options.prometheusPort ?? (await freePort());
    const prometheus = await startPrometheusProcess({ configFile, tsdbDir, port, logFd: openSync(logFile, 'a') });
    cleanups.push(() => prometheus.stop());
    say(
      `Prometheus ${prometheus.url} (PID ${prometheus.pid}, log ${logFile}) scraping the demo workload ${workload.url}/metrics`
    );
    await waitForCurrentValues(prometheus.url, prometheusSlos(doc), options.warmTimeoutMs ?? 180_000);
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      prometheusUrl: prometheus.url,
      prometheusPid: prometheus.pid,
      workloadUrl: workload.url,
      rules,
      rulesFile,
      logFile,
      historyStart: times[0],
      historyEnd: end,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
