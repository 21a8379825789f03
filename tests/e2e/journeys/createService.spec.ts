import { expect, test } from '@playwright/test';
import { testIds } from '../../../src/components/testIds';
import { personUrl, serviceCreateUrl, servicesUrl } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(2);

test('a service created with a business owner and a runbook link shows in the list and on the person page', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const before = await sandbox().revision();
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
  await journeyScreenshot(page, 'create-service-form');
  await page.getByTestId(testIds.services.save).click();
  await expect.poll(() => sandbox().revision()).toBe(before + 1);
  const saved = (await sandbox().registry()).services.find((service) => service.id === 'gift-cards');
  expect(saved?.owners.businessOwner).toBe('ana');
  expect(saved?.links).toEqual([
    { type: 'runbook', title: 'Gift cards runbook', url: 'https://runbooks.example.com/gift-cards' },
  ]);

  await page.goto(servicesUrl());
  const list = page.getByTestId(testIds.services.list);
  await expect(list.getByRole('link', { name: 'Gift cards', exact: true })).toBeVisible();
  await journeyScreenshot(page, 'create-service-list');

  await page.goto(personUrl('ana'));
  await expect(page.getByRole('link', { name: 'Gift cards', exact: true })).toBeVisible();
  await journeyScreenshot(page, 'create-service-person');
  await watcher.assertClean();
});
