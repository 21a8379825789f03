/**
 * Writes N days of the demo workload into a Prometheus TSDB (or only as OpenMetrics).
 *
 *   npx tsx scripts/demo/history.ts --out .demo/prometheus [--days 30] [--step 300] [--end UNIX]
 *                                   [--rules FILE] [--openmetrics FILE]
 *
 * Then: prometheus --storage.tsdb.path=.demo/prometheus --storage.tsdb.retention.time=90d ...
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { buildHistoryTsdb } from './historyTsdb';
import { HistoryOptions, defaultHistoryEnd, writeOpenMetricsHistory } from './openmetrics';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      days: { type: 'string', default: '30' },
      step: { type: 'string', default: '300' },
      end: { type: 'string' },
      rules: { type: 'string' },
      openmetrics: { type: 'string' },
    },
  });
  const history: HistoryOptions = {
    days: Number(values.days),
    stepSeconds: Number(values.step),
    end: values.end ? Number(values.end) : defaultHistoryEnd(),
  };
  if (!(history.days > 0 && history.stepSeconds > 0 && history.end > 0)) {
    throw new Error('--days, --step and --end must be positive numbers');
  }
  const range = `${new Date((history.end - history.days * 86_400) * 1000).toISOString()} .. ${new Date(history.end * 1000).toISOString()}`;
  if (values.openmetrics) {
    const samples = await writeOpenMetricsHistory(values.openmetrics, history);
    process.stdout.write(`wrote ${samples} samples (${range}) to ${values.openmetrics}\n`);
  }
  if (values.out) {
    const workDir = path.join(os.tmpdir(), `bizowner-history-${process.pid}`);
    const build = await buildHistoryTsdb({ ...history, tsdbDir: values.out, workDir, rulesFile: values.rules });
    const timings = Object.entries(build.timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`);
    process.stdout.write(`wrote ${build.samples} samples (${range}) into ${values.out}: ${timings.join(', ')}\n`);
  }
  if (!values.out && !values.openmetrics) {
    throw new Error('nothing to do: give --out DIR (a TSDB) and/or --openmetrics FILE');
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
