/** The "Registry storage at 5,000 services" section of bench/RESULTS.md, from one run's figures. */
import { ProfiledFunction, ProfileSummary } from './cpuProfile';
import { INDEX_UID } from '../../src/storage/documents/layout';
import { MEDIUMTEXT_BYTES } from './documentSizes';
import { PageRequests } from './pageRequests';
import { StorageFigures } from './registryStorage';
import { SectionContext } from './listTiming';
import { median, n0, table } from './results';

export interface StorageSectionInput {
  storage: StorageFigures;
  profile?: ProfileSummary;
  /** The seeded registry and how long the store took to save it into the empty sandbox. */
  registry: { services: number; slos: number; seedMs: number };
  /** Services list medians of this run, ms. */
  firstRender: number;
  search: number;
  /** The index `manyServices(5000)` would have: the registry the plugin-settings figures used. */
  previousShapeIndexBytes: number;
}

/** The plugin-settings figures of 2026-11-28 (this section's baseline, from the UI scale section then). */
const SETTINGS_BASELINE = { firstRender: 2099, search: 102, settingsBytes: 6121751, slos: 3334 };

/**
 * The code before the registry moved (1da3494) measured by hand in the hour of the run written down on
 * 2026-12-06, with its own benchmark: two runs with its registry, one with this 3-SLO registry.
 */
const BEFORE_MOVE = {
  commit: '1da3494',
  when: '2026-12-06 11:05–11:09 UTC, load average 3–3.7',
  firstRender: [2646, 2144],
  search: [156, 119],
  threeSlo: { firstRender: 2539, search: 102 },
  threeSloSettingsBytes: 13978865,
};

const MIB = 2 ** 20;
const mib = (bytes: number) => (bytes / MIB).toFixed(1);
const kib = (bytes: number) => (bytes >= 100 * 1024 ? n0(bytes / 1024) : (bytes / 1024).toFixed(1));

function pageRow(name: string, page: PageRequests): Array<string | number> {
  const parts = new Map<string, { count: number; bytes: number }>();
  for (const request of page.registry) {
    const path = request.path.replace(/^\/api\/dashboards\/uid\/bizowner-s-[^/]+/, '/api/dashboards/uid/<service>');
    const part = parts.get(path) ?? { count: 0, bytes: 0 };
    parts.set(path, { count: part.count + 1, bytes: part.bytes + request.bytes });
  }
  const breakdown = [...parts]
    .map(([path, { count, bytes }]) => `\`${path}\`${count > 1 ? ` ×${count}` : ''} ${kib(bytes)} KiB`)
    .join(', ');
  return [name, page.registry.length, mib(page.registryBytes), breakdown];
}

/** A short name for a profiled function: its declared name, or what its source line calls. */
function shortName(entry: ProfiledFunction): string {
  if (!/^(src|sandbox)\//.test(entry.where)) {
    return entry.name;
  }
  const file = entry.where.split('/').at(-1);
  const declared =
    entry.name.match(/function\*?\s+([\w$]+)/)?.[1] ??
    entry.name.match(/(?:const|let)\s+([\w$]+)\s*(?::[^=]+)?=/)?.[1] ??
    entry.name.match(/\.(map|flatMap|filter|forEach|reduce)\(/)?.[1]?.concat(' callback');
  return `${declared ?? entry.name.slice(0, 30)} (${file})`;
}

function functions(list: ProfiledFunction[], count: number): string {
  return list
    .filter((entry) => !/^[})\]]/.test(entry.name))
    .slice(0, count)
    .map((entry) => `${shortName(entry).replace(/\|/g, '\\|')} ${n0(entry.ms)}`)
    .join('; ');
}

function profileText(profile: ProfileSummary): string[] {
  const { before, after } = profile;
  const origins = (phase: typeof before) =>
    phase.byOrigin
      .slice(0, 8)
      .map((entry) => `${entry.origin} ${n0(entry.ms)}`)
      .join(', ');
  return [
    `One more first render of the services list under the DevTools CPU profiler (200 µs sampling; the profiler`,
    `slows it a little): ${n0(profile.profiledMs)} ms from navigation to the first row, split at the first sample in`,
    '`decodeIndexStages` (reading the index once it has arrived: its head, then, after the first rows, the whole).',
    'Self time in ms; *total* counts a',
    'function with everything it calls. `(idle)` is the main thread waiting for the network, `(program)` the',
    'browser’s own work (parsing, style, layout).',
    '',
    table(
      ['phase', 'ms', 'self time by package or folder', 'total time: own code', 'total time: Grafana components'],
      [
        [
          'before the index is read',
          n0(before.ms),
          origins(before),
          functions(before.topOwn, 4),
          functions(before.topGrafana, 4),
        ],
        [
          'reading the index to first row',
          n0(after.ms),
          origins(after),
          functions(after.topOwn, 8),
          functions(after.topGrafana, 6),
        ],
      ],
      ['l', 'r', 'l', 'l', 'l']
    ),
  ];
}

