import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pluginJson from '../../src/plugin.json';
import { testIds } from '../../src/components/testIds';
import { CONFIG_URL, ROUTES } from '../../src/constants';
import { INDEX_UID } from '../../src/storage/documents/layout';
import {
  personCreateUrl,
  personEditUrl,
  personUrl,
  prefixRoute,
  serviceCreateUrl,
  serviceEditUrl,
  servicesImportUrl,
  servicesUrl,
  serviceUrl,
  sloEditUrl,
  slosUrl,
} from '../../src/routing';
import { expect, test } from './host';

/** Runs signed in as a Viewer: the sandbox starts with that role, Grafana's `viewer` project signs one in. */
test.use({ role: 'Viewer' });

/** What the app tells a user without edit permission on the registry's folder (storage's readOnlyMessage). */
const READ_ONLY =
  /You can view but not change the registry: saving needs edit permission on the "Business Owner registry" folder/;

/** Names of controls that would change the registry. */
const WRITE_ACTION = /^(add|create|new|edit|delete|remove|save|import|duplicate)\b/i;

async function expectReadOnlyNotice(page: Page) {
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toContainText(READ_ONLY);
}

/** Each of `testIdsOfButtons` is shown but disabled, and no other write control on the page is usable. */
async function expectWriteButtonsDisabled(page: Page, testIdsOfButtons: string[]) {
  for (const testId of testIdsOfButtons) {
    await expect(page.getByTestId(testId)).toBeDisabled();
  }
  const main = page.locator('main');
  for (const button of await main.getByRole('button', { name: WRITE_ACTION }).all()) {
    await expect(button).toBeDisabled();
  }
  await expect(main.getByRole('link', { name: WRITE_ACTION })).toHaveCount(0);
}

/** The tooltip of a disabled write button, which sits on the element around it. */
async function expectReasonOnHover(page: Page, button: Locator) {
  await button.locator('xpath=..').hover();
  await expect(page.getByRole('tooltip')).toContainText(READ_ONLY);
}

