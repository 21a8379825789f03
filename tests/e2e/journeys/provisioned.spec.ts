import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testIds } from '../../../src/components/testIds';
import { serviceUrl, servicesUrl } from '../../../src/routing';
import { byTestId, seriousViolations } from '../axe';
import { watchPage } from '../watchPage';
import { journeyScreenshot, useJourneySandbox } from './sandboxInstance';

/**
 * The demo registry given as files, the GitOps way: `cli provision` writes the dashboards and a
 * provider, which the sandbox applies at start as Grafana does. Written before the sandbox starts,
 * in a process of its own (the command line loads the domain's parsers, which this loader cannot).
 */
function provisionDemoRegistry(): string {
  const root = resolve(__dirname, '..', '..', '..');
  const out = mkdtempSync(join(tmpdir(), 'bizowner-provisioned-'));
  execFileSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [
      join(root, 'src', 'cli', 'main.ts'),
      'provision',
      join(root, 'provisioning', 'registry', 'demo-registry.yaml'),
      '--out',
      out,
      '--grafana-path',
      join(out, 'bizowner-registry'),
    ],
    { stdio: 'pipe' }
  );
  return out;
}

const providers = provisionDemoRegistry();
const sandbox = useJourneySandbox(11, 'Admin', { dashboardProvidersDir: providers, seedRegistryPath: undefined });

test('a registry provisioned from files is shown read-only, naming the file to change, even to an Admin', async ({
  page,
}) => {
  const watcher = watchPage(page);
  const before = await sandbox().revision();
  expect((await sandbox().registry()).services.map((service) => service.id)).toEqual([
    'checkout',
    'payments',
    'search',
    'catalog',
  ]);

  await page.goto(servicesUrl());
  await page.getByTestId(testIds.services.list).waitFor();
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toContainText(
    'This registry is provisioned from files (bizowner-index.json)'
  );
  expect(await seriousViolations(page, [byTestId(testIds.appConfig.readOnlyNotice)])).toEqual([]);
  await journeyScreenshot(page, 'provisioned-services');

  await page.goto(serviceUrl('checkout'));
  await expect(page.getByTestId(testIds.appConfig.readOnlyNotice)).toContainText('provisioned from files');
  await expect(page.getByTestId(testIds.services.edit)).toBeDisabled();
  await expect(page.getByTestId(testIds.services.delete)).toBeDisabled();

  // Restarting re-applies the files: still the same registry, still read-only.
  // The page is closed first: requests in flight when a server stops fail in any browser.
  await page.goto('about:blank');
  await sandbox().restart();
  expect(await sandbox().revision()).toBe(before);
  await watcher.assertClean();
});
