import type { APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { testIds } from '../../src/components/testIds';
import { serviceEditUrl, serviceUrl } from '../../src/routing';
import { expect, test } from './fixtures';
import { uniqueSuffix } from '../journeys/pages';
import { watchPage } from './helpers';
import { EDITOR } from './users';

/**
 * This journey runs in the `editor` project, signed in as the Editor the `editor-auth` project
 * created. It restarts Grafana with the command GRAFANA_RESTART_COMMAND names; playwright.config.ts
 * collects it only when that is set.
 */
const RESTART_COMMAND = process.env.GRAFANA_RESTART_COMMAND ?? '';

const SERVICE = 'search';
/** How long Grafana may take to answer again after the restart command returned. */
const RESTART_TIMEOUT_MS = 120_000;

/**
 * Runs the restart command in a shell, from the repository root, and fails with its output when it
 * does not exit 0. It must return once the old Grafana process is gone (as `docker compose restart`
 * does); the journey then waits for the new one.
 */
function restartGrafana(command: string) {
  const run = spawnSync(command, { shell: true, encoding: 'utf8', timeout: RESTART_TIMEOUT_MS });
  if (run.error || run.status !== 0) {
    throw new Error(
      `GRAFANA_RESTART_COMMAND (${command}) failed: ${run.error?.message ?? `exit code ${run.status}`}\n${run.stdout}${run.stderr}`
    );
  }
}

/** The status of `GET /api/health`, 0 while Grafana does not answer. */
async function healthStatus(request: APIRequestContext): Promise<number> {
  try {
    return (await request.get('/api/health', { timeout: 5000 })).status();
  } catch {
    return 0;
  }
}

test('an Editor’s edit survives a Grafana restart, and the service’s history names the Editor', async ({
  page,
  registry,
  request,
}) => {
  test.setTimeout(RESTART_TIMEOUT_MS * 2 + 60_000);
  const user = (await (await request.get('/api/user')).json()) as { login: string };
  expect(user.login).toBe(EDITOR.user);
  const orgs = (await (await request.get('/api/user/orgs')).json()) as Array<{ orgId: number; role: string }>;
  expect(orgs.find((org) => org.orgId === 1)?.role).toBe('Editor');

  const description = `Product search, kept across restarts ${uniqueSuffix()}`;
  const before = await registry.read();
  expect(before.services.map((service) => service.id)).toContain(SERVICE);
  const historyLine = `${EDITOR.user}: service ${SERVICE} changed`;

  const watcher = watchPage(page);
  await page.goto(serviceEditUrl(SERVICE));
  await expect(page.getByTestId(testIds.services.form)).toBeVisible();
  await page.locator('#service-description').fill(description);
  await page.getByTestId(testIds.services.save).click();
  await expect(page).toHaveURL(new RegExp(`${serviceUrl(SERVICE)}(\\?|$)`));
  await expect
    .poll(async () => (await registry.read()).services.find((service) => service.id === SERVICE)?.description)
    .toBe(description);
  await expect(page.getByTestId(testIds.history.entry).first()).toContainText(historyLine);
  await watcher.assertClean();

  restartGrafana(RESTART_COMMAND);
  await expect
    .poll(() => healthStatus(request), {
      timeout: RESTART_TIMEOUT_MS,
      intervals: [1000],
      message: `Grafana answers GET /api/health within ${RESTART_TIMEOUT_MS / 1000} s of the restart`,
    })
    .toBe(200);

  // Grafana re-applied provisioning (provisioning/plugins/apps.yaml) at its start; the registry is
  // not in it, and nothing seeded it again.
  const afterRestart = watchPage(page);
  await page.reload();
  const history = page.getByTestId(testIds.history.section);
  await expect(page.getByText(description)).toBeVisible();
  await expect(history.getByTestId(testIds.history.entry).first()).toContainText(historyLine);
  expect((await registry.read()).services.find((service) => service.id === SERVICE)?.description).toBe(description);
  await afterRestart.assertClean();
});
