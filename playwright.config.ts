import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';
import { dirname } from 'node:path';
import { ADMIN, EDITOR, storageStateOf, VIEWER } from './tests/grafana/users';
import type { JourneyOptions } from './tests/journeys/host';

/**
 * Browser journeys against a real Grafana with the app installed: the compose stack of
 * `npm run server` (Grafana, Prometheus with the demo history and generated rules, Loki, the demo
 * workload, and the seed that puts the demo registry into Grafana). Nothing here starts a server;
 * start the stack first. Journeys read and restore the registry through Grafana's API as the admin
 * with basic auth (tests/grafana/registryApi.ts) and put back what they saved. The journeys in
 * tests/journeys are the same files `npm run e2e:sandbox` runs through the sandbox host
 * (`hostKind` tells them which host they are on); tests/grafana holds what only a real Grafana can
 * show (navigation, the configuration page, restarts). The SLO editor journey checks the downloaded
 * rules with `promtool` (on the PATH, or PROMTOOL).
 */
const pluginE2eAuth = `${dirname(require.resolve('@grafana/plugin-e2e'))}/auth`;

/** The journey that runs as a Viewer. */
const viewerJourneys = /journeys\/viewer\.spec\.ts$/;
/** The journey that runs as an Editor (and restarts Grafana); every other journey runs as the admin. */
const editorJourneys = /storageRestart\.spec\.ts$/;

const chrome = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1400, height: 900 },
  // Browsers that `npx playwright install` cannot download can be pointed at, e.g. /usr/bin/chromium.
  ...(process.env.CHROMIUM_PATH ? { launchOptions: { executablePath: process.env.CHROMIUM_PATH } } : {}),
};

/**
 * The restart journey, as an Editor, last since it restarts Grafana. Only the environment knows how
 * to restart it (`docker compose restart grafana`, a systemd unit, a rollout), so these projects exist
 * only when GRAFANA_RESTART_COMMAND names the command; without it the journey is not collected.
 */
const restartProjects = process.env.GRAFANA_RESTART_COMMAND
  ? [
      { name: 'editor-auth', testDir: pluginE2eAuth, testMatch: [/.*\.js/], use: { user: EDITOR } },
      {
        name: 'editor',
        testMatch: editorJourneys,
        use: { ...chrome, storageState: storageStateOf(EDITOR) },
        dependencies: ['editor-auth'],
      },
    ]
  : [];

export default defineConfig<PluginOptions & JourneyOptions>({
  testDir: './tests',
  testMatch: /(grafana|journeys)\/.*\.spec\.ts$/,
  outputDir: './test-results/grafana',
  // The journeys share one Grafana and some save its registry (restoring it afterwards) or restart
  // it: one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 90000,
  expect: { timeout: 15000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    hostKind: 'grafana',
    baseURL: process.env.GRAFANA_URL || 'http://localhost:3000',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // 1. Log in as the admin (GRAFANA_ADMIN_USER / GRAFANA_ADMIN_PASSWORD, default admin/admin).
    {
      name: 'auth',
      testDir: pluginE2eAuth,
      testMatch: [/.*\.js/],
    },
    // 2. Create the Viewer through the admin API and log in as them.
    {
      name: 'viewer-auth',
      testDir: pluginE2eAuth,
      testMatch: [/.*\.js/],
      use: { user: VIEWER },
    },
    // 3. The journeys, as the admin.
    {
      name: 'chromium',
      testIgnore: [viewerJourneys, editorJourneys],
      use: { ...chrome, storageState: storageStateOf(ADMIN) },
      dependencies: ['auth'],
    },
    // 4. The read-only journey, as the Viewer.
    {
      name: 'viewer',
      testMatch: viewerJourneys,
      use: { ...chrome, storageState: storageStateOf(VIEWER) },
      dependencies: ['viewer-auth'],
    },
    ...restartProjects,
  ],
});
