/**
 * Benchmark: the services and SLO lists at scale in headless Chromium, through the sandbox host,
 * and the registry's storage (Grafana dashboards in a folder) at 5,000 services.
 *
 *   npx tsx bench/ui-scale.ts [--runs N] [--no-build] [--dist DIR] [--against DIR] [--no-profile]
 *   npx tsx bench/ui-scale.ts --render-only     rewrite both sections from bench/results/ui-scale.json
 *
 * Builds the plugin (`npm run build`, unless `--no-build`) and the sandbox host page, then starts
 * two sandbox servers on 127.0.0.1:3150 and :3151, each in a process of its own
 * (./lib/sandboxProcess.ts) on throw-away state seeded through the app's store (`saveRegistry` from
 * the empty registry, ./lib/storeSeed.ts), with a plugin provisioning file that does not exist so
 * nothing else is provisioned: 5,000 services with 3 SLOs each (`manyServices` and
 * ./lib/registries.ts), and 2,000 SLOs (on 1,000 of 3,000 services).
 * For each list, N runs (default 5) after one warm-up, each in a fresh page:
 * - first render: navigation start → first table row laid out (`performance.now()` in the page,
 *   checked on every DOM change);
 * - search: Playwright fills the search box (one `input` event) → the count and the first row show
 *   the match;
 * - owner: a business owner chosen in the owner filter (pointer down on the option) → list updated.
 * - attention (services list): the “Needs attention” switch turned on (pointer down) → list updated.
 * "Updated" is the DOM change that shows the result; "frame" adds the wait for the next animation
 * frame, i.e. until the browser can paint it.
 * `--against DIR` also serves another build (e.g. a copy of `dist/` made before a change) from
 * sandboxes of its own, seeded alike, and measures it run for run with this one (each going first
 * every other run), so that both see the same load; the section then sets the two side by side.
 *
 * Then, at 5,000 services (./lib/registryStorage.ts): the index's and one service document's size,
 * the bytes the services list and one service page fetch from Grafana's API, `loadRegistry` and
 * `saveRegistry` of one service over HTTP (medians of N after a warm-up), and, unless
 * `--no-profile`, a CPU profile of one more first render of the services list (./lib/cpuProfile.ts).
 *
 * Writes bench/results/ui-scale.json (summary `list_5k_first_render_ms`, `list_5k_filter_ms`, …)
 * and the "## UI scale (Chromium)" and "## Registry storage at 5,000 services" sections of
 * bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { buildHost } from '../sandbox/build';
import { optionsFromEnv } from '../sandbox/server';
import { testIds } from '../src/components/testIds';
import { RegistryDocument } from '../src/domain/model';
import { manyServices } from '../src/domain/testing/manyServices';
import { serviceUrl, servicesUrl, slosUrl } from '../src/routing';
import { RegistryUser } from '../src/storage/access';
import { profileLoad, ProfileSummary } from './lib/cpuProfile';
import { indexStoredBytes } from './lib/documentSizes';
import { manySlos, ownedBy, servicesWithSlos } from './lib/registries';
import { writeFloorPlugin } from './lib/floorPlugin';
import { measureStorage, StorageFigures } from './lib/registryStorage';
import {
  Against,
  Baseline,
  FromHostResult,
  ListSpec,
  rowTest,
  RunResult,
  runFromHost,
  runOnce,
  summarise,
  summariseBaseline,
  uiSection,
} from './lib/listTiming';
import { BenchResult, n0, readResult, writeResult, writeSection } from './lib/results';
import { storageSection } from './lib/storageSection';
import { startSandboxProcess } from './lib/sandboxProcess';
import { seedStateDir } from './lib/storeSeed';
import { CHROMIUM_ARGS } from '../playwright.sandbox.config';

const ROOT = resolve(__dirname, '..');
const distArg = process.argv.indexOf('--dist');
/**
 * `--dist DIR` serves another build of the plugin (implies `--no-build`), e.g. of an older commit that
 * reads the registry from dashboards (builds before the move read it from the plugin settings).
 */
const DIST = distArg === -1 ? join(ROOT, 'dist') : resolve(process.argv[distArg + 1]);
const againstArg = process.argv.indexOf('--against');
/** `--against DIR`: a build measured run for run with this one, for a comparison under the same load. */
const AGAINST = againstArg === -1 ? undefined : resolve(process.argv[againstArg + 1]);
/** The ports of the sandboxes serving `AGAINST`: the list ports and the baseline's, plus this offset. */
const AGAINST_PORT_OFFSET = 10;
const HEADING = '## UI scale (Chromium)';
const STORAGE_HEADING = '## Registry storage at 5,000 services';
const SERVICES_PORT = 3150;
const SLOS_PORT = 3151;
const BASELINE_PORT = 3152;
/** The floor plugin's sandbox (./lib/floorPlugin.ts): what any app's first render from another page costs. */
const FLOOR_PORT = 3153;
const FLOOR_LIST = 'an app page of one row, no code of its own';
/** The small registry whose first render is the baseline: what a first render costs at any size. */
const BASELINE_SERVICES = 50;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = CHROMIUM_ARGS;

