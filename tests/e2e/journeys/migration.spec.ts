import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testIds } from '../../../src/components/testIds';
import { servicesImportUrl, sloEditUrl } from '../../../src/routing';
import { byTestId, seriousViolations } from '../axe';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

const sandbox = useJourneySandbox(12);

/** Two Sloth specs in one YAML stream; the second SLO has a field Sloth does not know. */
const TWO_DOCUMENTS = readFileSync(
  join(__dirname, '..', '..', 'integration', 'fixtures', 'cli', 'sloth-two-documents.yaml'),
  'utf8'
);

test('a two-document Sloth paste shows its migration report; an objective of 100.5 is refused at its line; nothing is saved', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const before = await sandbox().revision();
  await page.goto(servicesImportUrl());
  const text = page.getByTestId(testIds.importer.text);
  await text.waitFor();
  await page.getByRole('radio', { name: 'Sloth prometheus/v1' }).check();

  await text.fill(TWO_DOCUMENTS.replace('objective: 99\n', 'objective: 100.5\n'));
  await page.getByTestId(testIds.importer.check).click();
  const problems = page.getByTestId(testIds.importer.problems);
  await expect(problems).toContainText('Nothing was imported');
  await expect(problems).toContainText('objective');
  await expect(problems).toContainText('document 2');
  await expect(page.getByTestId(testIds.importer.confirm)).toHaveCount(0);
  expect(await seriousViolations(page, [byTestId(testIds.importer.problems)])).toEqual([]);
  await journeyScreenshot(page, 'migration-bad-objective');

  await text.fill(TWO_DOCUMENTS);
  await page.getByTestId(testIds.importer.check).click();
  await expect(page.getByTestId(testIds.importer.preview)).toBeVisible();
  const report = page.getByTestId(testIds.importer.report);
  await report.getByRole('button').first().click();
  await expect(report).toContainText('slos[cart-requests].objective');
  await expect(report).toContainText('dropped');
  expect(await seriousViolations(page, [byTestId(testIds.importer.report)])).toEqual([]);
  await journeyScreenshot(page, 'migration-report');
  expect(await sandbox().revision()).toBe(before);
  await watcher.assertClean();
});

test('the SLO editor’s alert name field refuses a name Prometheus would not accept, next to the field', async ({
  page,
}) => {
  const watcher = watchPage(page);
  await page.goto(sloEditUrl('checkout-availability'));
  const name = page.getByTestId(testIds.sloEditor.alertName);
  await name.waitFor();
  await expect(page.getByLabel('Alert name')).toHaveCount(1);
  await name.fill('checkout high errors');
  await page.getByTestId(testIds.sloEditor.save).click();
  await expect(page.getByText(/must be a Prometheus alert name/).first()).toBeVisible();
  // The field itself: other fields of the editor still have violations of their own, listed for repair.
  expect(await seriousViolations(page, [byTestId(testIds.sloEditor.alertName)])).toEqual([]);
  await journeyScreenshot(page, 'editor-alert-name');
  await watcher.assertClean();
});
