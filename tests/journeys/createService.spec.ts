import { testIds } from '../../src/components/testIds';
import { personUrl, serviceCreateUrl, servicesUrl, serviceUrl } from '../../src/routing';
import { expect, test } from './host';
import { pickOption, uniqueSuffix } from './pages';

test('a service created with a business owner and a runbook link shows in the list and on the person page', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const before = await host.revision();
  const suffix = uniqueSuffix();
  const id = `gift-cards-${suffix}`;
  const name = `Gift cards ${suffix}`;
  const runbook = `https://runbooks.example.com/${id}`;

  await page.goto(serviceCreateUrl());
  await expect(page.getByTestId(testIds.services.form)).toBeVisible();
  await page.locator('#service-id').fill(id);
  await page.locator('#service-name').fill(name);
  await pickOption(page, page.locator('#owner-businessOwner'), 'Ana', /Ana Lima/);
  await page.getByRole('button', { name: 'Add a link' }).click();
  await page
    .getByRole('textbox', { name: /^Link \d+ URL$/ })
    .last()
    .fill(runbook);
  await page
    .getByRole('textbox', { name: /^Link \d+ title$/ })
    .last()
    .fill('Gift cards runbook');
  await host.screenshot(page, 'create-service-form');
  await page.getByTestId(testIds.services.save).click();

  // Saving opens the new service's page; the host now stores the next revision with the service in it.
  await expect(page).toHaveURL(new RegExp(`${serviceUrl(id)}(\\?|$)`));
  await expect.poll(() => host.revision()).toBe(before + 1);
  const saved = (await host.registry()).services.find((service) => service.id === id);
  expect(saved?.owners.businessOwner).toBe('ana');
  expect(saved?.links).toEqual([{ type: 'runbook', title: 'Gift cards runbook', url: runbook }]);

  await page.goto(servicesUrl({ q: id }));
  const list = page.getByTestId(testIds.services.list);
  await expect(list.getByRole('link', { name, exact: true })).toBeVisible();
  await host.screenshot(page, 'create-service-list');

  await page.goto(personUrl('ana'));
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await host.screenshot(page, 'create-service-person');
  await watcher.assertClean();
});