/** What the index's size means for MySQL, for an index stored as JSON or gzipped (since 2026-12-06). */
function indexSizeText(storedBytes: number, payloadBytes: number, perService: number): string[] {
  const share = `${((storedBytes / MEDIUMTEXT_BYTES) * 100).toFixed(0)} % of MySQL’s 16 MiB MEDIUMTEXT`;
  if (storedBytes < payloadBytes) {
    return [
      `- The index is ${mib(storedBytes)} MiB, ${share}: the registry’s ${mib(payloadBytes)} MiB of JSON gzipped and`,
      `  base64-encoded into its text panel, ${(payloadBytes / storedBytes).toFixed(0)} times smaller (${n0(perService)} bytes per service with 3 SLOs;`,
      '  generated registries repeat themselves, so a real one compresses less).',
    ];
  }
  return [
    `- The index is ${mib(storedBytes)} MiB, ${share}: ${n0(perService)} bytes per service`,
    `  with 3 SLOs, so about ${n0(MEDIUMTEXT_BYTES / perService)} such services fit on MySQL. Escaping the payload into a JSON string`,
    `  adds ${(((storedBytes - payloadBytes) / payloadBytes) * 100).toFixed(0)} %.`,
  ];
}

export function storageSection(input: StorageSectionInput, context: SectionContext): string {
  const { storage, registry } = input;
  const { index, service } = storage.documents;
  const perService = index.storedBytes / registry.services;
  const store = storage.store;
  const stepRows = (steps: typeof store.loadSteps) =>
    steps.map(
      (step) =>
        `\`${step.step}\` ${n0(step.ms)} ms (${kib(step.sentBytes)} KiB sent, ${kib(step.receivedBytes)} KiB received)`
    );
  const { before, after } = storage.persist;
  // The 6 KiB service document's save is almost only the sandbox rewriting its state file.
  const rewriteMs =
    store.saveSteps.find((step) => step.step.startsWith('POST') && !step.step.includes(INDEX_UID))?.ms ?? NaN;
  const requestsMs = median(store.save.map((call) => call.requests.reduce((sum, request) => sum + request.ms, 0)));
  return [
    `Measured ${context.date} on ${context.machine}, Chromium ${context.chromium} headless, in the same run as “UI scale”`,
    `(\`${context.command}\`).`,
    '',
    'The registry lives in Grafana dashboards in the app’s folder (README, “Storage”); the sandbox host stands in',
    'for Grafana’s folder, dashboard and version API. Its state was seeded through the app’s store (`saveRegistry`',
    `from the empty registry, in process: ${n0(registry.seedMs)} ms for ${n0(registry.services + 2)} documents; over HTTP the sandbox`,
    'rewrites its whole state file after every save: 500 services took 7.6 s, growing with the square) with',
    `${n0(registry.services)} services from \`manyServices\` and 3 SLOs each (ratio, latency and freeform SLIs with alerting`,
    `and a budget policy: ${n0(registry.slos)} SLOs), and no provisioning file. The plugin-settings figures it is compared with`,
    `had two SLOs on every third service (${n0(SETTINGS_BASELINE.slos)} SLOs).`,
    '',
    '**Documents** (`GET /api/dashboards/uid/…`; *stored* is the dashboard JSON as Grafana writes it to',
    '`dashboard.data`, MEDIUMTEXT on MySQL; *payload* the registry data as compact JSON before it becomes the text',
    'panel’s string):',
    '',
    table(
      ['document', 'answer (KiB)', 'gzipped (KiB)', 'stored (bytes)', 'payload (bytes)'],
      [index, service].map((size) => [
        `\`${size.uid}\``,
        kib(size.answerBytes),
        kib(size.answerGzipBytes),
        n0(size.storedBytes),
        n0(size.payloadBytes),
      ]),
      ['l', 'r', 'r', 'r', 'r']
    ),
    '',
    ...indexSizeText(index.storedBytes, index.payloadBytes, perService),
    `- The registry the plugin-settings figures used (\`manyServices(5000)\`) makes a ${mib(input.previousShapeIndexBytes)} MiB index, where`,
    `  its settings JSON was ${mib(SETTINGS_BASELINE.settingsBytes)} MiB.`,
    '- Grafana answers uncompressed unless `[server] enable_gzip = true` (off by default); generated',
    '  registries repeat themselves, so real ones compress less than the *gzipped* column says.',
    '',
    '**What a page fetches** in Chromium from a new browser context (every `/api/plugins`, `/api/folders`,',
    '`/api/dashboards` and `/api/search` response body until a second without requests; the plugin settings',
    'are read twice, by the host for the plugin’s meta and by the registry):',
    '',
    table(
      ['page', 'requests', 'MiB', 'responses'],
      [
        pageRow('services list', storage.pages.list),
        pageRow('one service (`/services/service-02500`)', storage.pages.service),
      ],
      ['l', 'r', 'r', 'l']
    ),
    '',
    `**\`loadRegistry\` and \`saveRegistry\` over HTTP** from Node (\`fetchTransport\` with a token, as the command line),`,
    `medians of ${store.runs} after a warm-up; each save changes the description of one service:`,
    '',
    table(
      ['call', 'median (ms)', 'runs (ms)', 'requests (medians)'],
      [
        [
          '`loadRegistry`',
          n0(store.loadMedianMs),
          store.load.map((call) => n0(call.ms)).join(', '),
          stepRows(store.loadSteps).join('; '),
        ],
        [
          '`saveRegistry`, one service',
          n0(store.saveMedianMs),
          store.save.map((call) => n0(call.ms)).join(', '),
          stepRows(store.saveSteps).join('; '),
        ],
      ],
      ['l', 'r', 'l', 'l']
    ),
    '',
    `A save of one service reads the whole index and uploads it again; ${n0(requestsMs)} ms of the median save are its four`,
    `requests, the rest is the store’s own work in Node (diff, change records, encoding and decoding the index). The`,
    `sandbox (in a process of its own) rewrites its whole state file after every dashboard save, as Grafana does not: the`,
    `file held ${mib(before.bytes)} MiB after the seed and ${mib(after.bytes)} MiB after these saves (every dashboard with up to 20`,
    `versions, each a full copy) and a rewrite took ${n0(before.ms)} and ${n0(after.ms)} ms. The service document’s save, ${kib(service.answerBytes)} KiB, is`,
    `almost only that rewrite (median ${n0(rewriteMs)} ms), so without the two rewrites a save would take about`,
    `${n0(store.saveMedianMs - 2 * rewriteMs)} ms here. Grafana writes a dashboard row and a version row instead; every version it keeps of the index is a`,
    `full copy (${n0((index.storedBytes * 20) / MIB)} MiB in \`dashboard_version\` at the default \`versions_to_keep\` of 20).`,
    '',
    '**Compared with the registry in the plugin settings.** The baseline is “UI scale” of 2026-11-28 (same method). The',
    'machine’s load moves these figures by ±20 %, so the same hour’s run of the code before the move',
    `(${BEFORE_MOVE.commit}, its own \`bench/ui-scale.ts\` with \`--no-build\` on its own build, from \`git archive\`; ${BEFORE_MOVE.when})`,
    'is beside it, with its registry and with the same 3-SLO registry as here (the settings JSON then weighs',
    `${mib(BEFORE_MOVE.threeSloSettingsBytes)} MiB and is read twice):`,
    '',
    table(
      [
        '',
        'plugin settings, 2026-11-28',
        'plugin settings, same hour',
        'same, 3 SLOs per service',
        'dashboards (this run)',
      ],
      [
        [
          'services list, first render (ms)',
          n0(SETTINGS_BASELINE.firstRender),
          BEFORE_MOVE.firstRender.map(n0).join(', '),
          n0(BEFORE_MOVE.threeSlo.firstRender),
          n0(input.firstRender),
        ],
        [
          'services list, search (ms)',
          n0(SETTINGS_BASELINE.search),
          BEFORE_MOVE.search.map(n0).join(', '),
          n0(BEFORE_MOVE.threeSlo.search),
          n0(input.search),
        ],
        [
          'registry document (MiB)',
          `${mib(SETTINGS_BASELINE.settingsBytes)} (settings JSON)`,
          mib(SETTINGS_BASELINE.settingsBytes),
          mib(BEFORE_MOVE.threeSloSettingsBytes),
          `${mib(index.storedBytes)} (index); ${mib(input.previousShapeIndexBytes)} with the 2026-11-28 registry`,
        ],
        [
          'registry downloaded by the services list (MiB)',
          mib(2 * SETTINGS_BASELINE.settingsBytes),
          mib(2 * SETTINGS_BASELINE.settingsBytes),
          mib(2 * BEFORE_MOVE.threeSloSettingsBytes),
          mib(storage.pages.list.registryBytes),
        ],
      ],
      ['l', 'r', 'r', 'r', 'r']
    ),
    ...(input.profile ? ['', '**Where the first render’s time goes**', '', ...profileText(input.profile)] : []),
  ].join('\n');
}
