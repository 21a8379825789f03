/**
 * `npm run sandbox:prometheus`: the sandbox against a real Prometheus instead of the embedded demo
 * data source. Builds nothing (the npm script runs `npm run build` first). It
 *
 * 1. writes the demo registry's generated Prometheus rules to a temporary file,
 * 2. backfills 30 days of demo history (5-minute samples, ending on the hour at least 3 h ago)
 *    and the recording rules over it: hourly groups over the whole history, the others over the
 *    last `--recorded-hours` (default 6),
 * 3. starts the live demo workload and Prometheus scraping it every 15 s with those rules,
 * 4. starts the sandbox with PROMETHEUS_URL pointing at that Prometheus,
 *
 * and on SIGINT/SIGTERM stops the sandbox, Prometheus (by PID) and the workload, and removes the
 * temporary TSDB. Between the end of the history and the start there is a gap of 3–4 hours
 * without samples: windows that span it extrapolate across it.
 *
 *   npm run sandbox:prometheus -- [--days 30] [--recorded-hours 6] [--step 300]
 */
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { generateRuleFiles, mergeRuleFiles, renderRuleFile } from '../../src/domain/rules';
import { buildHost } from '../../sandbox/build';
import { optionsFromEnv, startSandboxServer } from '../../sandbox/server';
import { buildHistoryTsdb } from '../demo/historyTsdb';
import { historyTimes } from '../demo/openmetrics';
import { freePort, startPrometheusProcess } from '../demo/prometheusProcess';
import { ROOT, readDemoRegistry } from '../demo/provisioning';
import { startWorkload } from '../demo/workloadServer';
import { backfillRecordedHistory } from './recordedHistory';

const HOUR = 3600;

function say(message: string): void {
  process.stdout.write(`sandbox:prometheus: ${message}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '30' },
      'recorded-hours': { type: 'string', default: '6' },
      step: { type: 'string', default: '300' },
    },
  });
  const days = Number(values.days);
  const recordedHours = Number(values['recorded-hours']);
  const stepSeconds = Number(values.step);
  if (!(days > 0 && recordedHours >= 0 && recordedHours <= days * 24 && stepSeconds > 0)) {
    throw new Error('--days and --step must be positive, --recorded-hours between 0 and the days of history');
  }
  const sandboxOptions = optionsFromEnv(ROOT);
  if (!existsSync(path.join(sandboxOptions.distDir, 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first');
  }
  const started = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-sandbox-prometheus-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  };
  try {
    const rules = mergeRuleFiles(generateRuleFiles(readDemoRegistry()).prometheus.map((entry) => entry.file));
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
      log: say,
    });
    say(`recorded series backfilled in ${stageMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' + ')}`);

    const workload = await startWorkload({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => workload.close());
    const configFile = path.join(dir, 'prometheus.yml');
    const target = new URL(workload.url).host;
    writeFileSync(
      configFile,
      [
        'global:',
        '  scrape_interval: 15s',
        '  evaluation_interval: 1m',
        'rule_files:',
        `  - ${JSON.stringify(rulesFile)}`,
        'scrape_configs:',
        '  - job_name: demo',
        `    static_configs: [{ targets: [${JSON.stringify(target)}] }]`,
        '',
      ].join('\n')
    );
    const logFile = path.join(dir, 'prometheus.log');
    const port = process.env.PROMETHEUS_PORT ? Number(process.env.PROMETHEUS_PORT) : await freePort();
    const prometheus = await startPrometheusProcess({ configFile, tsdbDir, port, logFd: openSync(logFile, 'a') });
    cleanups.push(() => prometheus.stop());
    say(
      `Prometheus ${prometheus.url} (PID ${prometheus.pid}, log ${logFile}) scraping the demo workload ${workload.url}/metrics`
    );

    await buildHost(ROOT);
    const server = await startSandboxServer({ ...sandboxOptions, prometheusUrl: prometheus.url });
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    say(
      `sandbox http://${sandboxOptions.host}:${sandboxOptions.port}/a/bizowner-slo-app/services as ${sandboxOptions.role}`
    );
  } catch (error) {
    await stop();
    throw error;
  }
  let stopping = false;
  const onSignal = () => {
    if (!stopping) {
      stopping = true;
      say('stopping');
      stop().then(() => process.exit(0));
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: Error) => {
  process.stderr.write(`sandbox:prometheus: ${error.message}\n`);
  process.exit(2);
});
