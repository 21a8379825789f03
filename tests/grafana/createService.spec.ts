import { testIds } from '../../src/components/testIds';
import { personUrl, serviceCreateUrl, servicesUrl, serviceUrl } from '../../src/routing';
import { expect, test } from './fixtures';
import { uniqueSuffix, watchPage } from './helpers';

test('a service created with a business owner and a runbook link shows in the list and on the person page', async ({
  openApp,
  page,
  registry,
}) => {
  const watcher = watchPage(page);
  const before = await registry.revision();
  const suffix = uniqueSuffix();
  const id = `gift-cards-${suffix}`;
  const name = `Gift cards ${suffix}`;
  const runbook = `https://runbooks.example.com/${id}`;

  await openApp(serviceCreateUrl());
  await expect(page.getByTestId(testIds.services.form)).toBeVisible();
  await page.locator('#service-id').fill(id);
  await page.locator('#service-name').fill(name);
  await page.locator('#owner-businessOwner').click();
  await page.locator('#owner-businessOwner').fill('Ana');
  await page
    .getByRole('option', { name: /Ana Lima/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Add a link' }).click();
  await page
    .getByRole('textbox', { name: /^Link \d+ URL$/ })
    .last()
    .fill(runbook);
  await page
    .getByRole('textbox', { name: /^Link \d+ title$/ })
    .last()
    .fill('Gift cards runbook');
  await page.getByTestId(testIds.services.save).click();

  // Saving opens the new service's page; Grafana now stores the next revision with the service in it.
  await expect(page).toHaveURL(new RegExp(`${serviceUrl(id)}(\\?|$)`));
  await expect.poll(() => registry.revision()).toBe(before + 1);
  const saved = (await registry.read()).services.find((service) => service.id === id);
  expect(saved?.owners.businessOwner).toBe('ana');
  expect(saved?.links).toEqual([{ type: 'runbook', title: 'Gift cards runbook', url: runbook }]);

  await openApp(servicesUrl({ q: id }));
  const list = page.getByTestId(testIds.services.list);
  await expect(list.getByRole('link', { name, exact: true })).toBeVisible();

  await openApp(personUrl('ana'));
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await watcher.assertClean();
});
