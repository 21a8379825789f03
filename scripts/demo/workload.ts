/**
 * Runs the demo workload: `/metrics` for Prometheus, and log pushes to Loki when `LOKI_URL` is set.
 *
 *   PORT=9464 HOST=0.0.0.0 LOKI_URL=http://localhost:3100 npx tsx scripts/demo/workload.ts
 */
import { startWorkload } from './workloadServer';

async function main(): Promise<void> {
  const workload = await startWorkload({
    host: process.env.HOST ?? '0.0.0.0',
    port: Number(process.env.PORT ?? 9464),
    lokiUrl: process.env.LOKI_URL || undefined,
    pushIntervalMs: Number(process.env.LOKI_PUSH_INTERVAL_MS ?? 5000),
    onError: (message) => process.stderr.write(`${new Date().toISOString()} ${message}\n`),
  });
  const logs = process.env.LOKI_URL ? `, pushing logs to ${process.env.LOKI_URL}` : '';
  process.stdout.write(`demo workload on ${workload.url}/metrics${logs}\n`);
  const stop = () => {
    workload.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
