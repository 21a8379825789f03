import { expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import pluginJson from '../../src/plugin.json';
import {
  onCallUrl,
  personCreateUrl,
  personUrl,
  serviceCreateUrl,
  serviceEditUrl,
  servicesImportUrl,
  serviceUrl,
  sloEditUrl,
} from '../../src/routing';
import { watchPage } from './watchPage';

/** Top-level pages, as Grafana's navigation lists them from plugin.json. */
const navPages = pluginJson.includes
  .filter((include) => include.type === 'page')
  .map((include) => ({ name: include.name, path: include.path.replace('%PLUGIN_ID%', pluginJson.id) }));

/** Drill-down pages, opened on the demo registry the sandbox is provisioned with. */
const drilldowns = [
  { name: 'service-overview', path: serviceUrl('checkout') },
  { name: 'service-slos', path: serviceUrl('checkout', 'slos') },
  { name: 'service-oncall', path: serviceUrl('checkout', 'oncall') },
  { name: 'service-debug', path: serviceUrl('search', 'debug') },
  { name: 'service-cost', path: serviceUrl('payments', 'cost') },
  { name: 'service-edit', path: serviceEditUrl('checkout') },
  { name: 'service-create', path: serviceCreateUrl() },
  { name: 'services-import', path: servicesImportUrl() },
  { name: 'person', path: personUrl('ana') },
  { name: 'person-create', path: personCreateUrl() },
  { name: 'slo-edit', path: sloEditUrl('checkout-availability') },
  { name: 'slo-create', path: sloEditUrl() },
  { name: 'oncall-standalone', path: onCallUrl('payments') },
];

async function settle(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(__dirname, 'screenshots', `${name}.png`), fullPage: true });
}

for (const route of navPages) {
  test(`${route.name} page opens without errors`, async ({ page }) => {
    const watcher = watchPage(page);
    await page.goto(route.path);
    await page.getByRole('heading', { name: route.name, exact: true }).first().waitFor();
    await settle(page, route.name.toLowerCase());
    await watcher.assertClean();
  });
}

for (const route of drilldowns) {
  test(`${route.name} opens without errors`, async ({ page }) => {
    const watcher = watchPage(page);
    await page.goto(route.path);
    await page.locator('main h1').first().waitFor();
    await settle(page, route.name);
    await watcher.assertClean();
  });
}

test('from the host’s home page, the app’s link loads the plugin and opens the services list without a reload', async ({
  page,
}) => {
  const watcher = watchPage(page);
  // As in Grafana, the plugin's code is not loaded until one of its pages opens.
  const pluginRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(`/public/plugins/${pluginJson.id}/`)) {
      pluginRequests.push(request.url());
    }
  });
  await page.goto('/sandbox');
  await page.getByTestId('sandbox-home').waitFor();
  await page.waitForLoadState('networkidle');
  const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
  expect(pluginRequests).toEqual([]);
  await page.getByRole('link', { name: `${pluginJson.name}: Services`, exact: true }).click();
  await page.getByRole('heading', { name: 'Services', exact: true }).first().waitFor();
  await page.locator('tbody tr').first().waitFor();
  expect(pluginRequests.some((url) => url.endsWith('/module.js'))).toBe(true);
  // The same document: the navigation happened inside the single-page app.
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
  await watcher.assertClean();
});
