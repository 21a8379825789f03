import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
import { INDEX_UID } from '../../src/storage/documents/layout';
import {
  personUrl,
  prefixRoute,
  serviceEditUrl,
  servicesImportUrl,
  servicesUrl,
  serviceUrl,
  sloEditUrl,
} from '../../src/routing';
import { expect, test } from './fixtures';
import { SETTINGS_URL, watchPage } from './helpers';
import { VIEWER } from './users';

/** This journey runs in the `viewer` project: signed in as the Viewer the `viewer-auth` project created. */

/** What the app tells a user without edit permission on the registry's folder (storage's readOnlyMessage). */
const READ_ONLY =
  /You can view but not change the registry: saving needs edit permission on the "Business Owner registry" folder/;

async function expectReadOnly(page: Page) {
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toBeVisible();
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toContainText('Read-only access');
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toContainText(READ_ONLY);
}

test('a Viewer sees every page read-only, and Grafana refuses their writes', async ({
  openApp,
  page,
  registry,
  request,
}) => {
  const watcher = watchPage(page);
  const user = await request.get('/api/user');
  expect(user.ok()).toBe(true);
  expect((await user.json()).login).toBe(VIEWER.user);
  const orgs = (await (await request.get('/api/user/orgs')).json()) as Array<{ orgId: number; role: string }>;
  expect(orgs.find((org) => org.orgId === 1)?.role).toBe('Viewer');
  const before = await registry.revision();

  await openApp(servicesUrl());
  await expectReadOnly(page);
  await expect(page.getByTestId(testIds.services.list)).toBeVisible();
  await expect(page.getByTestId(testIds.services.create)).toBeDisabled();

  await openApp(serviceUrl('checkout'));
  await expect(page.getByTestId(testIds.services.edit)).toBeDisabled();
  await expect(page.getByTestId(testIds.services.delete)).toBeDisabled();

  await openApp(serviceEditUrl('checkout'));
  await expectReadOnly(page);
  await expect(page.getByTestId(testIds.services.save)).toBeDisabled();

  await openApp(sloEditUrl('checkout-availability'));
  await expectReadOnly(page);
  await expect(page.getByTestId(testIds.sloEditor.save)).toBeDisabled();
  await expect(page.getByTestId(testIds.sloEditor.delete)).toBeDisabled();

  await openApp(prefixRoute(ROUTES.Slos));
  await expectReadOnly(page);
  await expect(page.getByTestId(testIds.slos.create)).toBeDisabled();

  await openApp(prefixRoute(ROUTES.People));
  await expectReadOnly(page);
  await expect(page.getByTestId(testIds.people.create)).toBeDisabled();

  await openApp(personUrl('ana'));
  await expect(page.getByTestId(testIds.people.edit)).toBeDisabled();

  await openApp(servicesImportUrl());
  await expectReadOnly(page);

  // Grafana itself refuses a Viewer's write of the app's settings (the body is what is stored now)…
  const { enabled, pinned, jsonData } = registry.before.settingsRow;
  const write = await request.post(SETTINGS_URL, { data: { enabled, pinned, jsonData: jsonData ?? {} } });
  expect(write.status()).toBe(403);

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
  expect(await registry.revision()).toBe(before);
  await watcher.assertClean();
});
