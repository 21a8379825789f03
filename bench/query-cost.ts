/**
 * Benchmark: what the generated dashboards cost Prometheus, against what a per-SLO tool costs it,
 * at 10, 50, 200 and 2,000 SLOs, on a real Prometheus holding 30 days of demo history.
 *
 *   npx tsx bench/query-cost.ts
 *   npx tsx bench/query-cost.ts --sizes 200,2000   (those sizes only; prints, writes no results file)
 *   npx tsx bench/query-cost.ts --against DIR      (also another version's dashboards, pass for pass)
 *
 * 1. 30 days of demo history at one sample a minute (cached TSDB, tests/helpers/prometheus.ts).
 * 2. A registry of 2,000 SLOs (bench/lib/prometheusBench.ts `benchRegistry`: an availability ratio
 *    and a 300 ms latency SLI per service over the demo metrics); the smaller registries are its
 *    first SLOs. Its generated recording rules (the six series per SLO of the default rules) are
 *    backfilled over the history: the hourly groups (the tiles and the budget left) over all 30
 *    days, the others over the last 7 days (the executive view's range) at 5-minute steps.
 * 3. Prometheus over that TSDB; at the end of the history it runs, with `stats=all`:
 *    - generated: every PromQL query of the executive view and of the first service's on-call view,
 *      taken from the dashboard model, instant or range (dashboard range, 1,000 points, the panel's
 *      minimum step and the query's: see `panelStep`) as the panel asks;
 *    - naive: one query per SLO over the raw series for its whole window, as per-SLO tools run.
 *    One warm-up pass, then the median of RUNS passes of each set (NAIVE_RUNS_LARGE naive passes
 *    from 2,000 SLOs on).
 * 4. With `--against DIR` (a copy of the repository at another commit, e.g. `git archive` of it
 *    unpacked, with `node_modules` linked), that version's dashboards are built from DIR's
 *    `src/domain/dashboards` for the same registry and measured on the same Prometheus, each of its
 *    passes right after one of this version's: a before and after under the same load.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  ALL_VALUE,
  Dashboard,
  buildExecutiveDashboard,
  buildOnCallDashboard,
  dashboardQueries,
} from '../src/domain/dashboards';
import { RegistryDocument } from '../src/domain/model';
import { generateRuleFiles, mergeRuleFiles } from '../src/domain/rules';
import { prometheusConfig } from '../scripts/demo/historyTsdb';
import { defaultHistoryEnd } from '../scripts/demo/openmetrics';
import { startPrometheusProcess } from '../scripts/demo/prometheusProcess';
import { prepareDemoHistory } from '../tests/helpers/prometheus';
import {
  DAY,
  QueryCost,
  benchRegistry,
  copyTsdb,
  log,
  median,
  naiveQuery,
  round,
  timedQuery,
  withCleanup,
  writeResults,
} from './lib/prometheusBench';
import { backfillRecorded } from './lib/prometheusRecorded';

const NAME = 'query-cost';
const SIZES = [10, 50, 200, 2000];
/**
 * `--sizes 200,2000` measures those sizes only, for trying a change. The TSDB still holds every SLO of
 * the largest size, so that a query matching SLOs by regex meets as many label values as in a full
 * run; the results file is left alone, since its summary needs every size.
 */
const sizesArg = process.argv.indexOf('--sizes');
const MEASURED = sizesArg === -1 ? SIZES : process.argv[sizesArg + 1].split(',').map(Number);
const againstArg = process.argv.indexOf('--against');
/** `--against DIR`: another version of the repository whose dashboards are measured pass for pass with these. */
const AGAINST = againstArg === -1 ? undefined : path.resolve(process.argv[againstArg + 1]);

/** What the bench needs of a version's dashboards module. */
interface Builders {
  ALL_VALUE: typeof ALL_VALUE;
  buildExecutiveDashboard: typeof buildExecutiveDashboard;
  buildOnCallDashboard: typeof buildOnCallDashboard;
  dashboardQueries: typeof dashboardQueries;
}

const THIS_VERSION: Builders = { ALL_VALUE, buildExecutiveDashboard, buildOnCallDashboard, dashboardQueries };

/** The dashboards module of the `--against` version. */
async function againstBuilders(dir: string): Promise<Builders> {
  const file = path.join(dir, 'src/domain/dashboards/index.ts');
  if (!existsSync(file)) {
    throw new Error(`--against ${dir}: no ${file}`);
  }
  return (await import(file)) as Builders;
}

