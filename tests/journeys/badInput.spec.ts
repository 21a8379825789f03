import { testIds } from '../../src/components/testIds';
import { serviceEditUrl, sloEditUrl } from '../../src/routing';
import { expect, test } from './host';
import { besideField, openServiceForm, sliQueryField } from './pages';

test('a javascript: runbook URL in the service form is refused next to the field and nothing is saved', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const before = await host.registry();
  const storedLinks = before.services.find((service) => service.id === 'checkout')?.links ?? [];

  await openServiceForm(page, serviceEditUrl('checkout'));
  const urls = page.getByRole('textbox', { name: /^Link \d+ URL$/ });
  await expect(urls).toHaveCount(storedLinks.length);
  await page.getByRole('button', { name: 'Add a link' }).click();
  const url = urls.last();
  await url.fill('javascript:alert(document.cookie)');
  await page.getByTestId(testIds.services.save).click();

  const message = /"javascript:" URLs are refused/;
  await expect(besideField(url, message)).toBeVisible();
  await expect(page.getByTestId(testIds.services.problems)).toContainText(message);
  await expect(page).toHaveURL(/\/services\/checkout\/edit/);
  await host.screenshot(page, 'bad-runbook-url');
  expect(await host.revision()).toBe(before.revision);

  await page.reload();
  await expect(page.getByTestId(testIds.services.form)).toBeVisible();
  await expect(urls).toHaveCount(storedLinks.length);
  for (const kept of await urls.all()) {
    await expect(kept).not.toHaveValue(/javascript:/);
  }
  await watcher.assertClean();
});

test('an invalid PromQL query in the SLO editor is refused next to the field and nothing is saved', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const before = await host.registry();
  const stored = before.slos.find((slo) => slo.id === 'checkout-availability');
  expect(stored?.sli.kind).toBe('ratio');
  const storedTotal = stored?.sli.kind === 'ratio' ? stored.sli.total : '';

  await page.goto(sloEditUrl('checkout-availability'));
  await expect(page.getByTestId(testIds.sloEditor.form)).toBeVisible();
  const query = sliQueryField(page, 'sli.total');
  await expect(query).toHaveValue(storedTotal);
  await query.fill('sum(rate(http_requests_total{service="checkout"}[5m])');
  const error = besideField(query, /./).getByTestId(testIds.sloEditor.queryError);
  await expect(error).toBeVisible();
  await page.getByTestId(testIds.sloEditor.save).click();
  await expect(page.getByTestId(testIds.services.problems)).toBeVisible();
  await expect(page).toHaveURL(/\/slos\/checkout-availability\/edit/);
  await host.screenshot(page, 'bad-promql');
  expect(await host.revision()).toBe(before.revision);

  await page.reload();
  await expect(page.getByTestId(testIds.sloEditor.form)).toBeVisible();
  await expect(sliQueryField(page, 'sli.total')).toHaveValue(storedTotal);
  await watcher.assertClean();
});
