import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHost } from '../../sandbox/build';
import { optionsFromEnv, startSandboxServer } from '../../sandbox/server';
import { SANDBOX_PORT } from '../../playwright.sandbox.config';

/** Starts the sandbox on 127.0.0.1 with a throw-away settings file; returns the teardown. */
export default async function globalSetup() {
  const root = resolve(__dirname, '..', '..');
  const state = mkdtempSync(join(tmpdir(), 'bizowner-e2e-'));
  await buildHost(root);
  const server = await startSandboxServer({
    ...optionsFromEnv(root),
    port: SANDBOX_PORT,
    role: 'Admin',
    settingsPath: join(state, 'settings.json'),
  });
  return async () => {
    await new Promise((done) => server.close(done));
    rmSync(state, { recursive: true, force: true });
  };
}
