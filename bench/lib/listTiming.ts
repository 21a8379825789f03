/**
 * The lists' timings in Chromium (first render, search, owner filter) and their section of
 * bench/RESULTS.md; `runOnce` measures one page, see bench/ui-scale.ts for the method.
 */
import { Page } from 'playwright-core';
import { median, n0, table } from './results';

/** Where and how a run was measured, for the sections' first line. */
export interface SectionContext {
  date: string;
  machine: string;
  chromium: string;
  command: string;
  runs: number;
}

/**
 * In-page helpers, as a string so the bundler's helpers never reach the page. `__bench.arm()`
 * notes the time of the next input, pointer down or Enter; `__bench.until(test)` resolves with the
 * time the DOM first passes `test` and the time of the frame after it. `__bench.arm(test)` also starts
 * watching for `test` before the action, in `__bench.watched`: a DOM that changes before the test
 * driver's action call returns (a click returns after its events and a round trip) is timed when it
 * changed, not when it was asked about.
 */
const PAGE_HELPERS = `
if (!window.__bench) {
  window.__bench = {
    start: undefined,
    watched: undefined,
    arm(test, describe) {
      this.start = undefined;
      this.watched = undefined;
      if (test) {
        if (test()) throw new Error('the page shows what the action should bring before it: ' + describe());
        this.watched = this.until(test, describe);
      }
      return true;
    },
    until(test, describe) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out; page shows: ' + describe())), 30000);
        const check = () => {
          if (!test()) return false;
          const updated = performance.now();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve({ start: this.start, updated, frame: performance.now() }));
          return true;
        };
        if (check()) return;
        const observer = new MutationObserver(() => {
          if (check()) observer.disconnect();
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    },
  };
  const note = (event) => {
    if (window.__bench.start === undefined && (event.type !== 'keydown' || event.key === 'Enter')) {
      window.__bench.start = performance.now();
    }
  };
  for (const type of ['input', 'pointerdown', 'keydown']) {
    document.addEventListener(type, note, { capture: true });
  }
}
`;

/**
 * In-page test: the list's first body row is laid out and its text matches. The texts are tested
 * first, so that a check while the page changes forces no layout until the texts are there.
 */
export function rowTest(
  listId: string,
  firstRow?: string,
  countPrefix?: string,
  countId?: string,
  countOther?: { countId: string; not: string }
): string {
  return `() => {
    const row = document.querySelector('[data-testid="${listId}"] tbody tr');
    if (!row) return false;
    ${firstRow ? `if (!row.textContent.includes(${JSON.stringify(firstRow)})) return false;` : ''}
    ${countPrefix && countId ? `const count = document.querySelector('[data-testid="${countId}"]'); if (!count || !count.textContent.startsWith(${JSON.stringify(countPrefix)})) return false;` : ''}
    ${countOther ? `const other = document.querySelector('[data-testid="${countOther.countId}"]'); if (!other || other.textContent.startsWith(${JSON.stringify(countOther.not)})) return false;` : ''}
    return row.getBoundingClientRect().height > 0;
  }`;
}

export interface Timing {
  updated: number;
  frame: number;
}

/** What the page shows, for error messages: the count and the first row. */
const DESCRIBE = `() => {
  const counts = [...document.querySelectorAll('[data-testid$="-count"]')].map((node) => node.textContent);
  const row = document.querySelector('tbody tr');
  return JSON.stringify({ counts, firstRow: row ? row.textContent.slice(0, 120) : null, url: location.href });
}`;

type Watched = { start?: number; updated: number; frame: number };

async function until(page: Page, test: string): Promise<Watched> {
  return page.evaluate(`window.__bench.until(${test}, ${DESCRIBE})`);
}

/** Notes the next input and starts watching for `test`, before an action; {@link watched} waits for it. */
async function arm(page: Page, test: string): Promise<void> {
  await page.evaluate(`window.__bench.arm(${test}, ${DESCRIBE})`);
}

/** What {@link arm} watched for, as times after the action's first input or pointer down. */
async function watched(page: Page): Promise<Timing> {
  const seen = (await page.evaluate('window.__bench.watched')) as Watched;
  return { updated: seen.updated - (seen.start ?? NaN), frame: seen.frame - (seen.start ?? NaN) };
}

/** In-page test: the list is shown and none of its filter pickers is still a box waiting to mount. */
function filtersTest(listId: string): string {
  return `() => Boolean(document.querySelector('[data-testid="${listId}"] tbody tr')) &&
    document.querySelector('[data-pending-filter]') === null &&
    document.querySelector('input[role="combobox"]') !== null`;
}

export interface ListSpec {
  name: string;
  baseURL: string;
  url: string;
  listId: string;
  countId: string;
  searchId: string;
  search: { text: string; firstRow: string; count: string };
  owner: { placeholder: string; name: string; count: string };
  /** A switch that keeps the rows needing attention, when the list has one. */
  attentionId?: string;
  total: number;
}

/**
 * When (ms after navigation start) the host page script had arrived, the host asked for the plugin's
 * `module.js` (the host has booted; the app's code starts), the last plugin chunk had arrived, the
 * app asked for the registry's index and the index had arrived. The two request times are missing in
 * results written before 2026-12-06.
 */
