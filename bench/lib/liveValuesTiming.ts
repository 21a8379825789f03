/**
 * One page's live values in Chromium, for bench/live-values.ts: when the first budget shows, what
 * the live-values notice said meanwhile, and the data source requests the page sent.
 *
 * "Budget shown": the page's table has a "Budget left" (or "Lowest budget left") column and the
 * first body row's cell in it holds a percentage, and no live-values notice says the values are
 * still being read. Checked on every DOM change (MutationObserver), with the time of the change
 * and of the next animation frame (when the browser can paint it).
 *
 * Requests: the page's resource timing entries of the data source proxy
 * (`/api/datasources/proxy/uid/<uid>/api/v1/query…`, one per query in the sandbox host, whose
 * Prometheus data source sends each target of a `query()` call on its own) and of `/api/ds/query`
 * (one per `query()` call in Grafana). Proxy requests with the same `time` parameter sent within
 * 50 ms of each other are one `query()` call: one data source request in Grafana.
 */
import { Page } from 'playwright-core';
import { median } from './results';

/** Notes every DOM change until `test` passes; also notes when a "Reading live values" notice shows. */
const PAGE_HELPERS = `
window.__live = {
  start: undefined,
  readingNotice: undefined,
  firstRow: undefined,
  arm() {
    this.start = undefined;
    const note = () => { if (this.start === undefined) this.start = performance.now(); };
    document.addEventListener('pointerdown', note, { capture: true });
  },
  until(test, notice, describe, rowSelector) {
    this.firstRow = undefined;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out; page shows: ' + describe())), 60000);
      const check = () => {
        const text = notice();
        if (text && this.readingNotice === undefined && /^Reading live values/.test(text)) {
          this.readingNotice = { at: performance.now(), text };
        }
        if (this.firstRow === undefined && document.querySelector(rowSelector)) this.firstRow = performance.now();
        if (!test()) return false;
        const updated = performance.now();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve({ start: this.start, updated, frame: performance.now(), readingNotice: this.readingNotice, firstRow: this.firstRow }));
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
`;

/** In-page: the notice's title, or null. */
function noticeText(noticeId: string): string {
  return `() => {
    const notice = document.querySelector('[data-testid="${noticeId}"]');
    return notice ? notice.textContent.trim() : null;
  }`;
}

/** In-page: the first budget cell of the table holds a percentage and no notice says "Reading". */
function budgetShownTest(tableId: string, noticeId: string): string {
  return `() => {
    const notice = document.querySelector('[data-testid="${noticeId}"]');
    if (notice && /^Reading live values/.test(notice.textContent.trim())) return false;
    const table = document.querySelector('[data-testid="${tableId}"] table') || document.querySelector('table[data-testid="${tableId}"]');
    if (!table) return false;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const column = headers.findIndex((text) => /^(Lowest budget left|Budget left)/.test(text));
    if (column === -1) return false;
    const row = table.querySelector('tbody tr');
    if (!row || row.getBoundingClientRect().height === 0) return false;
    const cell = row.querySelectorAll('td')[column];
    return Boolean(cell && /-?\\d+(\\.\\d+)?%/.test(cell.textContent));
  }`;
}

const DESCRIBE = `() => {
  const notice = document.querySelector('[data-testid$="-live-notice"]');
  const row = document.querySelector('tbody tr');
  return JSON.stringify({ notice: notice ? notice.textContent.slice(0, 160) : null, firstRow: row ? row.textContent.slice(0, 200) : null, url: location.href });
}`;

export interface PageSpec {
  name: string;
  baseURL: string;
  /** The page's path (with its query), e.g. `/a/bizowner-slo-app/services`. */
  url: string;
  /** The test id of the table with the budget column (on the table or on an element around it). */
  tableId: string;
  noticeId: string;
  /** The host home page's link to the page; without one the run navigates with `history.pushState`. */
  linkName?: string;
}

/** A data source request as Grafana would send it: one `query()` call and its queries. */
export interface DsBatch {
  /** ms after the run's start. */
  start: number;
  end: number;
  queries: number;
  /** `recorded`: recorded SLO series or alerts; `cost`: billing; `raw`: anything else (raw SLI queries). */
  kind: 'recorded' | 'cost' | 'raw';
  exprs: string[];
}

