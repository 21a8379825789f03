import { expect, test } from '@playwright/test';
import { testIds } from '../../../src/components/testIds';
import { CONFIG_URL } from '../../../src/constants';
import { serviceEditUrl, serviceUrl } from '../../../src/routing';
import { RegistryUser } from '../../../src/storage/access';
import { createGrafanaApi } from '../../../src/storage/grafana/api';
import { fetchTransport } from '../../../src/storage/grafana/fetchTransport';
import { loadRegistry, saveRegistry } from '../../../src/storage/registryStore';
import { byTestId, seriousViolations } from '../axe';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

/** Two Editors who save through the API with their own tokens, so the history names them. */
const TOKENS = {
  'token-ana': { role: 'Editor' as const, login: 'ana' },
  'token-bruno': { role: 'Editor' as const, login: 'bruno' },
};

const sandbox = useJourneySandbox(10, 'Editor', { tokens: TOKENS });

/** Renames `serviceId` as the owner of `token`, the way the app saves. */
async function renameAs(token: keyof typeof TOKENS, serviceId: string, name: string) {
  const api = createGrafanaApi(fetchTransport(sandbox().baseURL, token));
  const user = { login: TOKENS[token].login, orgRole: 'Editor', permissions: {} } as unknown as RegistryUser;
  const loaded = await loadRegistry(api, user);
  if (!loaded.ok) {
    throw new Error(loaded.message);
  }
  const next = {
    ...loaded.doc,
    services: loaded.doc.services.map((service) => (service.id === serviceId ? { ...service, name } : service)),
  };
  const saved = await saveRegistry(loaded, next, { api, user });
  if (!saved.ok) {
    throw new Error(saved.message);
  }
}

test('an Editor’s edit survives a restart that re-applies provisioning, and the history names the Editor', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const description = 'Search, kept across restarts.';
  await page.goto(serviceEditUrl('search'));
  await page.getByTestId(testIds.services.form).waitFor();
  await page.locator('#service-description').fill(description);
  await page.getByTestId(testIds.services.save).click();
  await page.waitForURL(`**${serviceUrl('search')}`);

  // Grafana re-applies provisioning/plugins/apps.yaml at every start; the registry is not in it.
  // The page is closed first: requests in flight when a server stops fail in any browser.
  await page.goto('about:blank');
  await sandbox().restart();
  expect((await sandbox().registry()).services.find((service) => service.id === 'search')?.description).toBe(
    description
  );

  await page.goto(serviceUrl('search'));
  await expect(page.getByText(description)).toBeVisible();
  const history = page.getByTestId(testIds.history.section);
  await expect(history.getByTestId(testIds.history.entry).first()).toContainText('editor: service search changed');
  await journeyScreenshot(page, 'storage-after-restart');
  await watcher.assertClean();
});

test('a service’s history shows three edits with author and summary; restoring the first brings its values back as a new version', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const original = (await sandbox().registry()).services.find((service) => service.id === 'catalog')?.name;
  await renameAs('token-ana', 'catalog', 'Catalog one');
  await renameAs('token-bruno', 'catalog', 'Catalog two');
  await renameAs('token-ana', 'catalog', 'Catalog three');

  await page.goto(serviceUrl('catalog'));
  const history = page.getByTestId(testIds.history.section);
  const entries = history.getByTestId(testIds.history.entry);
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText('v4');
  await expect(entries.nth(0)).toContainText('ana: service catalog changed');
  await expect(entries.nth(1)).toContainText('bruno: service catalog changed');
  await expect(entries.nth(2)).toContainText('v2');
  await expect(entries.nth(2)).toContainText('ana: service catalog changed');
  await journeyScreenshot(page, 'storage-history');

  expect(await seriousViolations(page, [byTestId(testIds.history.section)])).toEqual([]);

  // Version 2 is the first edit ("Catalog one"); version 1 is the seeded one.
  await page.getByRole('button', { name: 'Restore version 2' }).click();
  await expect(page.getByRole('dialog')).toContainText('Restore version 2?');
  expect(await seriousViolations(page, ['[role="dialog"]'])).toEqual([]);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByTestId(testIds.history.outcome)).toContainText('Version 2 restored as a new version.');
  expect(await seriousViolations(page, [byTestId(testIds.history.section)])).toEqual([]);
  await expect(entries.nth(0)).toContainText('v5');
  await expect(entries.nth(0)).toContainText('editor: restored version 2');
  await expect
    .poll(async () => (await sandbox().registry()).services.find((service) => service.id === 'catalog')?.name)
    .toBe('Catalog one');
  expect(original).not.toBe('Catalog one');
  await journeyScreenshot(page, 'storage-restored');
  await watcher.assertClean();
});

test('Check storage on the configuration page reads every document and finds the index up to date', async ({
  page,
}) => {
  const watcher = watchPage(page);
  await page.goto(CONFIG_URL);
  await page.getByTestId(testIds.appConfig.checkStorage).click();
  const outcome = page.getByTestId(testIds.appConfig.checkOutcome);
  await expect(outcome).toContainText('documents checked');
  await expect(outcome).toContainText('The index was up to date.');
  expect(
    await seriousViolations(page, [byTestId(testIds.appConfig.checkStorage), byTestId(testIds.appConfig.checkOutcome)])
  ).toEqual([]);
  await journeyScreenshot(page, 'storage-check');
  await watcher.assertClean();
});