export interface Loaded {
  host: number;
  pluginRequested?: number;
  plugin: number;
  indexRequested?: number;
  index: number;
}

/** When, in ms after the click, the plugin's last chunk and the index arrived (from another page). */
export interface FromHostSteps {
  chunks: number;
  chunkCount: number;
  indexRequested: number | null;
  index: number | null;
}

export interface FromHostResult extends Timing {
  steps: FromHostSteps;
  /**
   * When every filter picker of the list had mounted (they mount after the first frame, boxes of
   * their size in their place until then). Missing in results written before 2026-12-06 21:30 UTC.
   */
  filters?: Timing;
  /** The same, a second time in the same page (back to the home page, then the link again). */
  again?: Timing;
}

export interface RunResult {
  loaded: Loaded;
  firstRender: Timing;
  /**
   * The first render when the user comes from another page of a running Grafana: from the pointer
   * going down on the app's link on the host's home page (the plugin not loaded yet) to the first
   * row. Missing in results written before 2026-12-06 13:00 UTC.
   */
  fromHost?: FromHostResult;
  search: Timing;
  owner: Timing;
  /** The attention switch turned on. Missing in results written before 2026-12-07 20:00 UTC. */
  attention?: Timing;
}

/** The search input, whether the test id sits on the input or on its wrapper. */
function searchBox(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/**
 * The first render from the host's home page (`/sandbox`, where Grafana would show its home
 * dashboard): the host has booted and the plugin is not loaded; a click on the app's link in the
 * page navigates inside the single-page app, as Grafana's navigation does.
 */
export async function runFromHost(page: Page, spec: ListSpec & { linkName: string }): Promise<FromHostResult> {
  await page.goto(`${spec.baseURL}/sandbox`, { waitUntil: 'load' });
  const link = page.getByRole('link', { name: spec.linkName, exact: true });
  await link.waitFor();
  await page.evaluate(PAGE_HELPERS);
  await arm(page, rowTest(spec.listId));
  // The pickers are watched from before the click too.
  // (an evaluated promise would be awaited, and this one waits for the click: the function returns true)
  await page.evaluate(
    `(() => { window.__benchFilters = window.__bench.until(${filtersTest(spec.listId)}, ${DESCRIBE}); return true; })()`
  );
  await link.click();
  const rendered = await watched(page);
  const filters = (await page.evaluate('window.__benchFilters')) as Watched;
  const start = filters.start ?? NaN;
  const steps: FromHostSteps = await page.evaluate(`((start) => {
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.startTime >= start);
    const plugin = entries.filter((entry) => entry.name.includes('/public/plugins/') && entry.name.includes('.js'));
    const index = entries.find((entry) => entry.name.includes('/api/dashboards/uid/bizowner-index'));
    return {
      chunks: Math.max(0, ...plugin.map((entry) => entry.responseEnd)) - start,
      chunkCount: plugin.length,
      indexRequested: index ? index.startTime - start : null,
      index: index ? index.responseEnd - start : null,
    };
  })(${start})`);
  // Back to the home page inside the single-page app, and to the list again: the plugin's code is
  // loaded and has run once, the registry is read again.
  await page.evaluate('history.back()');
  await link.waitFor();
  await arm(page, rowTest(spec.listId));
  await link.click();
  const again = await watched(page);
  return {
    ...rendered,
    steps,
    filters: { updated: filters.updated - start, frame: filters.frame - start },
    again,
  };
}

export async function runOnce(page: Page, spec: ListSpec): Promise<RunResult> {
  await page.goto(`${spec.baseURL}${spec.url}`, { waitUntil: 'commit' });
  await page.evaluate(PAGE_HELPERS);
  const rendered = await until(page, rowTest(spec.listId));
  const firstRender = { updated: rendered.updated, frame: rendered.frame };
  const loaded: Loaded = await page.evaluate(`(() => {
    const entries = performance.getEntriesByType('resource');
    const end = (test) => Math.max(0, ...entries.filter((entry) => test(entry.name)).map((entry) => entry.responseEnd));
    const start = (test) => Math.min(...entries.filter((entry) => test(entry.name)).map((entry) => entry.startTime));
    const plugin = (name) => name.includes('/public/plugins/') && name.includes('.js');
    const index = (name) => name.includes('/api/dashboards/uid/bizowner-index');
    return {
      host: end((name) => name.includes('/public/build/host.js')),
      pluginRequested: start(plugin),
      plugin: end(plugin),
      indexRequested: start(index),
      index: end(index),
    };
  })()`);

  // A search needs the whole registry: the services list may show its first rows from the index's head
  // before the rest is decoded (its pickers mount then), and the time is the search's own.
  await until(page, filtersTest(spec.listId));
  await arm(page, rowTest(spec.listId, spec.search.firstRow, spec.search.count, spec.countId));
  await searchBox(page, spec.searchId).fill(spec.search.text);
  const search = await watched(page);

  await searchBox(page, spec.searchId).fill('');
  await until(page, rowTest(spec.listId, undefined, `${spec.total} of`, spec.countId));
  let attention: Timing | undefined;
  if (spec.attentionId) {
    // Every row's failure modes are read: the rows needing attention are not known before.
    const toggle = page.getByTestId(spec.attentionId);
    await arm(
      page,
      rowTest(spec.listId, undefined, undefined, undefined, { countId: spec.countId, not: `${spec.total} of` })
    );
    await toggle.click({ force: true });
    attention = await watched(page);
    await toggle.click({ force: true });
    await until(page, rowTest(spec.listId, undefined, `${spec.total} of`, spec.countId));
  }
  const picker = page.getByPlaceholder(spec.owner.placeholder, { exact: true });
  await picker.click();
  await picker.fill(spec.owner.name);
  const option = page.getByRole('option', { name: spec.owner.name, exact: true });
  await option.waitFor();
  await arm(page, rowTest(spec.listId, undefined, spec.owner.count, spec.countId));
  await option.click();
  const owner = await watched(page);
  return { loaded, firstRender, search, owner, attention };
}

/**
 * The services list of a small registry opened from another page: what the first render costs
 * whatever the registry's size.
 */
export interface Baseline {
  list: string;
  fromHost: ListTiming;
  fromHostAgain?: ListTiming;
}

/** Medians of the from-another-page runs of a small registry. */
export function summariseBaseline(list: string, runs: FromHostResult[]): Baseline {
  const of = (pick: (run: FromHostResult) => Timing) => ({
    updated: median(runs.map((run) => pick(run).updated)),
    frame: median(runs.map((run) => pick(run).frame)),
    frames: runs.map((run) => Math.round(pick(run).frame)),
  });
  return {
    list,
    fromHost: of((run) => run),
    fromHostAgain: runs.every((run) => run.again) ? of((run) => run.again!) : undefined,
  };
}

/** Another build measured run for run with this one (`bench/ui-scale.ts --against DIR`). */
export interface Against {
  /** Its build directory. */
  dist: string;
  lists: Array<ReturnType<typeof summarise> & { list: string }>;
  baseline: Baseline;
}

/** A step's medians over the runs. */
interface ListTiming {
  updated: number;
  frame: number;
  frames: number[];
}

export function summarise(runs: RunResult[]) {
  const of = (pick: (run: RunResult) => Timing) => ({
    updated: median(runs.map((run) => pick(run).updated)),
    frame: median(runs.map((run) => pick(run).frame)),
    frames: runs.map((run) => Math.round(pick(run).frame)),
  });
  return {
    loaded: {
      host: median(runs.map((run) => run.loaded.host)),
      pluginRequested: median(runs.map((run) => run.loaded.pluginRequested ?? NaN)),
      plugin: median(runs.map((run) => run.loaded.plugin)),
      indexRequested: median(runs.map((run) => run.loaded.indexRequested ?? NaN)),
      index: median(runs.map((run) => run.loaded.index)),
      appWork: median(runs.map((run) => run.firstRender.frame - (run.loaded.pluginRequested ?? NaN))),
    },
    firstRender: of((run) => run.firstRender),
    fromHost: runs.every((run) => run.fromHost) ? of((run) => run.fromHost!) : undefined,
    fromHostAgain: runs.every((run) => run.fromHost?.again) ? of((run) => run.fromHost!.again!) : undefined,
    fromHostFilters: runs.every((run) => run.fromHost?.filters) ? of((run) => run.fromHost!.filters!) : undefined,
    fromHostSteps: runs.every((run) => run.fromHost)
      ? {
          chunks: median(runs.map((run) => run.fromHost!.steps.chunks)),
          chunkCount: median(runs.map((run) => run.fromHost!.steps.chunkCount)),
          indexRequested: median(runs.map((run) => run.fromHost!.steps.indexRequested ?? NaN)),
          index: median(runs.map((run) => run.fromHost!.steps.index ?? NaN)),
        }
      : undefined,
    search: of((run) => run.search),
    owner: of((run) => run.owner),
    attention: runs.every((run) => run.attention) ? of((run) => run.attention!) : undefined,
  };
}

/** Milliseconds, or a dash where an older result has no such time. */
function ms(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? n0(value) : '—';
}

function hostSize(bytes: number | undefined): string {
  return bytes === undefined ? '' : ` of ${(bytes / 1e6).toFixed(1)} MB`;
}

/** The first list's first render split between the host and the app's steps, when the run has the split. */
function appShare(list: ReturnType<typeof summarise> & { list: string }): string[] {
  const { pluginRequested, plugin, indexRequested, index, appWork } = list.loaded;
  if (
    ![pluginRequested, indexRequested, appWork].every((value) => typeof value === 'number' && Number.isFinite(value))
  ) {
    return [];
  }
  const afterRequest = (at: number) => ms(at - pluginRequested!);
  return [
    `For the ${list.list} (medians): ${ms(list.firstRender.frame)} ms to the first row, ${ms(pluginRequested)} of them before the`,
    `app’s code is asked for and ${ms(appWork)} the app’s. Its last chunk arrives ${afterRequest(plugin)} ms after the request for`,
    `\`module.js\`, it asks for the index after ${afterRequest(indexRequested!)} ms, the index arrives ${ms(index - indexRequested!)} ms later, and`,
    `${ms(list.firstRender.frame - index)} ms of decoding and rendering follow. The goal of 300 ms from navigation is out of`,
    `reach while the host needs the first part${appWork! > 300 ? ', and the app’s own part alone is above it' : ''}.`,
  ];
}

/** Where the first render from another page goes, and what the registry's size adds to it. */
function fromHostShare(list: ReturnType<typeof summarise> & { list: string }, baseline?: Baseline): string[] {
  const steps = list.fromHostSteps;
  if (!list.fromHost || !steps || !baseline) {
    return [];
  }
  const again = list.fromHostAgain ? ` and ${ms(list.fromHostAgain.frame)} ms on a second visit in the same page` : '';
  const baselineAgain = baseline.fromHostAgain ? ` (second visit ${ms(baseline.fromHostAgain.frame)} ms)` : '';
  return [
    '',
    `Opened from another page, as in a running Grafana, the ${list.list} takes ${ms(list.fromHost.frame)} ms to its first row${again}.`,
    `The app’s ${n0(steps.chunkCount)} chunks have arrived after ${ms(steps.chunks)} ms; the registry’s index, asked for while they load`,
    `(module.tsx starts the read and the page’s code together with the app’s), after ${ms(steps.index)} ms. The rest is the main`,
    'thread: the app’s code run for the first time (compiled and optimised by the browser as it goes), the index’s',
    'head decoded (the whole 14 MB waits until the first rows are painted), the rows, and React rendering the page',
    `with Grafana’s components. With ${baseline.list.replace('services list, ', '')} (an index read whole, with no head) the same takes ${ms(baseline.fromHost.frame)} ms${baselineAgain}:`,
    sizeShare(list.fromHost.frame - baseline.fromHost.frame),
  ];
}

/** What any app pays for a first render from another page (the floor plugin), and what is this app's. */
function floorShare(list: ReturnType<typeof summarise> & { list: string }, floor?: Baseline): string[] {
  if (!list.fromHost || !floor) {
    return [];
  }
  const again = floor.fromHostAgain ? ` (second visit ${ms(floor.fromHostAgain.frame)} ms)` : '';
  return [
    `The floor under it, *${floor.list}* in the table: a plugin of this bench (\`bench/lib/floorPlugin.ts\`) with the`,
    'app’s `plugin.json` and a `module.js` of a few lines whose page is one row and an empty combobox, opened the same',
    `way. It takes ${ms(floor.fromHost.frame)} ms${again}: the host’s navigation, loading a plugin’s \`module.js\`, one React`,
    `render and its frame. The remaining ${ms(list.fromHost.frame - floor.fromHost.frame)} ms of the ${list.list} are this app’s: its chunks,`,
    'its code run for the first time, the registry’s read and the page’s render.',
  ];
}

/** What the registry's size adds to a first render, in words; under 25 ms is within the spread of a step's runs. */
function sizeShare(added: number): string {
  return Math.abs(added) < 25
    ? 'the registry’s size adds nothing measurable to the first row at 5,000 services.'
    : `the registry’s size ${added > 0 ? 'adds' : 'takes off'} ${ms(Math.abs(added))} ms at 5,000 services.`;
}

type AnyList = { list: string } & Partial<ReturnType<typeof summarise>>;

/** The steps of a list that were measured, by name. */
function steps(list: AnyList): Array<[string, ListTiming]> {
  return (
    [
      ['first render', list.firstRender],
      ['first render from another page', list.fromHost],
      ['its filter pickers mounted', 'fromHostFilters' in list ? list.fromHostFilters : undefined],
      ['the same, second visit', list.fromHostAgain],
      ['search', list.search],
      ['owner filter', list.owner],
      ['attention filter', list.attention],
    ] satisfies Array<[string, ListTiming | undefined]>
  ).filter((entry): entry is [string, ListTiming] => entry[1] !== undefined);
}

/** Both builds' medians (frame) step by step, with the change, when another build was measured alongside. */
function againstTable(lists: AnyList[], against?: Against): string[] {
  if (!against) {
    return [];
  }
  const others: AnyList[] = [...against.lists, against.baseline];
  const rows = lists.flatMap((list) => {
    const other = others.find((candidate) => candidate.list === list.list);
    const theirs = new Map(other ? steps(other) : []);
    return steps(list).flatMap(([what, timing]) => {
      const before = theirs.get(what);
      if (!before) {
        return [];
      }
      const change = `${timing.frame <= before.frame ? '−' : '+'}${Math.abs(Math.round((timing.frame / before.frame - 1) * 100))} %`;
      return [
        [
          list.list,
          what,
          n0(before.frame),
          n0(timing.frame),
          change,
          `${before.frames.join(', ')} / ${timing.frames.join(', ')}`,
        ],
      ];
    });
  });
  return [
    '',
    `The build in \`${against.dist}\`, measured in the same run on sandboxes of its own seeded alike, run for run with`,
    'this build and going first every other run, so that both builds see the same load (medians, frame, ms):',
    '',
    table(['list', 'step', 'that build', 'this build', 'change', 'runs, that / this build'], rows, [
      'l',
      'l',
      'r',
      'r',
      'r',
      'l',
    ]),
  ];
}

/** The UI scale section: the lists' timings, and where the first render's time goes. */
export function uiSection(
  measured: Array<ReturnType<typeof summarise> & { list: string }>,
  context: SectionContext,
  hostBytes?: number,
  baseline?: Baseline,
  against?: Against,
  floor?: Baseline
): string {
  const lists: AnyList[] = [...measured, ...(baseline ? [baseline] : []), ...(floor ? [floor] : [])];
  const rows = lists.flatMap((list) =>
    steps(list).map(([what, timing]) => [
      list.list,
      what,
      n0(timing.updated),
      n0(timing.frame),
      timing.frames.join(', '),
    ])
  );
  return [
    `Measured ${context.date} on ${context.machine}, Chromium ${context.chromium} headless, with \`${context.command}\`.`,
    '',
    'The built plugin in the sandbox host (`sandbox/server.ts`), each list on its own server with throw-away state',
    'seeded through the app’s store (`saveRegistry` from the empty registry; the registry lives in dashboards,',
    'see “Registry storage at 5,000 services”): 5,000 services from `manyServices` with 3 SLOs each, and 2,000',
    `SLOs on 1,000 of 3,000 services. Medians of ${context.runs} runs after one warm-up, each in a new page.`,
    '*First render* runs from navigation start to the first table row laid out (host page, plugin bundle, plugin',
    'settings, the registry’s index and the first page of 50 rows). *First render from another page* is the same',
    'list opened as a user of a running Grafana opens it: the host booted on its own home page (`/sandbox`,',
    'the plugin not loaded), from the pointer going down on the app’s link to the first row. *Search* runs from the `input` event of the search box',
    '(“Service 4321”, “Service 1230”) to the count and first row showing the match; *owner filter* from the',
    'pointer going down on “Person 13” in the business-owner filter to the list showing that owner; *attention filter*',
    '(services list) from the pointer going down on the “Needs attention” switch to the list showing the rows that need it.',
    '*Updated* is the DOM change, *frame* the next animation frame after it. Each change is watched for from before',
    'its action, so that a list that changes before the test driver’s click or fill returns is timed when it changed',
    '(runs before 2026-12-07 19:00 UTC asked only after the call returned, which added up to 90 ms to the owner',
    'filter). The filter pickers mount right after the first frame, boxes of',
    'their size in their place until then: *its filter pickers mounted* is when the last of them has.',
    '',
    table(['list', 'step', 'updated (ms)', 'frame (ms)', 'runs, frame (ms)'], rows, ['l', 'l', 'r', 'r', 'l']),
    ...againstTable(lists, against),
    '',
    'Where the first render’s time goes (medians, ms after navigation start): the host page script arrived;',
    'the host, booted, asked for the plugin’s `module.js` (from here on the time is the app’s: its chunks, its',
    'settings, the registry); the last plugin chunk arrived; the app asked for the registry’s index; the index',
    'arrived; the first row. *App* is the first row less the plugin request:',
    '',
    table(
      ['list', 'host script', 'plugin asked', 'plugin chunks', 'index asked', 'index', 'first row', 'app'],
      measured.map((list) => [
        list.list,
        ms(list.loaded.host),
        ms(list.loaded.pluginRequested),
        ms(list.loaded.plugin),
        ms(list.loaded.indexRequested),
        ms(list.loaded.index),
        ms(list.firstRender.frame),
        ms(list.loaded.appWork),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
    ),
    '',
    `Until the plugin is asked for, the time is the sandbox host’s: it loads and evaluates its bundle${hostSize(hostBytes)}`,
    '(React, `@grafana/ui`, `@grafana/runtime`, minified with a source map as Grafana serves its own), then reads',
    'the data sources and the plugin settings, one after the other. In Grafana, Grafana’s cached bundle is the',
    'host, already running when a user comes to the app from another page, so a first render there starts near',
    '*plugin asked*. The app then loads its chunks, the page’s with the app’s, reads the plugin settings and',
    'the registry’s folder and downloads the index (these reads start with the chunks). The services list then',
    'decodes the head of a large index (every name, the people and the first 100 services by name, gzipped on',
    'their own), renders its first page from it, and decodes the whole index (gzipped JSON, the browser’s',
    '`DecompressionStream` and `Response.json()`) once that frame is painted; the SLO list decodes the whole first.',
    ...appShare(measured[0]),
    ...fromHostShare(measured[0], baseline),
    ...floorShare(measured[0], floor),
    '“Registry storage at 5,000 services” has a CPU profile of one first render.',
    '',
    'The build before in the side-by-side table is e550387 (`/tmp/dist-base`, built 2026-12-08 01:14 UTC).',
    'Two changes since, both in what a page loads before its first rows:',
    '',
    '- **The live values’ read loads its code when it starts**, once the page has painted, instead of with the',
    '  app (src/components/LiveValues/liveRead.ts beside measuredLiveValues.ts, which keeps the reads). The',
    '  services list opened from another page waited for 15 chunks, the PromQL parser (89 KB), the dashboards’',
    '  queries and the Prometheus client among them, whose modules ran before the first row (29 ms of one task',
    '  in a Chrome trace); it waits for 12.',
    '- **The SLO list’s “Download all rules” and “Escalation” load their code on use** (from the pointer or the',
    '  focus reaching the button): the list imported the rule generator for the one and the escalation dialog',
    '  for the other, and with them CodeMirror (240 KB), `yaml` (98 KB) and the registry’s validation. The SLO',
    '  list waits for 16 chunks instead of 22.',
    '',
    'From another page the services list at 5,000 services went 486 → 382 ms and the SLO list 796 → 621 ms',
    '(their runs overlap: 549–823 and 516–739 ms); at 50 services 454 and 462 ms, unchanged. An earlier run',
    'of the first change alone (01:36 UTC, same method) had 445 → 376 ms for the services list, and the SLO list,',
    'which it does not change, at 723 and 789 ms. At 50 services the list decodes its whole index before its',
    'first row (a small index has no head), which is why it is no faster than 5,000 services here.',
    '',
    'What the first render from another page costs beyond the floor (the app page of one row, 52 ms) is this',
    'app’s: 330 ms. A Chrome trace of one such render of the build before (01:10 UTC, with the tracing’s own',
    'overhead: 755 ms in all) had on the main thread about 180 ms of compiling functions run for the first time,',
    '39 ms of parsing a script, a 147-ms React render (40 ms of it compiling, 15 ms garbage collection) and',
    '75 ms of style, layout and paint; the chunks arrived 125 ms after `module.js` was asked for, in two waves',
    'of at most six requests. Tried with a throw-away script and not kept, each within the spread of its runs',
    '(6 runs each): plugin files served with Grafana’s production headers (`Cache-Control: public, max-age=3600`',
    'and `Last-Modified`, as `pkg/api/plugins.go` does), so that the browser keeps them and V8’s code cache',
    'applies, 452–548 ms against about 500 (a webpack chunk runs no code when it loads, so the cache holds',
    'little); V8’s explicit compile hints (`//# allFunctionsCalledOnLoad`) on every chunk, 501–742 ms; 15 rows',
    'instead of 50 on the first page, about 30 ms; webpack’s `maxAsyncRequests: 6`, 10 chunks instead of 15.',
    'The goal of 300 ms is not met.',
    '',
    'In the run before that (2026-12-07 19:30 UTC) the build before was 61988fb (`/tmp/dist-head`, built at',
    '18:57 UTC). Three changes then, all in the services list:',
    '',
    '- **A keystroke renders the table in the same pass as the search box.** The list deferred the table',
    '  (`useDeferredValue`): the box first, then the table in a pass of its own that yields every 5 ms. A Chrome',
    '  trace of one search (19:00 UTC) had the `input` event’s render at 15 ms, a frame, the deferred pass at 23',
    '  and 7 ms, and the count changed 65 to 79 ms after the event. Rendering both in one pass, the count changed',
    '  26 to 39 ms after it (5 runs of a throw-away script each). Search texts are now kept with their service',
    '  (a `WeakMap`, checked against the owner’s name and the team), so rows built again when the live values',
    '  arrive do not join 5,000 texts again, and the live values’ read skips the on-call uids of 5,000 services',
    '  when Grafana’s search found no saved dashboard (and keeps them otherwise): a CPU profile of the search',
    '  typed right after the pickers mounted had 23 ms of `stableUid` in it. Search 70 → 39 ms.',
    '- **A row works out its ladder level and its failing failure modes apart** (`ladderLevel`,',
    '  `failingModes`), where it read its whole scorecard for either: the attention filter reads every row’s',
    '  failure modes and no longer climbs 5,000 ladders with their evidence. In Node, 5,000 rows: 20 ms warm and',
    '  106 ms on the first pass, against 120 and 252 with whole scorecards. Badges in the rows carry no icon',
    '  any more: Grafana’s icons are SVG files parsed once per instance, 38 ms on a page of 50 services without an',
    '  owner (CPU profile of the “Without a business owner” filter). Attention filter 313 → 160 ms.',
    '- **The bench watches for each change from before its action** (`__bench.arm(test)`). It asked only once',
    '  Playwright’s click or fill had returned, which takes a round trip after the events: a list that had',
    '  changed by then was timed at the question. The owner filter, 171 ms in the 17:05 run, is 74 ms measured',
    '  this way on the build before (a throw-away script with its own observer had the count change 40 to 55 ms',
    '  and the next frame 70 to 87 ms after the pointer went down). Its remaining time: React renders the page',
    '  with the choice (Grafana’s multi-select and the new rows, 35 to 40 ms in a trace, reading `offsetWidth`',
    '  to place its menu), then the frame lays out the table (style 7 ms for 537 elements, layout 17 ms).',
    '',
    'The goals of 50 ms per filter are met by the search at 5,000 services (39 ms) and the SLO list’s search and',
    'owner filter (32 and 55 ms), not by the services list’s owner filter (76 ms) or its attention filter',
    '(160 ms); the first render from another page (493 ms) is where it was.',
    '',
    'In the run before that (17:05 UTC) the build before was 7a8ff90, the HEAD before the services list showed its first',
    'rows from the head of the index (`/tmp/dist-cur`, built at 15:59 UTC). There the first row came after the',
    'whole index was decoded. A Chrome trace of one first render from another page (`devtools.timeline`) had two',
    'tasks on the main thread before the first row: the browser’s gunzip (`DecompressionStream`) 153 to 198 ms,',
    'then the JSON reader and the garbage collection of its 14 MB of objects, 148 to 251 ms. Timed in the page on',
    'the same index (5 runs each): inflating its 0.3 MB to 14 MB with `DecompressionStream` 194 to 256 ms, with',
    'fflate 78 to 132 ms; `JSON.parse` of the 14 MB 35 to 66 ms. The head is 30 KB gzipped (40 KB in base64, the',
    'whole 396 KB). The first version of that change made the whole wait only for the frame after the preview was',
    'set: React renders the page in 5-ms slices (concurrent rendering), so the decoding still came before the',
    'first row, and from another page nothing changed (957 → 1,104 ms, 16:27 UTC). The whole now waits for the',
    'list to say its first page is on screen. Runs of the change, before the head was read with the',
    'browser’s gzip decoder instead of fflate (31 ms, of them 23 in fflate not yet optimised, in the CPU profile',
    'of that run): from another page 881 → 498 ms and 985 → 600 ms, a second visit 431 → 181 and 512 → 207 ms',
    '(16:37 and 16:49 UTC, load average 2.3 to 2.6); with it, 898 → 555 and 442 → 185 ms (16:58 UTC), and the',
    'run of 17:05 UTC (530 ms). The filter pickers mount when they did: the whole index is decoded after the first',
    'rows instead of before them. The services list’s search now starts once the pickers have mounted (it',
    'started at the first row, which in the build before came with the whole registry; in the 16:58 run it',
    'started before the whole was read and waited for it, 62 → 126 ms): 55 → 72 ms then, the SLO list’s',
    'search, whose code did not change, 55 → 49 ms. A CPU profile of one search of each build, typed once the',
    'pickers had mounted (`npx tsx bench/profile-list.ts --search`, 17:50 UTC: 576 and 434 profiled ms), has the',
    'live values’ read in this build’s search and not in the other’s: it starts after the whole registry, now',
    'later, and its answer builds the rows again (`buildServiceRows` and the rows’ constructor 18 ms, the read’s',
    '`stableUid` 5 ms). The filtering itself did not change. At 5,000 services the first row now costs what it costs at',
    '50; the goal of 300 ms is not met, and what is left does not depend on the registry’s size: the app’s code',
    'run for the first time and React rendering the page with Grafana’s components.',
    '',
    'In the run before that (10:18–10:25 UTC) the build before was the HEAD before the lists drew their rows with',
    'a table of their own (e0045ea, `/tmp/dist-base`, built at 09:10 UTC). A CPU profile of its owner filter',
    '(`npx tsx bench/profile-list.ts --owner --dist /tmp/dist-base`, 181 profiled ms from the list rendering the',
    'choice to the list showing it) had Grafana’s `InteractiveTable` at 24 ms and react-table at 11 ms of self time',
    '(every cell of the 50 rows prepared and rendered again, and, rows keyed by id, most of them taken down and',
    'built anew), `locationUtil.assureBaseUrl` at 5 ms (it tries each row link’s path as an absolute URL and',
    'catches the exception), i18next at 7 ms (the budget cell translated “No data” in each row), Grafana’s',
    '`MultiCombobox` at 25 ms with its positioning and measuring, which force the layout of the new rows, and',
    'the browser’s own work. The lists now draw a plain table (src/components/PagedTable/ListTable.tsx) with',
    '`InteractiveTable`’s styles, header buttons, names and expandable rows: one memoised component per row, kept',
    'by position so that a filter’s result updates the rows in place; cells with the list’s class names instead',
    'of a `Stack` or `Text` each, links made without parsing, the budget’s “No data”, the alert labels and the',
    'header names translated once per list; the search box is left alone by a choice in a picker, a service',
    'row’s search text is joined on the first search, and the live values’ early read (module.tsx) waits for the',
    'browser to be idle after the frame that follows the registry, so that it no longer comes before the first',
    'row. The same profile of this change’s build of 09:37 UTC, its rows still keyed by id (472 profiled ms from the click, most',
    'of them Playwright’s click and the browser’s style, layout and paint; no sample fell in the list’s own',
    'component, so the profile is not split): the rows’ own code about 10 ms (rows 4, cells 3, the scorecards of',
    'the rows shown 2), react-dom 16 ms of self time, `MultiCombobox` 23 ms in total, its positioning (13 ms)',
    'and measuring its pills (`offsetWidth`, 13 ms) forcing the page’s layout. In that side-by-side run',
    '(10:18–10:25 UTC, load average 3.2 to 3.5) the SLO list’s owner filter went from 136 to 80 ms and its search',
    'from 56 to 44 ms, the services list’s owner filter from 145 to 135 ms (its runs spread over each other’s)',
    'and its search from 55 to 50 ms; from another page 871 → 780 ms (services), 691 → 565 ms (SLOs) and',
    '402 → 351 ms (50 services). Quick runs of the same kind earlier (09:57 and 10:02 UTC, 3 and 4 runs, load',
    'average 1.3 to 5) put the services list’s owner filter at 183 → 111 and 246 → 182 ms. The goal of 50 ms',
    'for a filter is not met: the owner filter’s remaining time is mostly Grafana’s multi-select re-rendering',
    'with its choice and the browser laying out the page, which that picker forces during the update.',
    '',
    'Before the lists waited a frame before reading their live values, set up the tooltips of their status,',
    'budget and source cells on hover or focus only, linked rows with plain links followed by the router instead',
    'of `TextLink`s and translated each label once per list, the build before that (`/tmp/dist-before`, built at',
    '05:49 UTC) and that change, side by side on 2026-12-07 at load average 5.8, took (medians, ms): owner filter,',
    'services list 410 → 249, SLO list 374 → 237; from another page, services list 1,464 → 1,256, SLO list',
    '1,511 → 1,125, 50 services 727 → 592; second visit 765 → 603, 523 → 464 and 252 → 188; search 100 → 73 and',
    '105 → 83. An earlier run of both side by side (06:50–07:05',
    'UTC, that change first in every pair, load average 8 to 10, with `--against` but before the builds took',
    'turns going first): owner filter, services list 501 → 353 ms, SLO list 407 → 255 ms; from another page,',
    'services list 1,909 → 2,143 ms, SLO list 1,573 → 1,353 ms, 50 services 1,253 → 1,101 ms; search 92 → 113 and',
    '210 → 100 ms. At such loads every figure is 3 to 4 times a quiet machine’s and a step’s runs spread by ±30 %:',
    'the owner filters gain about a third in both runs, first renders move within their spread. That run’s CPU',
    'profile of one first render of that change still has the live values’ read before the first row (109 of',
    '1,985 profiled ms): its wait is for the frame after the registry arrives, and the page was still mounting.',
    '',
    'Before a choice in a picker rendered the list in one pass with the address written after it (as the search',
    'text already was), only the changed picker rendered again, the browser parsed the index from its bytes',
    '(`Response.json()`) and rows summarised their SLOs on first read: the build before, `--dist`, at',
    '2026-12-07 03:24 and 03:35 UTC, around a run of that change (03:20) and another (03:27, `--no-profile`),',
    'all at load averages of 5 to 9 on 2 cores (other benchmarks running), which put every figure 40–100 % above',
    'a quiet machine’s. Owner filter: services list 243 and 246 ms before, 179 and 231 ms after; SLO list 256',
    'and 334 before, 113 and 176 after. From another page: services list 642 and 905 before, 613 and 783 after',
    '(50 services: 432 and 544 before, 498 and 767 after: the load moved these more than the change did); SLO',
    'list 600 and 1,119 before, 611 and 703 after. Search 60 / 62 and 75 / 86 before, 63 / 52 and 71 / 93 after.',
    'On the quiet machine of 2026-12-06 (load average 2.8) the build before took 424 ms from another page and',
    '171 ms for the owner filter at 5,000 services, 112 ms for the SLO list’s.',
    'A run of that change at 2026-12-07 04:52 UTC, load average 2.9, took 634 ms from another page at 5,000',
    'services and 326 ms at 50, 233 ms for the services list’s owner filter and 177 ms for the SLO list’s; the',
    'build before, run right after it (04:56, `--dist`, `--no-profile`, load average 2.6), took 609 ms from another page at 5,000 services and',
    '434 ms at 50, 200 ms for the services list’s owner filter and 125 ms for the SLO list’s: on this day the',
    'machine was about 40 % slower than on 2026-12-06 for both builds, and the two differ by less than their',
    'run-to-run spread.',
    '',
    'Before the filter pickers mounted after the first frame (2026-12-06 20:15 UTC, load average 3.0, the same',
    'host): services list from another page 509 ms, second visit 277 ms; SLO list 500 / 241 ms; 50 services',
    '386 / 179 ms. Part of the difference is the machine’s load (3.0 then): the two builds side by side minutes',
    'apart (7 runs each, load average 1–1.5) took 507 and 435 ms from another page at 5,000 services. Grafana’s',
    'multi-select measures its options, the page’s scrollbar and its own width as it mounts: four of them cost',
    'the first row about 70 ms, and now follow it.',
    '',
    'Before the registry and the page’s code loaded with the app’s code, the index was gunzipped natively and the',
    'search text reached the URL only when typing pauses (2026-12-06 12:35 UTC, 3 runs, load average 1.9, the',
    'same host): services list from another page 562 ms, search 79 ms; SLO list 478 / 70 ms.',
    '',
    'Before the host bundle was minified and the services list did less per render (2026-12-06 11:29 UTC, load',
    'average 3.0, minutes before this run: the unminified host and the plugin built an hour earlier, `--dist`):',
    'services list first render 2,222 ms (plugin asked at 1,513 ms, app 734 ms), search 106 ms, owner filter',
    '292 ms; SLO list 1,973 / 63 / 129 ms. The same code at 11:16 UTC, load average 4.5: 2,772 / 121 / 327 ms.',
    '',
    'With the registry in the plugin settings (2026-11-28, same command, 5,000 services with two SLOs on every',
    'third): services list first render 2,099 ms, search 102 ms, owner filter 236 ms; SLO list 1,926 / 54 / 106 ms.',
    'Before each page became its own chunk (2026-11-27): 2,889 / 147 / 370 ms and 2,638 / 74 / 154 ms.',
  ].join('\n');
}
