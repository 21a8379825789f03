import type { Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { serviceEditUrl, serviceUrl } from '../../src/routing';
import { expect, test } from './fixtures';
import { uniqueSuffix, watchPage } from './helpers';

const SERVICE = 'checkout';

async function openForm(page: Page) {
  await page.goto(serviceEditUrl(SERVICE));
  await expect(page.getByTestId(testIds.services.form)).toBeVisible();
}

test('when two windows edit the same service, the second save is told of the conflict, nothing is lost, and after a reload both changes are stored', async ({
  browser,
  page,
  registry,
}) => {
  const suffix = uniqueSuffix();
  const firstDescription = `Edited in the first window ${suffix}`;
  const secondName = `Checkout ${suffix}`;
  const before = await registry.read();
  const original = before.services.find((service) => service.id === SERVICE);
  expect(original).toBeDefined();

  // A second browser context: another session of the admin, with its own copy of the registry.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    const watchers = [watchPage(page), watchPage(second)];
    await openForm(page);
    await openForm(second);

    await page.locator('#service-description').fill(firstDescription);
    await page.getByTestId(testIds.services.save).click();
    await expect(page).toHaveURL(new RegExp(`${serviceUrl(SERVICE)}(\\?|$)`));
    await expect.poll(() => registry.revision()).toBe(before.revision + 1);

    await second.locator('#service-name').fill(secondName);
    await second.getByTestId(testIds.services.save).click();
    const failure = second.getByTestId(testIds.registry.saveFailure);
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Someone else changed the registry');
    await expect(failure).toContainText(
      new RegExp(`saved service ${SERVICE} at .* \\(version \\d+\\) after you loaded it`)
    );
    await expect(failure).toContainText(`service ${SERVICE} changed`);
    await expect(failure).toContainText('Nothing was saved; your edits are still here');

    // Nothing lost: the first save is stored as made, the second window still holds its edit.
    await expect(second).toHaveURL(new RegExp(`${serviceEditUrl(SERVICE)}(\\?|$)`));
    await expect(second.locator('#service-name')).toHaveValue(secondName);
    const stored = (await registry.read()).services.find((service) => service.id === SERVICE);
    expect(stored?.description).toBe(firstDescription);
    expect(stored?.name).toBe(original?.name);
    expect(await registry.revision()).toBe(before.revision + 1);

    // Reloading brings in the first change and keeps the second window's edit; saving again stores both.
    await failure.getByTestId(testIds.registry.reload).click();
    await expect(failure).toHaveCount(0);
    await expect(second.locator('#service-description')).toHaveValue(firstDescription);
    await expect(second.locator('#service-name')).toHaveValue(secondName);
    await second.getByTestId(testIds.services.save).click();
    await expect(second).toHaveURL(new RegExp(`${serviceUrl(SERVICE)}(\\?|$)`));
    await expect.poll(() => registry.revision()).toBe(before.revision + 2);
    const both = (await registry.read()).services.find((service) => service.id === SERVICE);
    expect(both?.description).toBe(firstDescription);
    expect(both?.name).toBe(secondName);
    for (const watcher of watchers) {
      await watcher.assertClean();
    }
  } finally {
    await other.close();
  }
});
