/**
 * Benchmark: live values (budget left, SLI, burn rate) on the services list, the SLO list and a
 * service page, in headless Chromium through the sandbox host, against a real Prometheus holding
 * the demo history and the recorded series of a 200-SLO registry.
 *
 *   npx tsx bench/live-values.ts [--runs N] [--no-build] [--dist DIR] [--before DIR]
 *   npx tsx bench/live-values.ts --render-only     rewrite the section from bench/results/live-values.json
 *   npx tsx bench/live-values.ts --stack-only      start the Prometheus stack, print its URL, wait for Ctrl-C
 *   npx tsx bench/live-values.ts --prometheus URL  measure against a stack started that way (no results written)
 *
 * 1. The real-Prometheus demo stack for `benchRegistry(200)` (./lib/liveValuesStack.ts): 30 days of
 *    demo history, the registry's recording rules backfilled over it, then Prometheus scraping the
 *    live demo workload and evaluating those rules every 15 s until every SLO's budget left is current.
 * 2. Builds the plugin (`npm run build`, unless `--no-build` or `--dist`) and the sandbox host page, and
 *    starts a sandbox server (./lib/sandboxProcess.ts) with PROMETHEUS_URL set to that Prometheus, on
 *    throw-away state seeded with the same registry through the app's store (./lib/storeSeed.ts).
 *    `--before DIR` starts a second one serving another build of the plugin (e.g. the build before a
 *    change), measured the same way on the same Prometheus, run by run in turn with this build.
 * 3. For each page, N runs (default 5) after one warm-up, each in a new page (./lib/liveValuesTiming.ts):
 *    - from navigation start (a new page loading the page's URL) to the first budget shown;
 *    - from another page: the host booted on its home page (`/sandbox`, the plugin not loaded), from
 *      the pointer going down on the app's link (the lists) or `history.pushState` (the service page,
 *      which has no link there) to the first budget shown;
 *    and the data source requests each page sent for its live values, with their queries.
 *
 * Writes bench/results/live-values.json (summary `live_values_ms`: the slowest page's median from
 * another page) and the "## Live values" section of bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { buildHost } from '../sandbox/build';
import { optionsFromEnv } from '../sandbox/server';
import { CHROMIUM_ARGS } from '../playwright.sandbox.config';
import { testIds } from '../src/components/testIds';
import { RegistryDocument } from '../src/domain/model';
import { SERVICE_TABS, serviceUrl, servicesUrl, slosUrl } from '../src/routing';
import { benchRegistry, withCleanup } from './lib/prometheusBench';
import { LiveRun, PageSpec, PageSummary, runDirect, runFromHost, summariseRuns } from './lib/liveValuesTiming';
import { liveValuesSection } from './lib/liveValuesSection';
import { startLiveStack } from './lib/liveValuesStack';
import { BenchResult, n0, readResult, writeResult, writeSection } from './lib/results';
import { startSandboxProcess } from './lib/sandboxProcess';
import { seedStateDir } from './lib/storeSeed';

const NAME = 'live-values';
const HEADING = '## Live values';
const ROOT = resolve(__dirname, '..');
const SLOS = 200;
const AFTER_PORT = 3160;
const BEFORE_PORT = 3161;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The service whose page is measured: its two SLOs, an availability and a latency one. */
const SERVICE = 'checkout-0';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const say = (message: string) => process.stdout.write(`${NAME}: ${message}\n`);

