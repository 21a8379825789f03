import { Download, expect, Page, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { testIds } from '../../../src/components/testIds';
import { sloEditUrl } from '../../../src/routing';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(6);

const HISTOGRAM = 'http_request_duration_seconds_bucket';

/** Picks `option` in a @grafana/ui Combobox after typing `text` into it. */
async function pick(page: Page, testId: string, text: string, option: string | RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ record?: string; alert?: string; labels?: Record<string, string> }> }>;
}

test('an SLO built from the latency template previews real data, saves, and its rules pass promtool', async ({
  page,
}, testInfo) => {
  const watcher = watchPage(page);
  const before = await sandbox().revision();
  // A fresh id per repetition: the sandbox keeps what earlier repetitions saved.
  const name = `Checkout pay latency ${testInfo.repeatEachIndex + 1}`;
  const id = `checkout-pay-latency-${testInfo.repeatEachIndex + 1}`;

  await page.goto(sloEditUrl());
  await page.getByTestId(testIds.sloEditor.form).waitFor();
  await pick(page, testIds.sloEditor.service, 'Checkout', /^Checkout/);
  await page.getByTestId(testIds.sloEditor.name).fill(name);
  await expect(page.getByTestId(testIds.sloEditor.id)).toHaveValue(id);
  await page.getByTestId(testIds.sloEditor.kind).getByRole('radio', { name: 'Latency', exact: true }).check();

  // The template's pickers read metric names, labels and the histogram's buckets from Prometheus.
  const template = page.getByTestId(testIds.sloEditor.template);
  await template.getByText('Template: latency from a _bucket histogram').click();
  await pick(page, testIds.sloEditor.templateMetric, 'http_request_duration', HISTOGRAM);
  await expect(page.getByTestId(testIds.sloEditor.templateMatchers).getByRole('combobox').nth(1)).toHaveValue(
    'checkout'
  );
  // The threshold closest to 0.5 s among the histogram's real `le` buckets.
  await expect(page.getByTestId(testIds.sloEditor.bucket)).toHaveValue('0.5s');
  await journeyScreenshot(page, 'slo-editor-template');
  await page.getByTestId(testIds.sloEditor.templateApply).click();
  await expect(page.getByTestId(`${testIds.sloEditor.query}-sli.histogram`)).toContainText(
    `${HISTOGRAM}{service="checkout"}`
  );
  await expect(page.getByTestId(`${testIds.sloEditor.query}-sli.threshold`)).toHaveValue('0.5');

  // The preview measures the SLI over the window and draws it: only data gives a summary and lines.
  const preview = page.getByTestId(testIds.sloEditor.preview);
  await expect(preview.getByTestId(testIds.sloEditor.previewSummary)).toContainText(
    /Over the window: SLI \d+(\.\d+)?%, -?\d+\.\d% of the error budget left\./,
    { timeout: 20000 }
  );
  await expect(preview.getByTestId(testIds.sloEditor.previewNoData)).toHaveCount(0);
  await expect(preview.locator('svg[role="img"] polyline[points*=","]').first()).toBeAttached();
  await journeyScreenshot(page, 'slo-editor-preview');

  await page.getByTestId(testIds.sloEditor.save).click();
  await expect.poll(() => sandbox().revision()).toBe(before + 1);
  const saved = (await sandbox().registry()).slos.find((slo) => slo.id === id);
  expect(saved).toMatchObject({
    serviceId: 'checkout',
    name,
    sli: { kind: 'latency', histogram: `${HISTOGRAM}{service="checkout"}`, threshold: 0.5 },
  });

  // Saving lands on the SLO list filtered to the new SLO; from there, its editor offers its rules.
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === sloEditUrl(id));
  await page.getByTestId(testIds.sloEditor.download).click();
  // two files: the SLO's own rules, and the registry's shared rules they need
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('menuitem', { name: 'This SLO' }).click();
  await expect
    .poll(() => downloads.map((download) => download.suggestedFilename()).sort())
    .toEqual(['registry.shared.rules.yaml', `slo-${id}.rules.yaml`]);
  const files = new Map<string, string>();
  for (const download of downloads) {
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    files.set(download.suggestedFilename(), file);
  }
  await journeyScreenshot(page, 'slo-editor-saved');

  const own = files.get(`slo-${id}.rules.yaml`)!;
  const shared = files.get('registry.shared.rules.yaml')!;
  const { stdout } = await promisify(execFile)('promtool', ['check', 'rules', own, shared]);
  expect(stdout.match(/SUCCESS/g)).toHaveLength(2);
  const recordsOf = (file: string) =>
    (parse(readFileSync(file, 'utf8')) as RuleFile).groups
      .flatMap((group) => group.rules)
      .filter((rule) => rule.record);
  const recorded = recordsOf(own);
  expect(recorded.length).toBeGreaterThan(0);
  expect(recorded.every((rule) => rule.labels?.sloth_id === id)).toBe(true);
  expect(recorded.map((rule) => rule.record)).toEqual(
    expect.arrayContaining(['slo:sli_error:increase5m', 'slo:sli_total:increase5m', 'slo:info'])
  );
  expect(recordsOf(shared).map((rule) => rule.record)).toEqual(
    expect.arrayContaining(['slo:sli_error:ratio_rate5m', 'slo:current_burn_rate:ratio'])
  );
  await watcher.assertClean();
});
