/**
 * A CPU profile of the services list (5,000 services unless `--services N`) opened from another page of the host,
 * printed as a table: where the app's part of a first render goes, for work on it.
 *
 *   npx tsx bench/profile-list.ts [--no-build] [--dist DIR] [--services N] [--whole] [--again | --search | --owner]
 *
 * `--again` profiles a second visit (the list opened once in the same page before). `--search` profiles typing “Service 4321” in the search box of the loaded list instead,
 * `--owner` choosing “Person 13” in its business-owner filter (from the pointer going down on the option),
 * split where the list starts rendering the choice. `--dist DIR` profiles another build (implies `--no-build`).
 * A first render is split where the registry's index is read, or at the first sample of the source line
 * given in `SPLIT` (e.g. `SPLIT='function ServicesTable('`: from the list's first render to its first row).
 *
 * Same sandbox and registry as bench/ui-scale.ts (port 3152); writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.sandbox.config';
import { buildHost } from '../sandbox/build';
import { optionsFromEnv } from '../sandbox/server';
import { testIds } from '../src/components/testIds';
import { servicesUrl } from '../src/routing';
import { profileLoad, PhaseSummary } from './lib/cpuProfile';
import { rowTest } from './lib/listTiming';
import { ownedBy, servicesWithSlos } from './lib/registries';
import { n0 } from './lib/results';
import { startSandboxProcess } from './lib/sandboxProcess';
import { seedStateDir } from './lib/storeSeed';

const ROOT = resolve(__dirname, '..');
const distArg = process.argv.indexOf('--dist');
const DIST = distArg === -1 ? join(ROOT, 'dist') : resolve(process.argv[distArg + 1]);
const PORT = 3154;

function print(name: string, phase: PhaseSummary) {
  process.stdout.write(`\n${name}: ${n0(phase.ms)} ms\n`);
  process.stdout.write(`  self: ${phase.byOrigin.map((entry) => `${entry.origin} ${n0(entry.ms)}`).join(', ')}\n`);
  for (const [label, list] of [
    ['top self', phase.topSelf],
    ['own (total)', phase.topOwn],
    ['Grafana (total)', phase.topGrafana],
  ] as const) {
    process.stdout.write(`  ${label}:\n`);
    for (const entry of list) {
      process.stdout.write(`    ${n0(entry.ms).padStart(5)}  ${entry.name} (${entry.where})\n`);
    }
  }
}

async function main() {
  if (distArg === -1 && !process.argv.includes('--no-build')) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  await buildHost(ROOT);
  const meta = JSON.parse(readFileSync(join(DIST, 'plugin.json'), 'utf8')) as Record<string, unknown>;
  const stateDir = mkdtempSync(join(tmpdir(), 'bizowner-profile-'));
  const countArg = process.argv.indexOf('--services');
  const count = countArg === -1 ? 5000 : Number(process.argv[countArg + 1]);
  const doc = servicesWithSlos(count, 3);
  await seedStateDir(stateDir, doc, meta);
  const server = await startSandboxProcess({
    ...optionsFromEnv(ROOT),
    distDir: DIST,
    port: PORT,
    role: 'Admin',
    settingsPath: join(stateDir, 'settings.json'),
    appsYamlPath: join(stateDir, 'apps.yaml'),
    dashboardProvidersDir: join(stateDir, 'providers'),
    seedRegistryPath: undefined,
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const link = 'Business Owner: Services';
    const search = {
      async prepare(page: import('playwright-core').Page) {
        await page.goto(`http://127.0.0.1:${PORT}${servicesUrl()}`, { waitUntil: 'load' });
        await page.waitForFunction(`(${rowTest(testIds.services.list)})()`, undefined, { timeout: 60_000 });
        // The whole registry read: the first rows may come from the index's head, the pickers with the whole.
        await page.waitForFunction(
          `document.querySelector('[data-pending-filter]') === null && document.querySelector('input[role="combobox"]') !== null`,
          undefined,
          { timeout: 60_000 }
        );
      },
      async navigate(page: import('playwright-core').Page) {
        await page
          .locator(`[data-testid="${testIds.services.search}"] input, input[data-testid="${testIds.services.search}"]`)
          .first()
          .fill('Service 4321');
      },
    };
    const searched = `(${rowTest(testIds.services.list, 'Service 4321', '1 of', testIds.services.count)})()`;
    const ownerName = 'Person 13';
    const ownerOption = (page: import('playwright-core').Page) =>
      page.getByRole('option', { name: ownerName, exact: true });
    const owner = {
      async prepare(page: import('playwright-core').Page) {
        await search.prepare(page);
        const picker = page.getByPlaceholder('Business owner', { exact: true });
        await picker.click();
        await picker.fill(ownerName);
        await ownerOption(page).waitFor();
      },
      async navigate(page: import('playwright-core').Page) {
        await ownerOption(page).click();
      },
    };
    const owned = `(${rowTest(testIds.services.list, undefined, `${ownedBy(doc, 'person-13').services} of`, testIds.services.count)})()`;
    const open = {
      async prepare(page: import('playwright-core').Page) {
        await page.goto(`http://127.0.0.1:${PORT}/sandbox`, { waitUntil: 'load' });
        await page.getByRole('link', { name: link, exact: true }).waitFor();
        if (process.argv.includes('--again')) {
          // A second visit: the list opened once in this page, then back to the home page.
          await page.getByRole('link', { name: link, exact: true }).click();
          await page.waitForFunction(`(${rowTest(testIds.services.list)})()`, undefined, { timeout: 60_000 });
          await page.evaluate('history.back()');
          await page.getByRole('link', { name: link, exact: true }).waitFor();
          await page.waitForTimeout(1000);
        }
      },
      async navigate(page: import('playwright-core').Page) {
        await page.getByRole('link', { name: link, exact: true }).click();
      },
    };
    const dirs = { '/public/build/': join(ROOT, '.sandbox', 'build'), [`/public/plugins/${meta.id}/`]: DIST };
    // One warm-up, so that the browser's caches are as in the benchmark's runs.
    await profileLoad(context, open, `(${rowTest(testIds.services.list)})()`, dirs, 'function decodeIndexStages');
    if (process.argv.includes('--search')) {
      await profileLoad(context, search, searched, dirs, '\u0000');
      const profile = await profileLoad(context, search, searched, dirs, '\u0000', 45);
      process.stdout.write(`profiled ${n0(profile.profiledMs)} ms from typing to the match\n`);
      print('search', profile.before);
      return;
    }
    if (process.argv.includes('--owner')) {
      // Split where the list renders the choice: the picker's handler that reports it is too short
      // to be sampled every time (one sample every 200 µs). Before it, the profile holds Playwright's
      // click and the picker's own handling of it.
      const rendering = 'function ServicesTable(';
      await profileLoad(context, owner, owned, dirs, rendering);
      const profile = await profileLoad(context, owner, owned, dirs, rendering, 45);
      process.stdout.write(`profiled ${n0(profile.profiledMs)} ms from the click to the list showing the owner\n`);
      print('from the click to the list rendering the choice', profile.before);
      print('from the list rendering the choice to showing it', profile.after);
      return;
    }
    // `--whole` does not split the profile at the registry's decoding.
    const split = process.argv.includes('--whole') ? '\u0000' : (process.env.SPLIT ?? 'function decodeIndexStages');
    const profile = await profileLoad(context, open, `(${rowTest(testIds.services.list)})()`, dirs, split, 45);
    process.stdout.write(`profiled ${n0(profile.profiledMs)} ms from the click to the first row\n`);
    print('before the index is read', profile.before);
    print('reading the index to first row', profile.after);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