async function startSandbox(
  port: number,
  distDir: string,
  doc: RegistryDocument,
  prometheusUrl: string,
  defer: (step: () => unknown) => void
): Promise<string> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bizowner-bench-live-sandbox-'));
  defer(() => rmSync(stateDir, { recursive: true, force: true }));
  const meta = JSON.parse(readFileSync(join(distDir, 'plugin.json'), 'utf8')) as Record<string, unknown>;
  await seedStateDir(stateDir, doc, meta);
  const server = await startSandboxProcess({
    ...optionsFromEnv(ROOT),
    distDir,
    port,
    role: 'Admin',
    tokens: {},
    settingsPath: join(stateDir, 'settings.json'),
    // Files that do not exist: nothing else is provisioned.
    appsYamlPath: join(stateDir, 'apps.yaml'),
    dashboardProvidersDir: join(stateDir, 'providers'),
    seedRegistryPath: undefined,
    prometheusUrl,
    lokiUrl: undefined,
  });
  defer(() => server.stop());
  return `http://127.0.0.1:${port}`;
}

function specs(baseURL: string): PageSpec[] {
  return [
    {
      name: 'services list',
      baseURL,
      url: servicesUrl(),
      tableId: testIds.services.list,
      noticeId: testIds.services.liveNotice,
      linkName: 'Business Owner: Services',
    },
    {
      name: 'SLO list',
      baseURL,
      url: slosUrl(),
      tableId: testIds.slos.list,
      noticeId: testIds.services.liveNotice,
      linkName: 'Business Owner: SLOs',
    },
    {
      name: 'service page',
      baseURL,
      url: serviceUrl(SERVICE, SERVICE_TABS.slos),
      tableId: testIds.services.sloTable,
      noticeId: testIds.services.liveNotice,
    },
  ];
}

export interface MeasuredPage {
  page: string;
  url: string;
  direct: PageSummary;
  fromHost: PageSummary;
}

/**
 * Measures every page on each build (`before`, when given, and this one), alternating the builds
 * run by run so that both see the same load on the shared machine.
 */
async function measureBuilds(
  browser: Browser,
  builds: Array<{ label: string; baseURL: string }>,
  runs: number
): Promise<MeasuredPage[][]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const measured: MeasuredPage[][] = builds.map(() => []);
  const requests = (result: LiveRun) =>
    result.batches.map((batch) => `${batch.kind} ${batch.queries}q ${n0(batch.start)}–${n0(batch.end)}`).join(', ');
  try {
    for (const [index, name] of specs('')
      .map((spec) => spec.name)
      .entries()) {
      const direct: LiveRun[][] = builds.map(() => []);
      const fromHost: LiveRun[][] = builds.map(() => []);
      for (let run = 0; run <= runs; run++) {
        for (const [b, build] of builds.entries()) {
          const spec = specs(build.baseURL)[index];
          const page = await context.newPage();
          const one = await runDirect(page, spec);
          await page.close();
          const hostPage = await context.newPage();
          const two = await runFromHost(hostPage, spec);
          await hostPage.close();
          say(
            `${build.label} ${name} ${run === 0 ? 'warm-up' : `run ${run}`}: ${n0(one.frame)} ms from navigation ` +
              `(row ${n0(one.firstRow ?? NaN)}) [${requests(one)}], ${n0(two.frame)} ms from another page ` +
              `(row ${n0(two.firstRow ?? NaN)}) [${requests(two)}]` +
              `${two.readingNotice ? `, notice at ${n0(two.readingNotice.at)} ms` : ', no reading notice'}` +
              `${two.search ? `, dashboard search ${n0(two.search.start)}–${n0(two.search.end)}` : ''}`
          );
          if (run > 0) {
            direct[b].push(one);
            fromHost[b].push(two);
          }
        }
      }
      builds.forEach((_, b) =>
        measured[b].push({
          page: name,
          url: specs('')[index].url,
          direct: summariseRuns(direct[b]),
          fromHost: summariseRuns(fromHost[b]),
        })
      );
    }
  } finally {
    await context.close();
  }
  return measured;
}

function worstFromHost(pages: MeasuredPage[]): number {
  return Math.round(Math.max(...pages.map((page) => page.fromHost.frame)));
}