const RUNS = 5;
/** Naive passes from 2,000 SLOs on: one pass is 2,000 queries reading 30 days each, about a minute. */
const NAIVE_RUNS_LARGE = 3;
const DAYS = 30;
const STEP_SECONDS = 60;
/** Points of a time-series panel, as Grafana's max data points for a panel about 1,000 pixels wide. */
const MAX_POINTS = 1000;
/**
 * Grafana's rounding of range ÷ max data points (`roundInterval` in @grafana/data's rangeutil), from
 * 10 s to 1 d: [below this many seconds, round to this many seconds].
 */
const ROUNDED_STEPS: Array<[number, number]> = [
  [12.5, 10],
  [17.5, 15],
  [25, 20],
  [45, 30],
  [90, 60],
  [210, 120],
  [450, 300],
  [750, 600],
  [1050, 900],
  [1500, 1200],
  [2700, 1800],
  [5400, 3600],
  [9000, 7200],
  [16200, 10800],
  [32400, 21600],
  [86400, 43200],
  [Infinity, 86400],
];
/** Prometheus data source's default scrape interval, which `$__rate_interval` is built from. */
const SCRAPE_SECONDS = 15;

interface PlannedQuery {
  set: 'executive' | 'onCall' | 'naive';
  panel: string;
  expr: string;
  params: Record<string, number>;
}

interface SetTotals {
  queries: number;
  execMs: number;
  evalMs: number;
  wallMs: number;
  samples: number;
}

const say = (message: string) => log(NAME, message);

function seconds(duration: string): number {
  const match = /^now-(\d+)([smhd])$/.exec(duration);
  if (!match) {
    throw new Error(`unsupported dashboard time ${duration}`);
  }
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: DAY }[match[2] as 's' | 'm' | 'h' | 'd'];
}

/**
 * Grafana's step for a panel (`calculateInterval` in @grafana/data): the range over max data points,
 * rounded to a usual interval, but not below the panel's minimum step (`Panel.minInterval`).
 * Kept simple: the Prometheus data source's own floor (at most 11,000 points) never applies here.
 */
function panelStep(rangeSeconds: number, minInterval?: string): number {
  const raw = rangeSeconds / MAX_POINTS;
  const rounded = ROUNDED_STEPS.find(([below]) => raw < below)![1];
  return Math.max(rounded, minInterval ? seconds(`now-${minInterval}`) : 0);
}

/** The dashboard's PromQL queries as Grafana would send them at `end`: variables and macros filled in. */
function dashboardPlan(
  set: 'executive' | 'onCall',
  dashboard: Dashboard,
  end: number,
  version: Builders = THIS_VERSION
): PlannedQuery[] {
  const range = seconds(dashboard.time.from);
  const values = new Map<string, string>([['__range', `${range}s`]]);
  for (const variable of dashboard.variables) {
    const all = variable.current.includes(version.ALL_VALUE);
    values.set(
      variable.name,
      all ? (variable.allValue ?? variable.options.map((o) => o.value).join('|')) : variable.current.join('|')
    );
  }
  const fill = (expr: string, step: number) =>
    expr.replace(/\$\{(\w+)(?::[\w-]+)?\}|\$(\w+)/g, (match, braced?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      // Grafana: $__rate_interval = max($__interval + scrape interval, 4 × scrape interval).
      const value =
        name === '__interval'
          ? `${step}s`
          : name === '__rate_interval'
            ? `${Math.max(step + SCRAPE_SECONDS, 4 * SCRAPE_SECONDS)}s`
            : values.get(name);
      if (value === undefined) {
        throw new Error(`no value for ${match} in ${expr}`);
      }
      return value;
    });
  const minIntervals = new Map(
    dashboard.rows.flatMap((row) => row.panels.map((item) => [item.id, item.minInterval] as const))
  );
  return version
    .dashboardQueries(dashboard)
    .filter(({ query }) => query.language === 'promql')
    .map<PlannedQuery>(({ panelId, panelTitle, query }) => {
      // the query's own minimum step (Grafana's per-query "Min step") on top of the panel's
      const step = Math.max(
        panelStep(range, minIntervals.get(panelId)),
        query.minInterval ? seconds(`now-${query.minInterval}`) : 0
      );
      return {
        set,
        panel: `${panelTitle} ${query.refId}`,
        expr: fill(query.expr, step),
        params: query.instant ? { time: end } : ({ start: end - range, end, step } as Record<string, number>),
      };
    });
}

/** The queries of both views built by `version`. */
function generatedPlan(doc: RegistryDocument, end: number, version: Builders): PlannedQuery[] {
  return [
    ...dashboardPlan('executive', version.buildExecutiveDashboard(doc), end, version),
    ...dashboardPlan('onCall', version.buildOnCallDashboard(doc, doc.services[0].id), end, version),
  ];
}

