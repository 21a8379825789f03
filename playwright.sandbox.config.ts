import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the sandbox host, in Debian's Chromium (no browser downloads).
 * `SANDBOX_GRAFANA=13` runs them in the host that stands in for Grafana 13 (sandbox/hostPackages.ts),
 * on its own port and with its own output folder, so that both hosts can be tested at the same time.
 */
const GRAFANA_13 = process.env.SANDBOX_GRAFANA === '13';

export const SANDBOX_PORT = Number(process.env.SANDBOX_E2E_PORT ?? (GRAFANA_13 ? 3113 : 3101));

/** Debian's Chromium, headless as root in a container, without reaching out to the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  // tests/journeys run here and against a real Grafana (playwright.config.ts); tests/e2e only here.
  testDir: './tests',
  testMatch: /(e2e|journeys)\/.*\.spec\.ts$/,
  outputDir: GRAFANA_13 ? './.sandbox/grafana13/test-results' : './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 60000,
  globalSetup: './tests/e2e/globalSetup.ts',
  use: {
    baseURL: `http://127.0.0.1:${SANDBOX_PORT}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
