/** The "Live values" section of bench/RESULTS.md, from a results JSON of bench/live-values.ts. */
import type { MeasuredPage } from '../live-values';
import { BenchResult, n0, table } from './results';

interface Details {
  chromium: string;
  prometheus: string;
  runs: number;
  slos: number;
  services: number;
  service: string;
  recordedSeriesPerSlo: number;
  load: { beforeStack: number; atStart: number; atEnd: number };
  pages: MeasuredPage[];
  before?: { dist: string; pages: MeasuredPage[] };
}

function ms(value: number): string {
  return Number.isFinite(value) ? n0(value) : '—';
}

function requests(page: MeasuredPage): string {
  const { recorded, recordedQueries, raw, rawQueries } = page.fromHost.batches;
  const parts = [`${recorded} × ${recordedQueries} ${recordedQueries === 1 ? 'query' : 'queries'}`];
  if (raw > 0) {
    parts.push(`+ ${raw} raw (${rawQueries} queries)`);
  }
  return parts.join(' ');
}

function rows(pages: MeasuredPage[], build: string) {
  return pages.map((page) => [
    page.page,
    build,
    ms(page.direct.frame),
    ms(page.fromHost.frame),
    page.fromHost.frames.join(', '),
    ms(page.fromHost.firstRow),
    `${ms(page.fromHost.readStart)} → ${ms(page.fromHost.readEnd)}`,
    requests(page),
    page.fromHost.readingNoticeRuns > 0
      ? `“Reading…” at ${ms(page.fromHost.readingNoticeAt)} ms (${page.fromHost.readingNoticeRuns}/${page.fromHost.frames.length})`
      : 'none',
  ]);
}

export function liveValuesSection(result: BenchResult): string {
  const details = result.details as unknown as Details;
  const worst = (pages: MeasuredPage[]) => Math.max(...pages.map((page) => page.fromHost.frame));
  const header = [
    'page',
    'build',
    'from navigation (ms)',
    'from another page (ms)',
    'runs, from another page (ms)',
    'first row (ms)',
    'live values asked → answered (ms)',
    'live-value requests × queries',
    'notice while reading',
  ];
  const allRows = [
    ...(details.before ? rows(details.before.pages, 'before') : []),
    ...rows(details.pages, details.before ? 'after' : 'this'),
  ];
  const recordedExprs = details.pages
    .find((page) => page.fromHost.requests?.some((r) => r.kind === 'recorded'))
    ?.fromHost.requests?.find((request) => request.kind === 'recorded')?.exprs;
  return [
    `Measured ${result.date.slice(0, 10)} (${result.date.slice(11, 16)} UTC) on ${result.machine}, Chromium ${details.chromium} headless, ${details.prometheus}, with \`${result.command}\`.`,
    `Load average ${details.load.atStart.toFixed(1)} when the browser runs started, ${details.load.atEnd.toFixed(1)} at the end (another Prometheus benchmark shared the machine).`,
    '',
    `The real-Prometheus demo stack for \`benchRegistry(${details.slos})\` (${n0(details.services)} services, ${details.slos} SLOs, an`,
    'availability and a 300 ms latency SLO each, over the demo metrics; `bench/lib/liveValuesStack.ts`): 30 days of demo history',
    `at 5-minute steps, the registry’s recording rules (${details.recordedSeriesPerSlo} recorded series per SLO) backfilled over it,`,
    'then Prometheus scraping the live demo workload and evaluating the rules every 15 s until every SLO’s budget',
    'left is current. The built plugin in the sandbox host with `PROMETHEUS_URL` set to it, on throw-away state seeded',
    'with the same registry through the app’s store. For each page, medians of',
    `${details.runs} runs after one warm-up, each in a new page: *from navigation* runs from navigation start (host page,`,
    'plugin, registry and live values all loaded cold); *from another page* from the host booted on its home page',
    '(`/sandbox`, the plugin not loaded): pointer down on the app’s link (the lists) or `history.pushState` (the',
    `service page, \`${details.service}\`, which has no link there), as in a running Grafana. The end is the animation frame after the first`,
    'budget cell of the page’s table shows a percentage with no notice saying the values are still being read.',
    '*Live-value requests* are the data source requests of one page’s live values as Grafana sends them (one',
    '`/api/ds/query` per `query()` call; the sandbox’s Prometheus data source sends each query of a call on its own',
    'through the proxy, and the bench groups them back by their evaluation time); the two billing queries the',
    'shared read also sends (the spend against its baseline) are a request of their own and not counted. *First row*',
    '(the table shown, with or without values), *asked → answered* (the first live-value request sent, its last',
    'answer arrived) and the notice are from another page, medians.',
    '',
    table(header, allRows, ['l', 'l', 'r', 'r', 'l', 'r', 'r', 'l', 'l']),
    '',
    ...(recordedExprs
      ? [
          `The ${recordedExprs.length} queries of the one live-value request (for all ${details.slos} SLOs):`,
          '',
          '```',
          ...recordedExprs,
          '```',
          '',
        ]
      : []),
    `Slowest page from another page: ${ms(worst(details.pages))} ms${details.before ? ` (before: ${ms(worst(details.before.pages))} ms)` : ''}; goal ≤ 1,000 ms.`,
    '',
    ...timeShare(details.pages),
    ...(details.before ? beforeAfter(details.before.pages, details.pages) : []),
  ].join('\n');
}

/** Where the time from another page goes, per page (medians). */
function timeShare(pages: MeasuredPage[]): string[] {
  const parts = pages.map(
    (page) =>
      `${page.page}: first row ${ms(page.fromHost.firstRow)} ms, live values asked at ${ms(page.fromHost.readStart)} and ` +
      `answered at ${ms(page.fromHost.readEnd)} ms, budgets at ${ms(page.fromHost.frame)} ms`
  );
  return [
    `Where the time goes, from another page (medians): ${parts.join('; ')}. The read itself (one request, a few`,
    'milliseconds of Prometheus time each query) is not what the pages wait for: after the answer the page renders its',
    'table a second time with the values, and on this shared machine that render is what stands between the answer and',
    'the budgets, as it is between the click and the first row.',
  ];
}

/** What changed between the two builds, with both builds' figures. */
function beforeAfter(before: MeasuredPage[], after: MeasuredPage[]): string[] {
  const pair = (pick: (page: MeasuredPage) => number) =>
    after.map((page, i) => `${page.page} ${ms(pick(before[i]))} → ${ms(pick(page))} ms`).join(', ');
  return [
    '',
    '*Before* is the build given with `--before`, *after* this one; both are measured run by run in turn, on the',
    'same Prometheus, with the same registry and history.',
    '',
    `From another page: ${pair((page) => page.fromHost.frame)}; first row ${pair((page) => page.fromHost.firstRow)};`,
    `live values asked at ${pair((page) => page.fromHost.readStart)} after the click.`,
  ];
}
