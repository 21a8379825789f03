import { expect, Locator, test } from '@playwright/test';
import { testIds } from '../../../src/components/testIds';
import { serviceEditUrl, sloEditUrl } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

/** As SliFields' queryTestId: that module pulls in @grafana/ui, which needs a browser. */
const queryTestId = (path: string) => `${testIds.sloEditor.query}-${path}`;

const sandbox = useJourneySandbox(1);

/** The closest element around `field` that also holds `message`: the message is next to the field. */
function besideField(field: Locator, message: string | RegExp) {
  return field.locator('xpath=ancestor::*').filter({ hasText: message }).last();
}

test('a javascript: runbook URL in the service form is refused next to the field and nothing is saved', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const before = await sandbox().revision();
  await page.goto(serviceEditUrl('checkout'));
  await page.getByTestId(testIds.services.form).waitFor();
  const urls = page.getByRole('textbox', { name: /^Link \d+ URL$/ });
  const stored = await urls.count();
  await page.getByRole('button', { name: 'Add a link' }).click();
  const url = urls.last();
  await url.fill('javascript:alert(document.cookie)');
  await page.getByTestId(testIds.services.save).click();
  const message = /"javascript:" URLs are refused/;
  await expect(besideField(url, message)).toBeVisible();
  await expect(page.getByText(message).first()).toBeVisible();
  await journeyScreenshot(page, 'bad-runbook-url');
  expect(await sandbox().revision()).toBe(before);
  await page.reload();
  await page.getByTestId(testIds.services.form).waitFor();
  await expect(urls).toHaveCount(stored);
  for (const kept of await urls.all()) {
    await expect(kept).not.toHaveValue(/javascript:/);
  }
  await watcher.assertClean();
});

test('an invalid PromQL query in the SLO editor is refused next to the field and nothing is saved', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const before = await sandbox().revision();
  await page.goto(sloEditUrl('checkout-availability'));
  await page.getByTestId(testIds.sloEditor.form).waitFor();
  const query = page.getByTestId(queryTestId('sli.total'));
  await query.fill('sum(rate(http_requests_total{service="checkout"}[5m])');
  const error = besideField(query, /./).getByTestId(testIds.sloEditor.queryError);
  await expect(error).toBeVisible();
  await page.getByTestId(testIds.sloEditor.save).click();
  await journeyScreenshot(page, 'bad-promql');
  expect(await sandbox().revision()).toBe(before);
  await page.reload();
  await page.getByTestId(testIds.sloEditor.form).waitFor();
  await expect(page.getByTestId(queryTestId('sli.total'))).toHaveValue('http_requests_total{service="checkout"}');
  await watcher.assertClean();
});