function plan(doc: RegistryDocument, end: number): PlannedQuery[] {
  const naive = doc.slos.map<PlannedQuery>((slo) => ({
    set: 'naive',
    panel: slo.sli.kind,
    expr: naiveQuery(slo),
    params: { time: end },
  }));
  return [...generatedPlan(doc, end, THIS_VERSION), ...naive];
}

/** One pass over the queries of a set, in order, on one connection. */
async function pass(url: string, queries: PlannedQuery[]): Promise<QueryCost[]> {
  const costs: QueryCost[] = [];
  for (const query of queries) {
    costs.push(await timedQuery(url, query.expr, query.params));
  }
  return costs;
}

/** Totals of the queries `keep` selects, per pass, then the median over passes. */
function totals(queries: PlannedQuery[], passes: QueryCost[][], keep: (query: PlannedQuery) => boolean): SetTotals {
  const sum = (costs: QueryCost[], key: keyof QueryCost) =>
    costs.reduce((total, cost, i) => total + (keep(queries[i]) ? cost[key] : 0), 0);
  return {
    queries: queries.filter(keep).length,
    execMs: round(median(passes.map((costs) => sum(costs, 'execMs')))),
    evalMs: round(median(passes.map((costs) => sum(costs, 'evalMs')))),
    wallMs: round(median(passes.map((costs) => sum(costs, 'wallMs')))),
    samples: median(passes.map((costs) => sum(costs, 'samples'))),
  };
}

/** Queries of the SLO panels: recorded SLO series and SLO alerts, what a per-SLO tool also shows. */
function readsSloSeries(query: PlannedQuery): boolean {
  return /\bslo:|\bALERTS\b/.test(query.expr);
}

function ratios(naive: SetTotals, generated: SetTotals) {
  return {
    exec: round(naive.execMs / generated.execMs, 1),
    eval: round(naive.evalMs / generated.evalMs, 1),
    wall: round(naive.wallMs / generated.wallMs, 1),
    samples: round(naive.samples / Math.max(1, generated.samples), 1),
  };
}

interface Measured {
  queries: PlannedQuery[];
  passes: QueryCost[][];
}

/** Per query of a set: median time and samples over the passes. */
function perQuery({ queries, passes }: Measured) {
  return Object.fromEntries(
    queries.map((query, i) => [
      `${query.set} · ${query.panel}`,
      {
        execMs: round(median(passes.map((costs) => costs[i].execMs))),
        samples: median(passes.map((costs) => costs[i].samples)),
        range: 'step' in query.params,
      },
    ])
  );
}

/** The figures of one version's generated queries against the naive ones. */
function generatedFigures(g: Measured, naive: SetTotals) {
  const all = totals(g.queries, g.passes, () => true);
  const sloPanels = totals(g.queries, g.passes, readsSloSeries);
  return {
    executive: totals(g.queries, g.passes, (query) => query.set === 'executive'),
    onCall: totals(g.queries, g.passes, (query) => query.set === 'onCall'),
    generated: all,
    generatedSloPanels: sloPanels,
    generatedOther: totals(g.queries, g.passes, (query) => !readsSloSeries(query)),
    ratio: ratios(naive, all),
    ratioSloPanels: ratios(naive, sloPanels),
    perQuery: perQuery(g),
  };
}

/**
 * Runs the generated queries (both views, in panel order) and the naive ones: a warm-up pass, then
 * RUNS passes each. With `against`, that version's generated queries too, each pass right after one
 * of this version's.
 */
async function measureSize(url: string, doc: RegistryDocument, end: number, against?: Builders) {
  const planned = plan(doc, end);
  const g: Measured = { queries: planned.filter((query) => query.set !== 'naive'), passes: [] };
  const n: Measured = { queries: planned.filter((query) => query.set === 'naive'), passes: [] };
  const a: Measured | undefined = against ? { queries: generatedPlan(doc, end, against), passes: [] } : undefined;
  const interleaved = [g, ...(a ? [a] : [])];
  for (const set of interleaved) {
    await pass(url, set.queries);
  }
  for (let run = 0; run < RUNS; run++) {
    for (const set of interleaved) {
      set.passes.push(await pass(url, set.queries));
    }
  }
  await pass(url, n.queries);
  const naiveRuns = doc.slos.length >= 2000 ? NAIVE_RUNS_LARGE : RUNS;
  for (let run = 0; run < naiveRuns; run++) {
    n.passes.push(await pass(url, n.queries));
  }
  const naive = totals(n.queries, n.passes, () => true);
  return {
    slos: doc.slos.length,
    services: doc.services.length,
    ...generatedFigures(g, naive),
    naive,
    ...(a ? { against: generatedFigures(a, naive) } : {}),
  };
}

