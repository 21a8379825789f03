import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { ROUTES } from '../../src/constants';
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

async function expectReadOnly(page: Page) {
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toBeVisible();
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toContainText('Read-only access');
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

  // Grafana itself refuses a Viewer's write of the app's settings (the body is what is stored now).
  const write = await request.post(SETTINGS_URL, {
    data: { enabled: registry.before.enabled, pinned: registry.before.pinned, jsonData: registry.before.jsonData },
  });
  expect(write.status()).toBe(403);
  expect(await registry.revision()).toBe(before);
  await watcher.assertClean();
});
