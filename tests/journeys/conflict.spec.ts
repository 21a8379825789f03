import type { Browser, BrowserContextOptions } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { serviceEditUrl, serviceUrl } from '../../src/routing';
import { expect, test, type JourneyHost } from './host';
import { openServiceForm, uniqueSuffix } from './pages';

const SERVICE = 'search';

/** A browser session of its own (cookies, storage, loaded registry; on Grafana, the signed-in user's session) on the service's edit form. */
async function openEditForm(browser: Browser, host: JourneyHost, storageState: BrowserContextOptions['storageState']) {
  const context = await browser.newContext({
    baseURL: host.baseURL,
    viewport: { width: 1400, height: 900 },
    storageState,
  });
  const page = await context.newPage();
  const watcher = host.watch(page);
  await openServiceForm(page, serviceEditUrl(SERVICE));
  return { context, page, watcher };
}

test('two people edit the same service: the second save is refused with a conflict, nothing is lost, and after a reload both changes are stored', async ({
  browser,
  host,
  storageState,
}) => {
  const suffix = uniqueSuffix();
  const before = await host.registry();
  const original = before.services.find((service) => service.id === SERVICE);
  expect(original).toBeDefined();
  const description = `Product search, suggestions and spelling corrections (${suffix}).`;
  const name = `Search and suggestions ${suffix}`;

  const first = await openEditForm(browser, host, storageState);
  const second = await openEditForm(browser, host, storageState);
  try {
    // Both forms were loaded before either saved.
    await expect(second.page.locator('#service-name')).toHaveValue(original!.name);

    await first.page.locator('#service-description').fill(description);
    await first.page.getByTestId(testIds.services.save).click();
    await expect(first.page).toHaveURL(new RegExp(`${serviceUrl(SERVICE)}(\\?|$)`));
    await expect.poll(() => host.revision()).toBe(before.revision + 1);
    await host.screenshot(first.page, 'conflict-first-saved');

    await second.page.locator('#service-name').fill(name);
    await second.page.getByTestId(testIds.services.save).click();
    const failure = second.page.getByTestId(testIds.registry.saveFailure);
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Someone else changed the registry');
    await expect(failure).toContainText(
      new RegExp(`saved service ${SERVICE} at .* \\(version \\d+\\) after you loaded it`)
    );
    await expect(failure).toContainText(`service ${SERVICE} changed`);
    await expect(failure).toContainText('Nothing was saved; your edits are still here');
    await host.screenshot(second.page, 'conflict-refused');

    // The refused save changed nothing: the first change is stored, the second one is still typed in.
    const afterFirst = await host.registry();
    expect(afterFirst.revision).toBe(before.revision + 1);
    const stored = afterFirst.services.find((service) => service.id === SERVICE);
    expect(stored?.description).toBe(description);
    expect(stored?.name).toBe(original?.name);
    await expect(second.page).toHaveURL(new RegExp(`${serviceEditUrl(SERVICE)}(\\?|$)`));
    await expect(second.page.locator('#service-name')).toHaveValue(name);

    // Reloading brings in the first change and keeps the second person's edit; saving again stores both.
    await failure.getByTestId(testIds.registry.reload).click();
    await expect(failure).toHaveCount(0);
    await expect(second.page.locator('#service-description')).toHaveValue(description);
    await expect(second.page.locator('#service-name')).toHaveValue(name);
    await host.screenshot(second.page, 'conflict-reloaded');

    await second.page.getByTestId(testIds.services.save).click();
    await expect(second.page).toHaveURL(new RegExp(`${serviceUrl(SERVICE)}(\\?|$)`));
    await expect.poll(() => host.revision()).toBe(before.revision + 2);
    const both = (await host.registry()).services.find((service) => service.id === SERVICE);
    expect(both?.description).toBe(description);
    expect(both?.name).toBe(name);
    await expect(second.page.getByRole('heading', { name, exact: true }).first()).toBeVisible();
    await host.screenshot(second.page, 'conflict-both-saved');

    await first.watcher.assertClean();
    await second.watcher.assertClean();
  } finally {
    await first.context.close();
    await second.context.close();
  }
});