async function main(defer: (step: () => unknown) => void) {
  const runs = Number(arg('--runs') ?? 5);
  const distArg = arg('--dist');
  const beforeArg = arg('--before');
  const dist = distArg ? resolve(distArg) : join(ROOT, 'dist');
  const before = beforeArg ? resolve(beforeArg) : undefined;
  const doc = benchRegistry(SLOS);
  const loadBefore = loadavg()[0];
  const reuse = arg('--prometheus');
  if (process.argv.includes('--stack-only')) {
    // stopped by withCleanup on SIGINT/SIGTERM
    const stack = await startLiveStack({ doc, log: say });
    defer(() => stack.stop());
    say(`stack ready: --prometheus ${stack.prometheusUrl}`);
    await new Promise<never>(() => undefined);
  }
  if (!process.argv.includes('--no-build') && !distArg) {
    say('npm run build…');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  await buildHost(ROOT);
  const stack = reuse
    ? {
        prometheusUrl: reuse,
        recordedSeriesPerSlo: NaN,
        historyStart: NaN,
        historyEnd: NaN,
        recordedSamples: NaN,
        timings: {},
      }
    : await startLiveStack({ doc, log: say });
  if (!reuse && 'stop' in stack) {
    defer(() => stack.stop());
  }
  const afterURL = await startSandbox(AFTER_PORT, dist, doc, stack.prometheusUrl, defer);
  const beforeURL = before ? await startSandbox(BEFORE_PORT, before, doc, stack.prometheusUrl, defer) : undefined;
  say(`sandbox ${afterURL}${beforeURL ? `, before ${beforeURL} (${before})` : ''}`);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  defer(() => browser.close());
  const loadAtStart = loadavg()[0];
  const measured = await measureBuilds(
    browser,
    [
      ...(beforeURL ? [{ label: 'before', baseURL: beforeURL }] : []),
      { label: beforeURL ? 'after' : 'this build', baseURL: afterURL },
    ],
    runs
  );
  const pages = measured[measured.length - 1];
  const beforePages = beforeURL ? measured[0] : undefined;
  if (reuse) {
    say('--prometheus: measured only, no results written');
    return;
  }
  const prometheusVersion = execFileSync('prometheus', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const command =
    `npx tsx bench/${NAME}.ts` +
    `${runs === 5 ? '' : ` --runs ${runs}`}${distArg ? ` --dist ${distArg}` : ''}${beforeArg ? ` --before ${beforeArg}` : ''}`;
  const saved = writeResult(NAME, {
    command,
    summary: {
      live_values_ms: worstFromHost(pages),
      live_values_direct_ms: Math.round(Math.max(...pages.map((page) => page.direct.frame))),
      live_values_requests_per_page: Math.max(
        ...pages.map((page) => page.fromHost.batches.recorded + page.fromHost.batches.raw)
      ),
    },
    details: {
      chromium: browser.version(),
      prometheus: prometheusVersion,
      runs,
      slos: doc.slos.length,
      services: doc.services.length,
      service: SERVICE,
      recordedSeriesPerSlo: stack.recordedSeriesPerSlo,
      stack: {
        historyStart: new Date(stack.historyStart * 1000).toISOString(),
        historyEnd: new Date(stack.historyEnd * 1000).toISOString(),
        recordedSamples: stack.recordedSamples,
        timings: stack.timings,
      },
      load: { beforeStack: loadBefore, atStart: loadAtStart, atEnd: loadavg()[0] },
      dist,
      pages,
      ...(beforePages ? { before: { dist: before, pages: beforePages } } : {}),
    },
  });
  render(saved);
}

function render(result: BenchResult): void {
  const body = liveValuesSection(result);
  writeSection(HEADING, body);
  process.stdout.write(`${body}\n`);
}

if (process.argv.includes('--render-only')) {
  const saved = readResult(NAME);
  if (!saved) {
    throw new Error(`bench/results/${NAME}.json is missing: run the benchmark first`);
  }
  render(saved);
} else {
  void withCleanup(NAME, main);
}
