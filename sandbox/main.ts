/**
 * `npm run sandbox`: bundles the host page and serves the built plugin (`dist/`) on
 * http://127.0.0.1:${SANDBOX_PORT:-3001}/a/bizowner-slo-app/ until stopped.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildHost } from './build';
import { optionsFromEnv, startSandboxServer } from './server';

async function main() {
  const root = resolve(__dirname, '..');
  const options = optionsFromEnv(root);
  if (!existsSync(resolve(options.distDir, 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first');
  }
  await buildHost(root);
  const server = await startSandboxServer(options);
  const data = options.prometheusUrl
    ? `Prometheus at ${options.prometheusUrl}`
    : 'the embedded demo data source (set PROMETHEUS_URL for a real Prometheus)';
  process.stdout.write(
    `sandbox: http://${options.host}:${options.port}/a/bizowner-slo-app/services as ${options.role}, ${data}\n`
  );
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`sandbox: ${error.message}\n`);
  process.exit(2);
});
