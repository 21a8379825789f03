import { testIds } from '../../src/components/testIds';
import { servicesImportUrl } from '../../src/routing';
import { expect, test } from './fixtures';
import { uniqueSuffix, watchPage } from './helpers';

const BAD_NAME = 'Loyalty_Points';

/** A catalog-info.yaml of two components; the second one's name is no slug. */
function catalogInfo(firstId: string, secondName: string): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${firstId}`,
    '  description: Gift card balance and redemption.',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: user:default/ana',
    '---',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${secondName}`,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '',
  ].join('\n');
}

test('a Backstage catalog-info.yaml with one bad line is refused with that line named, and nothing is saved', async ({
  openApp,
  page,
  registry,
}) => {
  const watcher = watchPage(page);
  const before = await registry.revision();
  const firstId = `gift-cards-${uniqueSuffix()}`;
  const text = catalogInfo(firstId, BAD_NAME);
  const badLine = text.split('\n').indexOf(`  name: ${BAD_NAME}`) + 1;
  expect(badLine).toBeGreaterThan(10);

  await openApp(servicesImportUrl());
  await expect(page.getByRole('radio', { name: 'Backstage catalog-info.yaml' })).toBeChecked();
  await page.getByTestId(testIds.importer.text).fill(text);
  await page.getByTestId(testIds.importer.check).click();

  const problems = page.getByTestId(testIds.importer.problems);
  await expect(problems).toContainText('Nothing was imported');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await expect(problems.getByRole('listitem')).toContainText(`Line ${badLine}:`);
  await expect(problems.getByRole('listitem')).toContainText(`id "${BAD_NAME}" must be a slug`);
  await expect(page.getByTestId(testIds.importer.preview)).toHaveCount(0);
  await expect(page.getByTestId(testIds.importer.confirm)).toHaveCount(0);
  expect(await registry.revision()).toBe(before);

  // With that line fixed, the preview lists both services and the import can be saved.
  await page.getByTestId(testIds.importer.text).fill(catalogInfo(firstId, 'loyalty-points'));
  await page.getByTestId(testIds.importer.check).click();
  await expect(page.getByTestId(testIds.importer.problems)).toHaveCount(0);
  const preview = page.getByTestId(testIds.importer.preview);
  await expect(preview).toContainText(firstId);
  await expect(preview).toContainText('loyalty-points');
  await expect(page.getByTestId(testIds.importer.confirm)).toBeEnabled();
  expect(await registry.revision()).toBe(before);
  await watcher.assertClean();
});