const OWNER = 'person-13';
/** The service whose page is opened and which the timed saves change. */
const SERVICE = 'service-02500';
/** The bearer token the storage measurements use, an Admin's. */
const TOKEN = 'bench-admin';
const BENCH_USER = { login: 'bench', orgRole: 'Admin', permissions: {} } as unknown as RegistryUser;

interface Sandbox {
  baseURL: string;
  stateDir: string;
  /** How long the store took to save the registry into the empty sandbox (in process). */
  seedMs: number;
  stop(): Promise<void>;
}

function pluginMeta(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(DIST, 'plugin.json'), 'utf8')) as Record<string, unknown>;
}

function pluginId(): string {
  return String(pluginMeta().id);
}

async function startSeeded(port: number, doc: RegistryDocument, distDir = DIST): Promise<Sandbox> {
  const stateDir = mkdtempSync(join(tmpdir(), 'bizowner-bench-'));
  const { ms } = await seedStateDir(stateDir, doc, pluginMeta());
  const server = await startSandboxProcess({
    ...optionsFromEnv(ROOT),
    distDir,
    port,
    role: 'Admin',
    tokens: { [TOKEN]: { role: 'Admin', login: BENCH_USER.login } },
    settingsPath: join(stateDir, 'settings.json'),
    // Files that do not exist: no plugin settings or dashboards are provisioned.
    appsYamlPath: join(stateDir, 'apps.yaml'),
    dashboardProvidersDir: join(stateDir, 'providers'),
    seedRegistryPath: undefined,
  });
  return {
    baseURL: `http://127.0.0.1:${port}`,
    stateDir,
    seedMs: ms,
    async stop() {
      await server.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg === -1 ? 5 : Number(process.argv[runsArg + 1]);
  if (!process.argv.includes('--no-build') && distArg === -1) {
    process.stdout.write('npm run build…\n');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  await buildHost(ROOT);
  const hostBytes = statSync(join(ROOT, '.sandbox', 'build', 'host.js')).size;
  const servicesDoc = servicesWithSlos(5000, 3);
  const slosDoc = manySlos();
  const baselineDoc = servicesWithSlos(BASELINE_SERVICES, 3);
  const sandboxes: Sandbox[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const seeded = [
      [SERVICES_PORT, servicesDoc],
      [SLOS_PORT, slosDoc],
      [BASELINE_PORT, baselineDoc],
    ] as const;
    for (const [port, doc] of seeded) {
      sandboxes.push(await startSeeded(port, doc));
      process.stdout.write(
        `seeded ${n0(doc.services.length)} services, ${n0(doc.slos.length)} SLOs through the store in ${n0(sandboxes.at(-1)!.seedMs)} ms\n`
      );
    }
    // The other build's sandboxes, after this build's: sandboxes[3 + i] serves what sandboxes[i] does.
    for (const [port, doc] of AGAINST ? seeded : []) {
      sandboxes.push(await startSeeded(port + AGAINST_PORT_OFFSET, doc, AGAINST));
    }
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const specs: Array<ListSpec & { linkName: string }> = [
      {
        name: `services list, ${n0(servicesDoc.services.length)} services`,
        baseURL: sandboxes[0].baseURL,
        url: servicesUrl(),
        linkName: 'Business Owner: Services',
        listId: testIds.services.list,
        countId: testIds.services.count,
        searchId: testIds.services.search,
        search: { text: 'Service 4321', firstRow: 'Service 4321', count: '1 of' },
        owner: {
          placeholder: 'Business owner',
          name: 'Person 13',
          count: `${ownedBy(servicesDoc, OWNER).services} of`,
        },
        attentionId: testIds.services.attention,
        total: servicesDoc.services.length,
      },
      {
        name: `SLO list, ${n0(slosDoc.slos.length)} SLOs`,
        baseURL: sandboxes[1].baseURL,
        url: slosUrl(),
        linkName: 'Business Owner: SLOs',
        listId: testIds.slos.list,
        countId: testIds.slos.count,
        searchId: testIds.slos.search,
        search: { text: 'Service 1230', firstRow: 'Service 1230', count: '2 of' },
        owner: { placeholder: 'Business owner', name: 'Person 13', count: `${ownedBy(slosDoc, OWNER).slos} of` },
        total: slosDoc.slos.length,
      },
    ];
    // With `--against`, each run of one build is followed by the same run of the other, which goes
    // first every other run, so that neither always runs right after the other's page closed.
    const builds = AGAINST ? [0, 3] : [0];
    const inTurn = (run: number) => (run % 2 === 1 ? [...builds.entries()] : [...builds.entries()].reverse());
    const label = (build: number) => (build === 0 ? '' : ' (against)');
    const measured = [];
    const againstMeasured = [];
    for (const [index, spec] of specs.entries()) {
      const results: RunResult[][] = builds.map(() => []);
      for (let run = 0; run <= runs; run++) {
        for (const [b, build] of inTurn(run)) {
          const served = { ...spec, baseURL: sandboxes[build + index].baseURL };
          const page = await context.newPage();
          const result = await runOnce(page, served);
          await page.close();
          const fromHostPage = await context.newPage();
          result.fromHost = await runFromHost(fromHostPage, served);
          await fromHostPage.close();
          process.stdout.write(
            `${spec.name}${label(build)} ${run === 0 ? 'warm-up' : `run ${run}`}: first render ${n0(result.firstRender.frame)} ms ` +
              `(from another page ${n0(result.fromHost.frame)} ms: ${result.fromHost.steps.chunkCount} chunks by ` +
              `${n0(result.fromHost.steps.chunks)}, index asked ${n0(result.fromHost.steps.indexRequested ?? NaN)}, ` +
              `arrived ${n0(result.fromHost.steps.index ?? NaN)}), ` +
              `search ${n0(result.search.frame)} ms, owner ${n0(result.owner.frame)} ms` +
              (result.attention ? `, attention ${n0(result.attention.frame)} ms` : '') +
              '\n'
          );
          if (run > 0) {
            results[b].push(result);
          }
        }
      }
      measured.push({ list: spec.name, url: spec.url, ...summarise(results[0]) });
      if (AGAINST) {
        againstMeasured.push({ list: spec.name, url: spec.url, ...summarise(results[1]) });
      }
    }
    const [services, slos] = measured;
    const baselineRuns: FromHostResult[][] = builds.map(() => []);
    for (let run = 0; run <= runs; run++) {
      for (const [b, build] of inTurn(run)) {
        const page = await context.newPage();
        const result = await runFromHost(page, {
          ...specs[0],
          baseURL: sandboxes[build + 2].baseURL,
          total: BASELINE_SERVICES,
        });
        await page.close();
        process.stdout.write(
          `services list, ${BASELINE_SERVICES} services${label(build)} ${run === 0 ? 'warm-up' : `run ${run}`}: from another page ` +
            `${n0(result.frame)} ms, second visit ${n0(result.again?.frame ?? NaN)} ms\n`
        );
        if (run > 0) {
          baselineRuns[b].push(result);
        }
      }
    }
    // The floor: a plugin of one row opened from the host's home page, as the lists are.
    const floorDir = mkdtempSync(join(tmpdir(), 'bizowner-floor-'));
    writeFloorPlugin(floorDir, DIST, testIds.services.list, 'Service 1');
    const floorSandbox = await startSeeded(FLOOR_PORT, baselineDoc, floorDir);
    sandboxes.push(floorSandbox);
    const floorRuns: FromHostResult[] = [];
    for (let run = 0; run <= runs; run++) {
      const page = await context.newPage();
      const result = await runFromHost(page, { ...specs[0], baseURL: floorSandbox.baseURL, total: 1 });
      await page.close();
      process.stdout.write(
        `${FLOOR_LIST} ${run === 0 ? 'warm-up' : `run ${run}`}: from another page ${n0(result.frame)} ms, ` +
          `second visit ${n0(result.again?.frame ?? NaN)} ms\n`
      );
      if (run > 0) {
        floorRuns.push(result);
      }
    }
    rmSync(floorDir, { recursive: true, force: true });
    const floor = summariseBaseline(FLOOR_LIST, floorRuns);
    const baselineName = `services list, ${BASELINE_SERVICES} services`;
    const baseline = summariseBaseline(baselineName, baselineRuns[0]);
    const against: Against | undefined = AGAINST
      ? { dist: AGAINST, lists: againstMeasured, baseline: summariseBaseline(baselineName, baselineRuns[1]) }
      : undefined;

    const listReady = `[data-testid="${testIds.services.list}"] tbody tr`;
    const profile: ProfileSummary | undefined = process.argv.includes('--no-profile')
      ? undefined
      : await profileLoad(
          context,
          `${sandboxes[0].baseURL}${servicesUrl()}`,
          `(${rowTest(testIds.services.list)})()`,
          { '/public/build/': join(ROOT, '.sandbox', 'build'), [`/public/plugins/${pluginId()}/`]: DIST },
          'function decodeIndexStages'
        );
    const storage = await measureStorage(
      browser,
      {
        baseURL: sandboxes[0].baseURL,
        stateDir: sandboxes[0].stateDir,
        token: TOKEN,
        user: BENCH_USER,
        serviceId: SERVICE,
        listUrl: servicesUrl(),
        listReady,
        serviceUrl: serviceUrl(SERVICE),
        serviceReady: `[data-testid="${testIds.history.entry}"]`,
      },
      runs
    );

    // The index of the registry the plugin-settings figures used, for the comparison.
    const previousShapeIndexBytes = indexStoredBytes(manyServices(5000));
    const command =
      `npx tsx bench/ui-scale.ts${runs === 5 ? '' : ` --runs ${runs}`}${distArg === -1 ? '' : ` --dist ${DIST}`}` +
      `${AGAINST ? ` --against ${AGAINST}` : ''}`;
    const saved = writeResult('ui-scale', {
      command,
      summary: {
        list_5k_first_render_ms: Math.round(services.firstRender.frame),
        list_5k_first_render_in_grafana_ms: Math.round(services.fromHost!.frame),
        list_50_first_render_in_grafana_ms: Math.round(baseline.fromHost.frame),
        app_floor_first_render_in_grafana_ms: Math.round(floor.fromHost.frame),
        list_5k_filter_ms: Math.round(services.search.frame),
        list_5k_owner_filter_ms: Math.round(services.owner.frame),
        slo_list_2k_first_render_ms: Math.round(slos.firstRender.frame),
        slo_list_2k_first_render_in_grafana_ms: Math.round(slos.fromHost!.frame),
        slo_list_2k_filter_ms: Math.round(slos.search.frame),
        slo_list_2k_owner_filter_ms: Math.round(slos.owner.frame),
        registry_5k_index_kib: Math.round(storage.documents.index.answerBytes / 1024),
        registry_5k_service_doc_kib: Math.round((storage.documents.service.answerBytes / 1024) * 10) / 10,
        registry_5k_list_fetch_kib: Math.round(storage.pages.list.registryBytes / 1024),
        registry_5k_list_requests: storage.pages.list.registry.length,
        registry_5k_service_page_fetch_kib: Math.round(storage.pages.service.registryBytes / 1024),
        registry_5k_service_page_requests: storage.pages.service.registry.length,
        registry_5k_load_ms: Math.round(storage.store.loadMedianMs),
        registry_5k_save_one_ms: Math.round(storage.store.saveMedianMs),
      },
      details: {
        chromium: browser.version(),
        runs,
        hostBytes,
        registries: {
          services: {
            services: servicesDoc.services.length,
            slos: servicesDoc.slos.length,
            seedMs: sandboxes[0].seedMs,
          },
          slos: { services: slosDoc.services.length, slos: slosDoc.slos.length, seedMs: sandboxes[1].seedMs },
        },
        lists: measured,
        baseline,
        floor,
        ...(against ? { against } : {}),
        storage,
        previousShapeIndexBytes,
        profile,
      },
    });
    renderSections(saved);
  } finally {
    await browser.close();
    for (const sandbox of sandboxes) {
      await sandbox.stop();
    }
  }
}

/** Details of the results JSON that the sections are written from. */
interface UiScaleDetails {
  chromium: string;
  runs: number;
  /** The sandbox host's `host.js`; missing in results written before 2026-12-06. */
  hostBytes?: number;
  registries: { services: { services: number; slos: number; seedMs: number } };
  lists: Array<ReturnType<typeof summarise> & { list: string }>;
  /** Missing in results written before 2026-12-06 13:00 UTC. */
  baseline?: Baseline;
  /** The floor plugin's first render from another page; missing in results written before 2026-12-08. */
  floor?: Baseline;
  /** The build measured run for run with this one (`--against`). */
  against?: Against;
  storage: StorageFigures;
  previousShapeIndexBytes: number;
  profile?: ProfileSummary;
}

/** Writes both sections of bench/RESULTS.md from a results JSON of this script. */
function renderSections(result: BenchResult): void {
  const details = result.details as unknown as UiScaleDetails;
  const context = {
    date: result.date.slice(0, 10),
    machine: result.machine,
    chromium: details.chromium,
    command: result.command,
    runs: details.runs,
  };
  const ui = uiSection(details.lists, context, details.hostBytes, details.baseline, details.against, details.floor);
  writeSection(HEADING, ui);
  const services = details.lists[0];
  const storage = storageSection(
    {
      storage: details.storage,
      profile: details.profile,
      registry: details.registries.services,
      firstRender: services.firstRender.frame,
      search: services.search.frame,
      previousShapeIndexBytes: details.previousShapeIndexBytes,
    },
    context
  );
  writeSection(STORAGE_HEADING, storage);
  process.stdout.write(`${ui}\n\n${storage}\n`);
}

if (process.argv.includes('--render-only')) {
  const saved = readResult('ui-scale');
  if (!saved) {
    throw new Error('bench/results/ui-scale.json is missing: run the benchmark first');
  }
  renderSections(saved);
} else {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
