import type { Download, Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { testIds } from '../../src/components/testIds';
import { sloEditUrl, slosUrl, sloUrl } from '../../src/routing';
import { expect, test } from './host';
import { panel, pickOption, sliQueryField, uniqueSuffix } from './pages';

const HISTOGRAM = 'http_request_duration_seconds_bucket';

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ record?: string; alert?: string; labels?: Record<string, string> }> }>;
}

/**
 * The files the click downloads, by name, saved where the test keeps its output; `expected` are the
 * names that must all arrive.
 */
async function downloads(page: Page, expected: string[], click: () => Promise<void>, saveAs: (name: string) => string) {
  const seen: Download[] = [];
  const listener = (download: Download) => seen.push(download);
  page.on('download', listener);
  await click();
  await expect
    .poll(() => seen.map((download) => download.suggestedFilename()))
    .toEqual(expect.arrayContaining(expected));
  page.off('download', listener);
  const files = new Map<string, string>();
  for (const download of seen) {
    const file = saveAs(download.suggestedFilename());
    await download.saveAs(file);
    files.set(download.suggestedFilename(), file);
  }
  return files;
}

test('an SLO built from the latency template previews real data, saves, and its rules pass promtool', async ({
  host,
  page,
}, testInfo) => {
  const watcher = host.watch(page);
  const before = await host.revision();
  const suffix = uniqueSuffix();
  const name = `Checkout pay latency ${suffix}`;
  const id = `checkout-pay-latency-${suffix}`;

  await page.goto(sloEditUrl());
  await expect(page.getByTestId(testIds.sloEditor.form)).toBeVisible();
  await pickOption(page, page.getByTestId(testIds.sloEditor.service), 'Checkout', /^Checkout/);
  await page.getByTestId(testIds.sloEditor.name).fill(name);
  await expect(page.getByTestId(testIds.sloEditor.id)).toHaveValue(id);
  await page.getByTestId(testIds.sloEditor.kind).getByRole('radio', { name: 'Latency', exact: true }).check();

  // The template's pickers read metric names, labels and the histogram's buckets from Prometheus.
  const template = page.getByTestId(testIds.sloEditor.template);
  await template.getByText('Template: latency from a _bucket histogram').click();
  await pickOption(page, page.getByTestId(testIds.sloEditor.templateMetric), 'http_request_duration', HISTOGRAM);
  // The series start from the service's selector, `{service="checkout"}`.
  const matchers = page.getByTestId(testIds.sloEditor.templateMatchers);
  await expect(matchers.getByRole('combobox').nth(0)).toHaveValue('service');
  await expect(matchers.getByRole('combobox').nth(1)).toHaveValue('checkout');
  // The threshold closest to 0.5 s among the histogram's real `le` buckets.
  await expect(page.getByTestId(testIds.sloEditor.bucket)).toHaveValue('0.5s');
  await host.screenshot(page, 'slo-editor-template');
  await page.getByTestId(testIds.sloEditor.templateApply).click();
  await expect(sliQueryField(page, 'sli.histogram')).toContainText(`${HISTOGRAM}{service="checkout"}`);
  await expect(sliQueryField(page, 'sli.threshold')).toHaveValue('0.5');

  // The preview measures the SLI over the window and draws it: only data gives a summary and lines.
  const preview = page.getByTestId(testIds.sloEditor.preview);
  await expect(preview.getByTestId(testIds.sloEditor.previewSummary)).toContainText(
    /Over the window: SLI \d+(\.\d+)?%, -?\d+\.\d% of the error budget left\./,
    { timeout: 20000 }
  );
  await expect(preview.getByTestId(testIds.sloEditor.previewNoData)).toHaveCount(0);
  const burnDown = panel(page, 'Error budget burn-down over the window');
  await expect(burnDown.locator('canvas, svg[role="img"] polyline[points*=","]').first()).toBeAttached();
  await expect(burnDown.getByText('No data', { exact: true })).toHaveCount(0);
  await host.screenshot(page, 'slo-editor-preview');

  // The review shows the generated rules before anything is saved.
  await expect(page.getByTestId(testIds.sloEditor.review)).toContainText(id);
  await page.getByTestId(testIds.sloEditor.save).click();
  await expect(page).toHaveURL(new RegExp(`/slos\\?q=${id}`));
  await expect.poll(() => host.revision()).toBe(before + 1);
  const saved = (await host.registry()).slos.find((slo) => slo.id === id);
  expect(saved).toMatchObject({
    serviceId: 'checkout',
    name,
    sli: { kind: 'latency', histogram: `${HISTOGRAM}{service="checkout"}`, threshold: 0.5 },
  });

  // Saving lands on the SLO list filtered to the new SLO; from there, its page leads to its editor,
  // which offers its rules: they need no other file, the registry does not record Sloth's series.
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === sloUrl(id));
  await page.getByTestId(testIds.sloPage.edit).click();
  await expect(page).toHaveURL((url) => url.pathname === sloEditUrl(id));
  const files = await downloads(
    page,
    [`slo-${id}.rules.yaml`],
    async () => {
      await page.getByTestId(testIds.sloEditor.download).click();
      await page.getByRole('menuitem', { name: 'This SLO' }).click();
    },
    (file) => testInfo.outputPath(file)
  );
  expect([...files.keys()]).toEqual([`slo-${id}.rules.yaml`]);
  await host.screenshot(page, 'slo-editor-saved');

  const own = files.get(`slo-${id}.rules.yaml`)!;
  const { stdout } = await promisify(execFile)(process.env.PROMTOOL ?? 'promtool', ['check', 'rules', own]);
  expect(stdout.match(/SUCCESS/g)).toHaveLength(1);
  const recordsOf = (file: string) =>
    (parse(readFileSync(file, 'utf8')) as RuleFile).groups
      .flatMap((group) => group.rules)
      .filter((rule) => rule.record);
  const recorded = recordsOf(own);
  expect(recorded.length).toBeGreaterThan(0);
  expect(recorded.every((rule) => rule.labels?.sloth_id === id)).toBe(true);
  // six series per SLO; every window is summed from them in the alerts
  expect(recorded.map((rule) => rule.record).sort()).toEqual([
    'slo:info',
    'slo:period_error_budget_remaining:ratio',
    'slo:sli_error:increase1h',
    'slo:sli_error:increase5m',
    'slo:sli_total:increase1h',
    'slo:sli_total:increase5m',
  ]);

  // The SLO list offers every generated rule file, the new SLO's rules included.
  await page.goto(slosUrl());
  const all = await downloads(
    page,
    ['slos.rules.yaml'],
    () => page.getByTestId(testIds.slos.downloadAll).click(),
    (file) => testInfo.outputPath(`all-${file}`)
  );
  // Prometheus' rules, and Loki's when log SLIs exist.
  expect(['slos.rules.yaml', 'slos.loki.rules.yaml']).toEqual(expect.arrayContaining([...all.keys()]));
  expect(readFileSync(all.get('slos.rules.yaml')!, 'utf8')).toContain(id);
  await watcher.assertClean();
});