export interface LiveRun {
  /** Navigation or pointer down → first budget shown. */
  updated: number;
  frame: number;
  /** When the table's first row showed, with or without values (ms after start). */
  firstRow?: number;
  /** When a "Reading live values…" notice first showed (ms after start), and its text. */
  readingNotice?: { at: number; text: string };
  /** Data source requests (Grafana's `/api/ds/query`, one per `query()` call) by kind. */
  batches: DsBatch[];
  /** HTTP requests to the data source proxy (the sandbox's, one per query) and to `/api/ds/query`. */
  proxyRequests: number;
  dsQueryRequests: number;
  /** Other reads of the live values: the dashboard search (saved dashboards), ms after start. */
  search?: { start: number; end: number };
}

interface Entry {
  name: string;
  startTime: number;
  responseEnd: number;
}

function kindOf(expr: string): DsBatch['kind'] {
  if (/\bslo:|\bALERTS\b/.test(expr)) {
    return 'recorded';
  }
  return /cloud_cost|cloud_spend/.test(expr) ? 'cost' : 'raw';
}

/** Groups the proxy's per-query requests into the `query()` calls that sent them. */
export function batchesOf(entries: Entry[], start: number): DsBatch[] {
  const queries = entries
    .filter((entry) => /\/api\/datasources\/proxy\/uid\/[^/]+\/api\/v1\/query(_range)?\?/.test(entry.name))
    .map((entry) => {
      const params = new URL(entry.name).searchParams;
      return { ...entry, expr: params.get('query') ?? '', time: params.get('time') ?? params.get('end') ?? '' };
    })
    .sort((a, b) => a.startTime - b.startTime);
  const batches: Array<DsBatch & { time: string; last: number }> = [];
  for (const query of queries) {
    const kind = kindOf(query.expr);
    const batch = batches.find(
      (candidate) => candidate.time === query.time && candidate.kind === kind && query.startTime - candidate.last < 50
    );
    if (batch) {
      batch.queries++;
      batch.exprs.push(query.expr);
      batch.last = query.startTime;
      batch.end = Math.max(batch.end, query.responseEnd - start);
    } else {
      batches.push({
        start: query.startTime - start,
        end: query.responseEnd - start,
        queries: 1,
        kind,
        exprs: [query.expr],
        time: query.time,
        last: query.startTime,
      });
    }
  }
  return batches.map(({ time, last, ...batch }) => batch);
}

async function collect(page: Page, start: number): Promise<Omit<LiveRun, 'updated' | 'frame' | 'readingNotice'>> {
  // Requests sent after the values showed (none expected) still count: wait for the network to settle.
  await page.waitForTimeout(300);
  const entries: Entry[] = await page.evaluate(`performance.getEntriesByType('resource')
    .filter((entry) => entry.startTime >= ${start})
    .map((entry) => ({ name: entry.name, startTime: entry.startTime, responseEnd: entry.responseEnd }))`);
  const search = entries.find((entry) => entry.name.includes('/api/search?'));
  return {
    batches: batchesOf(entries, start),
    proxyRequests: entries.filter((entry) => entry.name.includes('/api/datasources/proxy/')).length,
    dsQueryRequests: entries.filter((entry) => entry.name.includes('/api/ds/query')).length,
    search: search ? { start: search.startTime - start, end: search.responseEnd - start } : undefined,
  };
}

async function until(page: Page, spec: PageSpec) {
  return page.evaluate(
    `window.__live.until(${budgetShownTest(spec.tableId, spec.noticeId)}, ${noticeText(spec.noticeId)}, ${DESCRIBE}, ${JSON.stringify(`[data-testid="${spec.tableId}"] tbody tr`)})`
  ) as Promise<{
    start?: number;
    updated: number;
    frame: number;
    readingNotice?: { at: number; text: string };
    firstRow?: number;
  }>;
}

/** Navigation start (a new page loading the URL) → first budget shown. */
export async function runDirect(page: Page, spec: PageSpec): Promise<LiveRun> {
  await page.addInitScript('performance.setResourceTimingBufferSize(10000)');
  await page.goto(`${spec.baseURL}${spec.url}`, { waitUntil: 'commit' });
  await page.evaluate(PAGE_HELPERS);
  const shown = await until(page, spec);
  return {
    updated: shown.updated,
    frame: shown.frame,
    readingNotice: shown.readingNotice,
    firstRow: shown.firstRow,
    ...(await collect(page, 0)),
  };
}

