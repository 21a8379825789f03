/**
 * `npm run sandbox:prometheus`: the sandbox against a real Prometheus instead of the embedded demo
 * data source. Builds nothing (the npm script runs `npm run build` first). It starts the demo
 * stack of `./demoStack.ts`:
 *
 * 1. writes the demo registry's generated Prometheus rules to a temporary file,
 * 2. backfills 30 days of demo history (5-minute samples, ending on the hour at least 3 h ago)
 *    and the recording rules over it: hourly groups over the whole history, the others over the
 *    last `--recorded-hours` (default: the whole history, so that weeks of alerts and incidents are there),
 * 3. starts the live demo workload and Prometheus scraping it every 15 s with those rules,
 * 4. starts the sandbox with PROMETHEUS_URL pointing at that Prometheus,
 *
 * and on SIGINT/SIGTERM stops the sandbox, Prometheus (by PID) and the workload, and removes the
 * temporary TSDB. Between the end of the history and the start there is a gap of 3–4 hours
 * without samples: windows that span it extrapolate across it.
 *
 *   npm run sandbox:prometheus -- [--days 30] [--recorded-hours 720] [--step 300]
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { buildHost } from '../../sandbox/build';
import { optionsFromEnv, startSandboxServer } from '../../sandbox/server';
import { ROOT } from '../demo/provisioning';
import { DemoStackOptions, startDemoStack, validateDemoStackOptions } from './demoStack';

function say(message: string): void {
  process.stdout.write(`sandbox:prometheus: ${message}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '30' },
      'recorded-hours': { type: 'string' },
      step: { type: 'string', default: '300' },
    },
  });
  const options: DemoStackOptions = {
    days: Number(values.days),
    recordedHours: values['recorded-hours'] === undefined ? undefined : Number(values['recorded-hours']),
    stepSeconds: Number(values.step),
    prometheusPort: process.env.PROMETHEUS_PORT ? Number(process.env.PROMETHEUS_PORT) : undefined,
    log: say,
  };
  const problem = validateDemoStackOptions(options);
  if (problem) {
    throw new Error(`${problem} (--days, --recorded-hours, --step)`);
  }
  const sandboxOptions = optionsFromEnv(ROOT);
  if (!existsSync(path.join(sandboxOptions.distDir, 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first');
  }
  const started = Date.now();
  const stack = await startDemoStack(options);
  let server: Server | undefined;
  const stop = async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stack.stop();
  };
  try {
    await buildHost(ROOT);
    server = await startSandboxServer({ ...sandboxOptions, prometheusUrl: stack.prometheusUrl });
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
