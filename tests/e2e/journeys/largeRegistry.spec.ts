import { expect, Page, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testIds } from '../../../src/components/testIds';
import { nameOrder } from '../../../src/domain/registryView/servicesQuery';
import { manyServices } from '../../../src/domain/testing/manyServices';
import { HEAD_SERVICES } from '../../../src/storage/documents/indexHead';
import { INDEX_UID } from '../../../src/storage/documents/layout';
import { servicesUrl } from '../../../src/routing';
import { stringify } from 'yaml';
import { watchPage } from '../watchPage';
import { useJourneySandbox } from './sandboxInstance';

// A registry larger than the index's head, seeded through the API (`cli push`) when the sandbox starts.
const registry = manyServices(HEAD_SERVICES + 50);
const seedDir = mkdtempSync(join(tmpdir(), 'bizowner-large-'));
const seedPath = join(seedDir, 'registry.yaml');
writeFileSync(seedPath, stringify(registry));

useJourneySandbox(16, 'Admin', { seedRegistryPath: seedPath });

const total = registry.services.length;
const byName = [...registry.services].sort(nameOrder);
/** The service last in name order: outside the head's first services. */
const last = byName[byName.length - 1];

function count(page: Page) {
  return page.getByTestId(testIds.services.count);
}

function firstRow(page: Page) {
  return page.getByTestId(testIds.services.list).locator('tbody tr').first();
}

test('the stored index has a head: this journey reads a large registry the way the services list does', async ({
  request,
}) => {
  const answer = await request.get(`/api/dashboards/uid/${INDEX_UID}`);
  expect(answer.ok()).toBe(true);
  const { dashboard } = (await answer.json()) as { dashboard: { panels: Array<{ options?: { content?: string } }> } };
  const payload = dashboard.panels
    .map((panel) => panel.options?.content)
    .filter((content): content is string => typeof content === 'string' && content.startsWith('{'))
    .map((content) => JSON.parse(content) as { head?: unknown; data?: unknown });
  expect(payload.some((content) => typeof content.head === 'string' && typeof content.data === 'string')).toBe(true);
});

test('a registry larger than the head opens on its first page by name, then filters, searches and pages over all of it', async ({
  page,
}) => {
  const watcher = watchPage(page);
  await page.goto(servicesUrl());
  await expect(count(page)).toHaveText(`${total} of ${total} services`);
  await expect(firstRow(page)).toContainText(byName[0].id);

  // The pickers mount once the whole registry is read; a search then finds a service outside the head.
  await expect(page.getByPlaceholder('Business owner', { exact: true })).toBeVisible();
  const search = testIds.services.search;
  await page.locator(`input[data-testid="${search}"], [data-testid="${search}"] input`).first().fill(last.name);
  await expect(count(page)).toHaveText(`1 of ${total} services`);
  await expect(firstRow(page)).toContainText(last.name);

  // An address the head cannot answer (a search, the last page) waits for the whole registry and shows it.
  await page.goto(servicesUrl({ q: last.name }));
  await expect(count(page)).toHaveText(`1 of ${total} services`);
  await expect(firstRow(page)).toContainText(last.id);
  await page.goto(servicesUrl({ page: '3' }));
  await expect(count(page)).toHaveText(`${total} of ${total} services`);
  await expect(firstRow(page)).toContainText(byName[100].id);
  await watcher.assertClean();
});
