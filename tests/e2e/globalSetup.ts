import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHost } from '../../sandbox/build';
import { optionsFromEnv, startSandboxServer } from '../../sandbox/server';
import { SANDBOX_PORT } from '../../playwright.sandbox.config';
import { startDemoStackProcess } from './demoStackProcess';

/**
 * Starts the demo stack on a real Prometheus (30 days of backfilled demo history, the demo
 * registry's generated rules with their recorded series backfilled, the live demo workload) unless
 * `PROMETHEUS_URL` names one already, and the shared sandbox on 127.0.0.1 with a throw-away
 * settings file. `PROMETHEUS_URL` is set for the tests, so journeys' own sandboxes proxy to the
 * same Prometheus and can ask it directly. Returns the teardown.
 */
export default async function globalSetup() {
  const root = resolve(__dirname, '..', '..');
  const state = mkdtempSync(join(tmpdir(), 'bizowner-e2e-'));
  await buildHost(root);
  const stack = process.env.PROMETHEUS_URL ? undefined : await startDemoStackProcess(root);
  if (stack) {
    process.env.PROMETHEUS_URL = stack.prometheusUrl;
  }
  try {
    const server = await startSandboxServer({
      ...optionsFromEnv(root),
      port: SANDBOX_PORT,
      role: 'Admin',
      settingsPath: join(state, 'settings.json'),
    });
    return async () => {
      await new Promise((done) => server.close(done));
      await stack?.stop();
      rmSync(state, { recursive: true, force: true });
    };
  } catch (error) {
    await stack?.stop();
    rmSync(state, { recursive: true, force: true });
    throw error;
  }
}
