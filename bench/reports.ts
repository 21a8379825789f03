/**
 * Benchmark: what a period report costs Prometheus as the registry grows. For 20, 200 and 2,000
 * SLOs (`benchRegistry`), a real Prometheus holds a week and two days of the hourly tiles the rules
 * record (`slo:sli_error:increase1h`, `slo:sli_total:increase1h`, backfilled with promtool) of
 * exactly those SLOs; the report of the last full ISO week is read N times (default 5, after one
 * warm-up) through the command line's Prometheus client, all SLOs in UTC, then with every other
 * SLO in Europe/Berlin (two pairs of bounds). It counts the queries the report issues and times
 * the whole read (queries in parallel, as the page and `cli report` run them).
 *
 *   npx tsx bench/reports.ts [--runs N]
 *
 * Writes bench/results/reports.json and the "## Period reports" section of bench/RESULTS.md.
 */
import { performance } from 'node:perf_hooks';
import { parsePeriodName, periodName, previousCalendarPeriod } from '../src/domain/budget/period';
import { RegistryDocument } from '../src/domain/model';
import { planReport, readReport, ReportQueryRunner } from '../src/domain/reports';
import { prometheusRunner } from '../src/cli/commands/reportPrometheus';
import { nodeIo } from '../src/cli/nodeIo';
import { prometheusBase } from '../src/cli/prometheus';
import { toOpenMetrics } from '../tests/helpers/promBackfill';
import {
  benchRegistry,
  log,
  median,
  round,
  startBenchPrometheus,
  withCleanup,
  writeResults,
} from './lib/prometheusBench';
import { writeSection } from './lib/results';

const NAME = 'reports';
const SIZES = [20, 200, 2000];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;

const say = (message: string) => log(NAME, message);

/** The last full ISO week that ended at least a day ago, in UTC. */
function benchWeek(now: number) {
  const name = periodName('week', previousCalendarPeriod('week', new Date(now - DAY_MS)).start);
  const parsed = parsePeriodName(name);
  if ('message' in parsed) {
    throw new Error(parsed.message);
  }
  return { name, start: parsed.period.start.getTime(), end: parsed.period.end.getTime() };
}

/** OpenMetrics of the SLOs' hourly tiles from a day before `start` to a day after `end`. */
function tiles(doc: RegistryDocument, start: number, end: number): string {
  const times: number[] = [];
  for (let t = start - DAY_MS; t <= end + DAY_MS; t += HOUR_MS) {
    times.push(t / 1000);
  }
  const family = (name: string, value: (i: number, hour: number) => number) => ({
    name,
    series: doc.slos.map((slo, i) => ({
      labels: { sloth_id: slo.id, sloth_service: slo.serviceId, sloth_window: '1h' },
      samples: times.map((t, hour): [number, number] => [t, value(i, hour)]),
    })),
  });
  return toOpenMetrics([
    family('slo:sli_error:increase1h', (i, hour) => (i + hour) % 7),
    family('slo:sli_total:increase1h', (i, hour) => 1000 + ((i * 13 + hour) % 97)),
  ]);
}

/** Every other SLO in Europe/Berlin. */
function twoZones(doc: RegistryDocument): RegistryDocument {
  return { ...doc, slos: doc.slos.map((slo, i) => (i % 2 === 1 ? { ...slo, timeZone: 'Europe/Berlin' } : slo)) };
}

interface Measured {
  slos: number;
  zones: number;
  queries: number;
  medianMs: number;
  runsMs: number[];
  sloLines: number;
}

async function measure(doc: RegistryDocument, week: string, base: string, zones: number): Promise<Measured> {
  const plan = planReport(doc, week, Date.now());
  if ('message' in plan) {
    throw new Error(plan.message);
  }
  const inner = prometheusRunner(nodeIo(), base);
  let queries = 0;
  const run: ReportQueryRunner = (query) => {
    queries += 1;
    return inner(query);
  };
  const times: number[] = [];
  let sloLines = 0;
  for (let i = 0; i <= runs; i++) {
    queries = 0;
    const started = performance.now();
    const report = await readReport(doc, plan, run);
    const elapsed = performance.now() - started;
    if (report.failures.length > 0) {
      throw new Error(`the report failed: ${report.failures.map((failure) => failure.message).join('; ')}`);
    }
    sloLines = report.owners
      .flatMap((owner) => owner.services.flatMap((service) => service.slos))
      .filter((slo) => slo.outcome !== 'noData').length;
    if (i > 0) {
      times.push(elapsed);
    }
  }
  return {
    slos: doc.slos.length,
    zones,
    queries,
    medianMs: round(median(times), 1),
    runsMs: times.map((t) => round(t, 1)),
    sloLines,
  };
}

function section(week: string, rows: Measured[]): string {
  return [
    `Measured ${new Date().toISOString().slice(0, 16)} UTC with \`npx tsx bench/reports.ts\` (Prometheus 2.42 from Debian, 2 shared cores):`,
    `the report of ${week} read ${runs} times after a warm-up, against a Prometheus holding the hourly tiles of`,
    'exactly the registry’s SLOs (9 days around the week); time is the whole read, its queries in parallel.',
    '',
    '| SLOs | time zones | queries | median ms | SLOs with figures |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.slos} | ${row.zones} | ${row.queries} | ${row.medianMs} | ${row.sloLines} |`),
    '',
    'The number of queries depends only on the distinct time zones (two each: the period’s figures and',
    'its days) plus one for incidents, never on the SLO count. With one time zone the queries select',
    'every tile; with several, each pair of bounds names its SLOs in a regex.',
  ].join('\n');
}

withCleanup(NAME, async (defer) => {
  const week = benchWeek(Date.now());
  const rows: Measured[] = [];
  for (const size of SIZES) {
    const doc = benchRegistry(size);
    say(`${size} SLOs: backfilling the tiles of ${week.name}`);
    const prometheus = await startBenchPrometheus(tiles(doc, week.start, week.end), defer);
    const base = prometheusBase(prometheus.url);
    rows.push(await measure(doc, week.name, base, 1));
    rows.push(await measure(twoZones(doc), week.name, base, 2));
    say(
      `${size} SLOs: ${rows.at(-2)!.queries} and ${rows.at(-1)!.queries} queries, ${rows.at(-2)!.medianMs} and ${rows.at(-1)!.medianMs} ms`
    );
    await prometheus.stop();
  }
  writeResults(
    NAME,
    Object.fromEntries(rows.filter((row) => row.zones === 1).map((row) => [`report_queries_${row.slos}`, row.queries])),
    { week: week.name, runs, rows }
  );
  writeSection('## Period reports', section(week.name, rows));
});
