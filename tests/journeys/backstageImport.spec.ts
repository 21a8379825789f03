import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { testIds } from '../../src/components/testIds';
import { servicesImportUrl, servicesUrl } from '../../src/routing';
import { expect, test } from './host';

const fixtures = join(__dirname, 'fixtures');
const badFile = join(fixtures, 'catalog-info-bad-line.yaml');
const good = readFileSync(join(fixtures, 'catalog-info.yaml'), 'utf8');
const bad = readFileSync(badFile, 'utf8');

/** The 1-based number of the one line where the broken catalog differs from the good one. */
function badLineNumber(): number {
  const goodLines = good.split('\n');
  const badLines = bad.split('\n');
  expect(badLines).toHaveLength(goodLines.length);
  const differing = badLines.flatMap((line, index) => (line === goodLines[index] ? [] : [index + 1]));
  expect(differing).toHaveLength(1);
  return differing[0];
}

/** The catalog's entities of `kind`, as Backstage reads them. */
function entities(kind: string): Array<{ metadata: { name: string; title?: string }; spec: Record<string, unknown> }> {
  return parseAllDocuments(good)
    .map((document) => document.toJS())
    .filter((entity) => entity.kind === kind);
}

test('a Backstage catalog with a bad line is refused at that line without saving; once the line is fixed, the preview lists the services and saving stores them', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const before = await host.registry();
  const components = entities('Component');
  const users = entities('User');
  expect(components.length).toBeGreaterThanOrEqual(3);
  for (const component of components) {
    expect(before.services.map((service) => service.id)).not.toContain(component.metadata.name);
  }
  const line = badLineNumber();

  await page.goto(servicesImportUrl());
  const text = page.getByTestId(testIds.importer.text);
  await expect(text).toBeVisible();
  await page.getByRole('radio', { name: 'Backstage catalog-info.yaml' }).check();
  await page.locator('input[type="file"]').setInputFiles(badFile);
  await expect(text).toHaveValue(bad);
  await page.getByTestId(testIds.importer.check).click();
  const problems = page.getByTestId(testIds.importer.problems);
  await expect(problems).toContainText('Nothing was imported');
  await expect(problems.getByRole('listitem').first()).toContainText(`Line ${line}: `);
  await expect(problems).toContainText('YAML syntax error');
  await expect(page.getByTestId(testIds.importer.preview)).toHaveCount(0);
  await expect(page.getByTestId(testIds.importer.confirm)).toHaveCount(0);
  await host.screenshot(page, 'backstage-import-bad-line');
  expect(await host.revision()).toBe(before.revision);

  // Fix the line the message named, in the pasted text.
  const lines = bad.split('\n');
  lines[line - 1] = good.split('\n')[line - 1];
  await text.fill(lines.join('\n'));
  await expect(problems).toHaveCount(0);
  await page.getByTestId(testIds.importer.check).click();
  const preview = page.getByTestId(testIds.importer.preview);
  await expect(preview).toContainText(`${components.length + users.length} to create, 0 to update`);
  for (const component of components) {
    await expect(
      preview.getByRole('listitem').filter({ hasText: `Service ${component.metadata.name} ` })
    ).toContainText('will be created');
  }
  for (const user of users) {
    await expect(preview.getByRole('listitem').filter({ hasText: `Person ${user.metadata.name} ` })).toContainText(
      'will be created'
    );
  }
  await host.screenshot(page, 'backstage-import-preview');
  expect(await host.revision()).toBe(before.revision);

  await page.getByTestId(testIds.importer.confirm).click();
  await page.waitForURL(`**${servicesUrl()}`);
  await expect.poll(() => host.revision()).toBe(before.revision + 1);
  const after = await host.registry();
  for (const component of components) {
    const service = after.services.find((item) => item.id === component.metadata.name);
    expect(service?.name).toBe(component.metadata.title ?? component.metadata.name);
  }
  const giftCards = after.services.find((service) => service.id === 'gift-cards');
  expect(giftCards?.owners.serviceOwner).toBe('jonas');
  expect(giftCards?.links).toContainEqual({
    type: 'runbook',
    title: 'Gift cards runbook',
    url: 'https://runbooks.example.com/gift-cards',
  });
  const loyalty = after.services.find((service) => service.id === 'loyalty');
  expect(loyalty?.onCall?.team).toBe('team-loyalty');
  expect(loyalty?.dependsOn).toEqual(['gift-cards']);
  expect(after.people.map((person) => person.id)).toContain('jonas');
  // What was there before the import is still there.
  expect(after.services.map((service) => service.id)).toEqual(
    expect.arrayContaining(before.services.map((service) => service.id))
  );

  const list = page.getByTestId(testIds.services.list);
  for (const component of components) {
    await expect(
      list.getByRole('link', { name: component.metadata.title ?? component.metadata.name, exact: true })
    ).toBeVisible();
  }
  await host.screenshot(page, 'backstage-import-saved');
  await watcher.assertClean();
});

test('a Backstage component whose name is no slug is refused with its line named, and nothing is saved', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const before = await host.revision();
  const text = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: gift-cards',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '---',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: Loyalty_Points',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '',
  ].join('\n');

  await page.goto(servicesImportUrl());
  await expect(page.getByRole('radio', { name: 'Backstage catalog-info.yaml' })).toBeChecked();
  await page.getByTestId(testIds.importer.text).fill(text);
  await page.getByTestId(testIds.importer.check).click();
  const problems = page.getByTestId(testIds.importer.problems);
  await expect(problems).toContainText('Nothing was imported');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await expect(problems.getByRole('listitem')).toContainText('Line 12:');
  await expect(problems.getByRole('listitem')).toContainText('id "Loyalty_Points" must be a slug');
  await expect(page.getByTestId(testIds.importer.confirm)).toHaveCount(0);
  expect(await host.revision()).toBe(before);
  await watcher.assertClean();
});
