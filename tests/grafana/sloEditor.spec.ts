import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { testIds } from '../../src/components/testIds';
import { availabilitySli } from '../../src/pages/Slos/editor/sli/templates';
import { sloEditUrl, slosUrl } from '../../src/routing';
import { expect, test } from './fixtures';
import { uniqueSuffix, watchPage } from './helpers';

/** As SliFields' queryTestId: that module pulls in @grafana/ui, which needs a browser. */
const queryTestId = (path: string) => `${testIds.sloEditor.query}-${path}`;

/** The text of the file a click downloads. */
async function downloadedText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('an SLO built from the availability template previews live, saves, and its rules download', async ({
  openApp,
  page,
  registry,
  selectors,
}) => {
  const watcher = watchPage(page);
  const before = await registry.revision();
  const suffix = uniqueSuffix();
  const name = `Checkout journey ${suffix}`;
  const id = `checkout-journey-${suffix}`;
  // What the template builds from the demo's request counter and the service's selector.
  const expected = availabilitySli({
    metric: 'http_requests_total',
    matchers: [{ label: 'service', value: 'checkout' }],
    statusLabel: 'code',
  });

  const editor = await openApp(sloEditUrl());
  await expect(page.getByTestId(testIds.sloEditor.form)).toBeVisible();
  await page.getByTestId(testIds.sloEditor.service).click();
  await page.getByTestId(testIds.sloEditor.service).fill('Checkout');
  await page
    .getByRole('option', { name: /^Checkout/ })
    .first()
    .click();
  await page.getByTestId(testIds.sloEditor.name).fill(name);
  await expect(page.getByTestId(testIds.sloEditor.id)).toHaveValue(id);

  // The template's pickers read metric and label names from Prometheus through Grafana.
  const template = page.getByTestId(testIds.sloEditor.template);
  await template.getByText('Template: HTTP availability from a status-code label').click();
  const metric = page.getByTestId(testIds.sloEditor.templateMetric);
  await metric.click();
  await metric.fill('http_requests_total');
  await page.getByRole('option', { name: 'http_requests_total', exact: true }).first().click();
  // The series start from the service's selector, `{service="checkout"}`.
  const matchers = template.getByTestId(testIds.sloEditor.templateMatchers);
  await expect(matchers.getByRole('combobox', { name: 'Label' }).first()).toHaveValue('service');
  await expect(matchers.getByRole('combobox', { name: 'Value' }).first()).toHaveValue('checkout');
  await expect(page.getByTestId(testIds.sloEditor.templateLabel)).toHaveValue('code');
  await page.getByTestId(testIds.sloEditor.templateApply).click();
  await expect(page.getByTestId(queryTestId('sli.bad'))).toHaveValue(expected.bad ?? '');
  await expect(page.getByTestId(queryTestId('sli.total'))).toHaveValue(expected.total);

  // The live preview measures the SLI over the window and draws its panels.
  const preview = page.getByTestId(testIds.sloEditor.preview);
  await expect(preview.getByTestId(testIds.sloEditor.previewSummary)).toContainText(/SLI .*error budget left/);
  await expect(preview.getByTestId(testIds.sloEditor.previewNoData)).toHaveCount(0);
  const burnDown = editor.getByGrafanaSelector(
    selectors.components.Panels.Panel.title('Error budget burn-down over the window'),
    { root: preview }
  );
  await expect(burnDown.locator('canvas').first()).toBeVisible();
  await expect(burnDown).not.toContainText('No data');

  // The review shows the generated rules, and the editor offers them as a file.
  await expect(page.getByTestId(testIds.sloEditor.review)).toContainText(id);
  const ruleFile = await downloadedText(page, async () => {
    await page.getByTestId(testIds.sloEditor.download).click();
    await page.getByRole('menuitem', { name: 'This SLO' }).click();
  });
  expect(ruleFile.name).toBe(`slo-${id}.rules.yaml`);
  expect(ruleFile.text).toContain(id);

  await page.getByTestId(testIds.sloEditor.save).click();
  await expect(page).toHaveURL(new RegExp(`/slos\\?q=${id}`));
  await expect.poll(() => registry.revision()).toBe(before + 1);
  const saved = (await registry.read()).slos.find((slo) => slo.id === id);
  expect(saved).toMatchObject({ serviceId: 'checkout', name, sli: expected });
  await expect(page.getByTestId(testIds.slos.list)).toContainText(name);

  // The SLO list offers every generated rule file, the new SLO's rules included.
  await openApp(slosUrl());
  const allRules = await downloadedText(page, () => page.getByTestId(testIds.slos.downloadAll).click());
  expect(allRules.name).toBe('slos.rules.yaml');
  expect(allRules.text).toContain(id);
  await watcher.assertClean();
});