/**
 * From the host's home page (`/sandbox`, the plugin not loaded): pointer down on the app's link,
 * or `history.pushState` and a `popstate` event (the host's router follows it as Grafana's does a
 * link), → first budget shown.
 */
export async function runFromHost(page: Page, spec: PageSpec): Promise<LiveRun> {
  await page.addInitScript('performance.setResourceTimingBufferSize(10000)');
  await page.goto(`${spec.baseURL}/sandbox`, { waitUntil: 'load' });
  await page.getByTestId('sandbox-home').waitFor();
  await page.evaluate(PAGE_HELPERS);
  let pending: ReturnType<typeof until>;
  if (spec.linkName) {
    const link = page.getByRole('link', { name: spec.linkName, exact: true });
    await link.waitFor();
    await page.evaluate('window.__live.arm()');
    await link.click();
    pending = until(page, spec);
  } else {
    await page.evaluate(`(() => {
      window.__live.start = performance.now();
      history.pushState(null, '', ${JSON.stringify(spec.url)});
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    })()`);
    pending = until(page, spec);
  }
  const shown = await pending;
  const start = shown.start ?? NaN;
  return {
    updated: shown.updated - start,
    frame: shown.frame - start,
    readingNotice: shown.readingNotice && { at: shown.readingNotice.at - start, text: shown.readingNotice.text },
    firstRow: shown.firstRow === undefined ? undefined : shown.firstRow - start,
    ...(await collect(page, start)),
  };
}

/** Medians over runs, and the requests of the runs (the same in every run, else the largest). */
export function summariseRuns(runs: LiveRun[]) {
  const byKind = (run: LiveRun, kind: DsBatch['kind']) => run.batches.filter((batch) => batch.kind === kind);
  const recorded = runs.map((run) => byKind(run, 'recorded'));
  const readEnd = runs.map((run) =>
    Math.max(...run.batches.filter((batch) => batch.kind !== 'cost').map((batch) => batch.end))
  );
  return {
    updated: median(runs.map((run) => run.updated)),
    frame: median(runs.map((run) => run.frame)),
    frames: runs.map((run) => Math.round(run.frame)),
    /** Median time the first live-value request left, and the last (not cost) answer arrived. */
    firstRow: median(runs.map((run) => run.firstRow ?? NaN).filter(Number.isFinite)),
    readStart: median(
      runs.map((run) => Math.min(...run.batches.filter((batch) => batch.kind !== 'cost').map((batch) => batch.start)))
    ),
    readEnd: median(readEnd.filter(Number.isFinite)),
    costEnd: median(runs.map((run) => Math.max(0, ...byKind(run, 'cost').map((batch) => batch.end)))),
    searchEnd: median(runs.map((run) => run.search?.end ?? NaN).filter(Number.isFinite)),
    readingNoticeRuns: runs.filter((run) => run.readingNotice).length,
    readingNoticeText: runs.find((run) => run.readingNotice)?.readingNotice?.text,
    readingNoticeAt: median(runs.filter((run) => run.readingNotice).map((run) => run.readingNotice!.at)),
    batches: {
      recorded: Math.max(...recorded.map((batches) => batches.length)),
      recordedQueries: Math.max(...recorded.map((batches) => batches.reduce((sum, batch) => sum + batch.queries, 0))),
      raw: Math.max(...runs.map((run) => byKind(run, 'raw').length)),
      rawQueries: Math.max(...runs.map((run) => byKind(run, 'raw').reduce((sum, batch) => sum + batch.queries, 0))),
      cost: Math.max(...runs.map((run) => byKind(run, 'cost').length)),
      costQueries: Math.max(...runs.map((run) => byKind(run, 'cost').reduce((sum, batch) => sum + batch.queries, 0))),
    },
    proxyRequests: Math.max(...runs.map((run) => run.proxyRequests)),
    dsQueryRequests: Math.max(...runs.map((run) => run.dsQueryRequests)),
    /** The first run's requests in full. */
    requests: runs[0]?.batches.map((batch) => ({
      kind: batch.kind,
      queries: batch.queries,
      start: Math.round(batch.start),
      end: Math.round(batch.end),
      exprs: batch.exprs,
    })),
  };
}

export type PageSummary = ReturnType<typeof summariseRuns>;
