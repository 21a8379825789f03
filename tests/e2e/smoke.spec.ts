import { test } from '@playwright/test';
import { join } from 'node:path';
import pluginJson from '../../src/plugin.json';
import { watchPage } from './watchPage';

const routes = pluginJson.includes
  .filter((include) => include.type === 'page')
  .map((include) => ({ name: include.name, path: include.path.replace('%PLUGIN_ID%', pluginJson.id) }));

for (const route of routes) {
  test(`${route.name} page opens without errors`, async ({ page }) => {
    const watcher = watchPage(page);
    await page.goto(route.path);
    await page.getByRole('heading', { name: route.name, exact: true }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(__dirname, 'screenshots', `${route.name.toLowerCase()}.png`), fullPage: true });
    await watcher.assertClean();
  });
}