withCleanup(NAME, async (defer) => {
  // the machine is shared: the load average goes into the results, at the start and at the end
  const loadAtStart = os.loadavg().map((value) => round(value, 2));
  const end = defaultHistoryEnd();
  const started = Date.now();
  say(`preparing ${DAYS} days of demo history, one sample every ${STEP_SECONDS} s (cached after the first run)`);
  const history = await prepareDemoHistory({ days: DAYS, end, stepSeconds: STEP_SECONDS });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-bench-query-cost-'));
  defer(() => rmSync(dir, { recursive: true, force: true }));
  const tsdbDir = path.join(dir, 'data');
  copyTsdb(history.cacheDir, tsdbDir);
  say(`history ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const largest = benchRegistry(Math.max(...SIZES));
  const rules = mergeRuleFiles(generateRuleFiles(largest).prometheus.map((entry) => entry.file));
  const recordedSamples = await backfillRecorded({
    groups: rules.groups,
    tsdbDir,
    workDir: path.join(dir, 'work'),
    historyStart: history.start,
    historyEnd: history.end,
    recentSeconds: 7 * DAY,
    minStepSeconds: 300,
    log: say,
  });
  say(`${recordedSamples} recorded samples backfilled for ${largest.slos.length} SLOs`);

  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig());
  const server = await startPrometheusProcess({ configFile, tsdbDir });
  defer(() => server.stop());
  say(`Prometheus ${server.url} (PID ${server.pid})`);

  const against = AGAINST ? await againstBuilders(AGAINST) : undefined;
  const sizes = [];
  for (const size of MEASURED) {
    const doc = { ...largest, slos: largest.slos.slice(0, size) };
    doc.services = largest.services.filter((service) => doc.slos.some((slo) => slo.serviceId === service.id));
    const measured = await measureSize(server.url, doc, history.end, against);
    say(
      `${size} SLOs: generated ${measured.generated.queries} queries ${measured.generated.execMs} ms, ` +
        `SLO panels ${measured.generatedSloPanels.queries} queries ${measured.generatedSloPanels.execMs} ms, ` +
        `naive ${measured.naive.queries} queries ${measured.naive.execMs} ms: ${measured.ratio.exec}x (SLO panels ${measured.ratioSloPanels.exec}x)`
    );
    if (measured.against) {
      const { generated, executive, onCall, ratio } = measured.against;
      say(
        `${size} SLOs, against ${AGAINST}: generated ${generated.queries} queries ${generated.execMs} ms ` +
          `(executive ${executive.execMs}, on-call ${onCall.execMs}): ${ratio.exec}x`
      );
    }
    sizes.push(measured);
  }
  if (MEASURED !== SIZES) {
    const load = { start: loadAtStart, end: os.loadavg().map((value) => round(value, 2)) };
    say(`sizes ${MEASURED.join(', ')} only, results file not written:\n${JSON.stringify({ load, sizes }, null, 2)}`);
    return;
  }
  const at200 = sizes.find((size) => size.slos === 200);
  const at2000 = sizes.find((size) => size.slos === 2000);
  const file = writeResults(
    NAME,
    {
      query_ratio_200: at200?.ratio.exec ?? 0,
      query_ratio_2000: at2000?.ratio.exec ?? 0,
      queries_executive_200: at200?.executive.queries ?? 0,
      queries_generated_200: at200?.generated.queries ?? 0,
      queries_generated_2000: at2000?.generated.queries ?? 0,
      generated_ms_200: at200?.generated.execMs ?? 0,
      generated_ms_2000: at2000?.generated.execMs ?? 0,
      query_ratio_slo_panels_200: at200?.ratioSloPanels.exec ?? 0,
    },
    {
      historyDays: DAYS,
      rawStepSeconds: STEP_SECONDS,
      historyEnd: new Date(history.end * 1000).toISOString(),
      runs: RUNS,
      naiveRunsFrom2000: NAIVE_RUNS_LARGE,
      maxDataPoints: MAX_POINTS,
      recordedSamples,
      loadAverage: { start: loadAtStart, end: os.loadavg().map((value) => round(value, 2)) },
      ...(AGAINST ? { against: AGAINST } : {}),
      timing: 'execMs/evalMs: sums of stats.timings.execTotalTime/evalTotalTime; median of runs after one warm-up',
      sizes,
    }
  );
  say(`results in ${file} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
});