test('a viewer sees every page read-only, with the reason, and cannot save anything', async ({
  host,
  page,
  request,
}) => {
  const watcher = host.watch(page);
  const before = await host.loaded();
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && /\/api\/(plugins|dashboards|folders)\b/.test(request.url())) {
      writes.push(`${request.method()} ${request.url()}`);
    }
  });

  await page.goto(servicesUrl());
  await page.getByTestId(testIds.services.list).waitFor();
  await expectReadOnlyNotice(page);
  await expectWriteButtonsDisabled(page, [testIds.services.create, testIds.services.import]);
  await expectReasonOnHover(page, page.getByTestId(testIds.services.create));
  await host.screenshot(page, 'viewer-services');

  await page.goto(serviceUrl('checkout'));
  await page.getByTestId(testIds.services.overview).waitFor();
  await expectReadOnlyNotice(page);
  await expectWriteButtonsDisabled(page, [testIds.services.edit, testIds.services.delete]);
  await host.screenshot(page, 'viewer-service');

  await page.goto(slosUrl());
  await page.getByTestId(testIds.slos.list).waitFor();
  await expectReadOnlyNotice(page);
  await expectWriteButtonsDisabled(page, [testIds.slos.create]);
  await host.screenshot(page, 'viewer-slos');

  await page.goto(sloEditUrl('checkout-availability'));
  await page.getByTestId(testIds.sloEditor.form).waitFor();
  await expectReadOnlyNotice(page);
  await expect(page.getByTestId(testIds.sloEditor.save)).toBeDisabled();
  await expect(page.getByTestId(testIds.sloEditor.duplicate)).toBeDisabled();
  await expect(page.getByTestId(testIds.sloEditor.delete)).toBeDisabled();
  await host.screenshot(page, 'viewer-slo');

  await page.goto(prefixRoute(ROUTES.People));
  await page.getByTestId(testIds.people.list).waitFor();
  await expectReadOnlyNotice(page);
  await expectWriteButtonsDisabled(page, [testIds.people.create]);
  await host.screenshot(page, 'viewer-people');

  await page.goto(personUrl('ana'));
  await page.getByTestId(testIds.people.person).waitFor();
  await expectReadOnlyNotice(page);
  await expectWriteButtonsDisabled(page, [testIds.people.edit, testIds.people.delete]);
  await host.screenshot(page, 'viewer-person');

  await page.goto(CONFIG_URL);
  await page.getByTestId(testIds.appConfig.container).waitFor();
  await expectReadOnlyNotice(page);
  await expect(page.getByTestId(testIds.appConfig.saveSettings)).toBeDisabled();
  await expect(page.getByTestId(testIds.appConfig.importText)).toBeDisabled();
  await expect(page.getByTestId(testIds.appConfig.importCheck)).toBeDisabled();
  await expect(page.getByTestId(testIds.appConfig.importFile)).toHaveCount(0);
  await host.screenshot(page, 'viewer-configuration');

  // Opened directly, create and edit URLs show the explanation above the form, and cannot save.
  const forms = [
    { name: 'service-create', url: serviceCreateUrl(), form: testIds.services.form, save: testIds.services.save },
    { name: 'service-edit', url: serviceEditUrl('checkout'), form: testIds.services.form, save: testIds.services.save },
    { name: 'person-create', url: personCreateUrl(), form: testIds.people.form, save: testIds.people.save },
    { name: 'person-edit', url: personEditUrl('ana'), form: testIds.people.form, save: testIds.people.save },
    { name: 'slo-create', url: sloEditUrl(), form: testIds.sloEditor.form, save: testIds.sloEditor.save },
  ];
  for (const { name, url, form, save } of forms) {
    await page.goto(url);
    await page.getByTestId(form).waitFor();
    await expectReadOnlyNotice(page);
    await expect(page.getByTestId(save)).toBeDisabled();
    await host.screenshot(page, `viewer-${name}`);
  }

  // The import previews for a viewer, but its save stays disabled.
  await page.goto(servicesImportUrl());
  await page.getByTestId(testIds.importer.text).waitFor();
  await expectReadOnlyNotice(page);
  await page
    .getByTestId(testIds.importer.text)
    .fill(readFileSync(join(__dirname, 'fixtures', 'catalog-info.yaml'), 'utf8'));
  await page.getByTestId(testIds.importer.check).click();
  await expect(page.getByTestId(testIds.importer.preview)).toContainText('will be created');
  await expect(page.getByTestId(testIds.importer.confirm)).toBeDisabled();
  await host.screenshot(page, 'viewer-import');

  // Typing into the edit form and pressing Enter saves nothing either.
  await page.goto(serviceEditUrl('checkout'));
  await page.getByTestId(testIds.services.form).waitFor();
  await page.locator('#service-name').fill('Checkout (changed by a viewer)');
  await page.locator('#service-name').press('Enter');
  await expect(page.getByTestId(testIds.services.save)).toBeDisabled();
  await expect(page).toHaveURL(new RegExp(`${serviceEditUrl('checkout')}$`));

  // The host itself refuses a Viewer's write of the app's settings (the body is what is stored now)…
  const { enabled, pinned, jsonData } = before.settingsRow;
  const settings = await request.post(`/api/plugins/${pluginJson.id}/settings`, {
    data: { enabled, pinned, jsonData: jsonData ?? {} },
  });
  expect(settings.status()).toBe(403);
  // …and of the registry's documents: the folder's permissions let Viewers view, not save.
  const index = await request.get(`/api/dashboards/uid/${INDEX_UID}`);
  expect(index.ok(), `GET the registry's index as the Viewer: ${index.status()}`).toBe(true);
  const stored = (await index.json()) as {
    dashboard: Record<string, unknown>;
    meta: { canSave: boolean; folderUid?: string };
  };
  expect(stored.meta.canSave).toBe(false);
  const save = await request.post('/api/dashboards/db', {
    data: {
      dashboard: stored.dashboard,
      folderUid: stored.meta.folderUid,
      overwrite: false,
      message: 'viewer journey',
    },
  });
  expect(save.status()).toBe(403);

  expect(writes).toEqual([]);
  expect(await host.revision()).toBe(before.doc.revision);
  const checkout = (await host.registry()).services.find((service) => service.id === 'checkout');
  expect(checkout?.name).toBe(before.doc.services.find((service) => service.id === 'checkout')?.name);
  await watcher.assertClean();
});
