import { expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { testIds } from '../../../src/components/testIds';
import { personUrl, serviceCreateUrl, servicesUrl } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyPort, SandboxInstance, startSandbox } from './sandboxInstance';

let sandbox: SandboxInstance;

test.beforeAll(async () => {
  sandbox = await startSandbox(journeyPort(2));
});

test.afterAll(async () => {
  await sandbox?.stop();
});

test.use({ baseURL: `http://127.0.0.1:${journeyPort(2)}` });

function screenshot(page: Page, name: string) {
  return page.screenshot({ path: join(__dirname, '..', 'screenshots', `journey-${name}.png`), fullPage: true });
}

test('a service created with a business owner and a runbook link shows in the list and on the person page', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const before = await sandbox.revision();
  await page.goto(serviceCreateUrl());
  await page.getByTestId(testIds.services.form).waitFor();
  await page.locator('#service-id').fill('gift-cards');
  await page.locator('#service-name').fill('Gift cards');
  await page.locator('#owner-businessOwner').click();
  await page.locator('#owner-businessOwner').fill('Ana');
  await page
    .getByRole('option', { name: /Ana Lima/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Add a link' }).click();
  const url = page.getByRole('textbox', { name: /^Link \d+ URL$/ }).last();
  await url.fill('https://runbooks.example.com/gift-cards');
  await page
    .getByRole('textbox', { name: /^Link \d+ title$/ })
    .last()
    .fill('Gift cards runbook');
  await screenshot(page, 'create-service-form');
  await page.getByTestId(testIds.services.save).click();
  await expect.poll(() => sandbox.revision()).toBe(before + 1);
  const saved = (await sandbox.registry()).services.find((service) => service.id === 'gift-cards');
  expect(saved?.owners.businessOwner).toBe('ana');
  expect(saved?.links).toEqual([
    { type: 'runbook', title: 'Gift cards runbook', url: 'https://runbooks.example.com/gift-cards' },
  ]);

  await page.goto(servicesUrl());
  const list = page.getByTestId(testIds.services.list);
  await expect(list.getByRole('link', { name: 'Gift cards', exact: true })).toBeVisible();
  await screenshot(page, 'create-service-list');

  await page.goto(personUrl('ana'));
  await expect(page.getByRole('link', { name: 'Gift cards', exact: true })).toBeVisible();
  await screenshot(page, 'create-service-person');
  await watcher.assertClean();
});
