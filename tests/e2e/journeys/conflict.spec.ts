import { Browser, expect, test } from '@playwright/test';
import { testIds } from '../../../src/components/testIds';
import { serviceEditUrl, serviceUrl } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(4);

/** A browser of its own (cookies, storage, loaded registry) on the service's edit form. */
async function openEditForm(browser: Browser, serviceId: string) {
  const context = await browser.newContext({ baseURL: sandbox().baseURL, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const watcher = watchPage(page);
  await page.goto(serviceEditUrl(serviceId));
  await page.getByTestId(testIds.services.form).waitFor();
  return { context, page, watcher };
}

test('two people edit the same service: the second save is refused with a conflict, nothing is lost, and after a reload both changes are stored', async ({
  browser,
}) => {
  const before = await sandbox().registry();
  const original = before.services.find((service) => service.id === 'search');
  expect(original).toBeDefined();
  const description = 'Product search, suggestions and spelling corrections.';
  const name = 'Search and suggestions';
  expect(original?.description).not.toBe(description);
  expect(original?.name).not.toBe(name);

  const first = await openEditForm(browser, 'search');
  const second = await openEditForm(browser, 'search');
  try {
    // Both forms were loaded before either saved.
    await expect(second.page.locator('#service-name')).toHaveValue(original!.name);

    await first.page.locator('#service-description').fill(description);
    await first.page.getByTestId(testIds.services.save).click();
    await first.page.waitForURL(`**${serviceUrl('search')}`);
    await expect.poll(() => sandbox().revision()).toBe(before.revision + 1);
    await journeyScreenshot(first.page, 'conflict-first-saved');

    await second.page.locator('#service-name').fill(name);
    await second.page.getByTestId(testIds.services.save).click();
    const failure = second.page.getByTestId(testIds.registry.saveFailure);
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Someone else changed the registry');
    await expect(failure).toContainText(/saved service search at .* \(version \d+\) after you loaded it/);
    await expect(failure).toContainText('service search changed');
    await expect(failure).toContainText('Nothing was saved; your edits are still here');
    await journeyScreenshot(second.page, 'conflict-refused');

    // The refused save changed nothing: the first change is stored, the second one is still typed in.
    const afterFirst = await sandbox().registry();
    expect(afterFirst.revision).toBe(before.revision + 1);
    const stored = afterFirst.services.find((service) => service.id === 'search');
    expect(stored?.description).toBe(description);
    expect(stored?.name).toBe(original?.name);
    await expect(second.page.getByTestId(testIds.services.form)).toBeVisible();
    await expect(second.page.locator('#service-name')).toHaveValue(name);

    // Reloading brings in the first change and keeps the second person's edit.
    await failure.getByTestId(testIds.registry.reload).click();
    await expect(failure).toHaveCount(0);
    await expect(second.page.locator('#service-description')).toHaveValue(description);
    await expect(second.page.locator('#service-name')).toHaveValue(name);
    await journeyScreenshot(second.page, 'conflict-reloaded');

    await second.page.getByTestId(testIds.services.save).click();
    await second.page.waitForURL(`**${serviceUrl('search')}`);
    await expect.poll(() => sandbox().revision()).toBe(before.revision + 2);
    const both = (await sandbox().registry()).services.find((service) => service.id === 'search');
    expect(both?.description).toBe(description);
    expect(both?.name).toBe(name);
    await expect(second.page.getByRole('heading', { name, exact: true }).first()).toBeVisible();
    await journeyScreenshot(second.page, 'conflict-both-saved');

    await first.watcher.assertClean();
    await second.watcher.assertClean();
  } finally {
    await first.context.close();
    await second.context.close();
  }
});
