/**
 * The recorded series backfilled over the demo history (scripts/sandbox/recordedHistory.ts), on a
 * real Prometheus: the rules that read other recorded series — the budget left, and with Sloth's
 * series their ratios and burn rates — have values inside the backfilled range, not only from the
 * live start on, and the app's queries (windows summed from the backfilled increases) answer there.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  CURRENT_BURN_RATE,
  LABEL_ID,
  PERIOD_BUDGET_REMAINING,
  PERIOD_BURN_RATE,
  RuleFile,
  generateRuleFiles,
  mergeRuleFiles,
  sliErrorRatioName,
} from '../../src/domain/rules';
import { allowedRatioBySlo, errorRatio, readBudgetLeft } from '../../src/domain/rules/windowRatio';
import { prometheusConfig } from '../../scripts/demo/historyTsdb';
import { PrometheusServer, startPrometheusProcess } from '../../scripts/demo/prometheusProcess';
import { readDemoRegistry } from '../../scripts/demo/provisioning';
import { backfillRecordedHistory, plannedLevels } from '../../scripts/sandbox/recordedHistory';
import { prepareDemoHistory } from '../helpers/prometheus';

const HOUR = 3600;
const DAYS = 3;
const RECENT_HOURS = 12;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Value per SLO id of `query` at `time`. */
async function bySlo(url: string, query: string, time: number): Promise<Map<string, number>> {
  const params = new URLSearchParams({ query, time: String(time) });
  const body = await (await fetch(`${url}/api/v1/query?${params}`)).json();
  expect(body.status).toBe('success');
  const result = body.data.result as Array<{ metric: Record<string, string>; value: [number, string] }>;
  return new Map(result.map((series) => [series.metric[LABEL_ID], Number(series.value[1])]));
}

/** Sloth's series on or off: the default records six series per SLO, Sloth's adds shared levels. */
describe.each([
  ['by default', false],
  ["with Sloth's series", true],
])('recorded series backfilled over the demo history, %s', (_layout, sloth) => {
  let dir: string;
  let rules: RuleFile;
  let history: { start: number; end: number };
  let timings: number[];
  let server: PrometheusServer | undefined;
  const started: number[] = [];
  const registry = readDemoRegistry();
  const doc = sloth ? { ...registry, settings: { ...registry.settings, slothSeries: true } } : registry;

  beforeAll(async () => {
    const prepared = await prepareDemoHistory({ days: DAYS });
    history = prepared;
    dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-recorded-history-'));
    const tsdbDir = path.join(dir, 'data');
    cpSync(prepared.cacheDir, tsdbDir, { recursive: true, filter: (source) => path.basename(source) !== 'lock' });
    rules = mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file));
    timings = await backfillRecordedHistory({
      rules,
      tsdbDir,
      workDir: path.join(dir, 'work'),
      historyStart: prepared.start,
      historyEnd: prepared.end,
      recentSeconds: RECENT_HOURS * HOUR,
    });
    // no rule file: only what the backfill wrote is there
    const configFile = path.join(dir, 'prometheus.yml');
    writeFileSync(configFile, prometheusConfig());
    server = await startPrometheusProcess({ configFile, tsdbDir });
    started.push(server.pid);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('backfills level by level, one Prometheus and one promtool run per level', () => {
    const levels = plannedLevels({ rules, historyStart: history.start, historyEnd: history.end, recentSeconds: 0 });
    if (sloth) {
      // raw series; the budget left, Sloth's ratios and constants; Sloth's burn rates
      expect(levels.length).toBeGreaterThanOrEqual(3);
    } else {
      // raw series (event counts, slo:info, freeform ratios); the error counts, which read the event
      // counts, and a freeform SLO's budget left; the others' budget left, which reads the error counts
      expect(levels.map((level) => [...new Set(level.map(({ rule }) => rule.record))].sort())).toEqual([
        expect.arrayContaining(['slo:info', 'slo:sli_total:increase1h', 'slo:sli_total:increase5m']),
        [PERIOD_BUDGET_REMAINING, 'slo:sli_error:increase1h', 'slo:sli_error:increase5m'],
        [PERIOD_BUDGET_REMAINING],
      ]);
      expect(levels[0].map(({ rule }) => rule.record)).not.toContain('slo:sli_error:increase5m');
    }
    expect(timings).toHaveLength(levels.length);
  });

  it.each([
    ['half-way through the recent range', RECENT_HOURS / 2],
    ['an hour before its end', 1],
  ])(
    'has burn rates and budget left for every SLO with a 5m error ratio %s',
    async (_, hoursBack) => {
      const url = server!.url;
      const at = history.end - hoursBack * HOUR;
      // the app's queries: every window summed from the backfilled increases (or a freeform SLO's
      // recorded ratio), divided by the ratio the objective allows, read from slo:info
      const objectives = doc.slos.map((slo) => slo.objective);
      const ratios = await bySlo(url, `max by (${LABEL_ID}) (${errorRatio('5m')})`, at);
      expect(ratios.size).toBeGreaterThan(0);
      const slos = [...ratios.keys()].sort();
      const burn = (window: string) =>
        `max by (${LABEL_ID}) (${errorRatio(window)} / on (${LABEL_ID}) group_left () (${allowedRatioBySlo(objectives)}))`;
      const current = await bySlo(url, burn('5m'), at);
      const remaining = await bySlo(url, `min by (${LABEL_ID}) (${PERIOD_BUDGET_REMAINING})`, at);
      expect([...current.keys()].sort()).toEqual(slos);
      expect([...remaining.keys()].sort()).toEqual(slos);
      // the budget left of countable SLOs is the period's tiles summed in a query, divided by the allowed ratio
      const countable = doc.slos.filter((slo) => slo.sli.kind !== 'freeform' && slos.includes(slo.id));
      expect(countable.length).toBeGreaterThan(0);
      for (const slo of countable) {
        const period = await bySlo(url, burn(slo.window === 'calendar-month' ? '30d' : slo.window), at);
        expect({ slo: slo.id, left: remaining.get(slo.id) }).toEqual({
          slo: slo.id,
          left: expect.closeTo(1 - period.get(slo.id)!, 9),
        });
      }
      for (const slo of slos) {
        expect(Number.isFinite(current.get(slo))).toBe(true);
        expect(current.get(slo)).toBeGreaterThanOrEqual(0);
        expect(remaining.get(slo)).toBeLessThanOrEqual(1);
      }
      if (sloth) {
        // Sloth's series, backfilled level after level, for the same SLOs and with the same numbers
        const worst = (name: string) => bySlo(url, `max by (${LABEL_ID}) (${name})`, at);
        const recorded = await worst(sliErrorRatioName('5m'));
        const slothCurrent = await worst(CURRENT_BURN_RATE);
        const period = await worst(PERIOD_BURN_RATE);
        expect([...recorded.keys()].sort()).toEqual(slos);
        expect([...slothCurrent.keys()].sort()).toEqual(slos);
        expect([...period.keys()].sort()).toEqual(slos);
        for (const slo of slos) {
          expect(period.get(slo)).toBeGreaterThanOrEqual(0);
          expect(remaining.get(slo)).toBeCloseTo(1 - period.get(slo)!, 9);
          expect(slothCurrent.get(slo)).toBeCloseTo(current.get(slo)!, 9);
          expect(recorded.get(slo)).toBeCloseTo(ratios.get(slo)!, 12);
        }
      }
    },
    30_000
  );

  it('records the budget left of countable SLOs hourly, which the app still reads 40 minutes later', async () => {
    const url = server!.url;
    const hour = history.end - 2 * HOUR;
    const countable = doc.slos.filter((slo) => slo.sli.kind !== 'freeform' && slo.window !== 'calendar-month');
    const read = (time: number) => bySlo(url, `min by (${LABEL_ID}) (${readBudgetLeft()})`, time);
    const bare = await bySlo(url, `min by (${LABEL_ID}) (${PERIOD_BUDGET_REMAINING})`, hour + 40 * 60);
    const [atHour, later] = [await read(hour), await read(hour + 40 * 60)];
    const hourly = countable.map((slo) => slo.id).filter((id) => atHour.has(id));
    expect(hourly.length).toBeGreaterThan(0);
    for (const id of hourly) {
      // past Prometheus' 5-minute lookback the series itself is gone; the app's read finds the hour's value
      expect({ id, bare: bare.get(id), later: later.get(id) }).toEqual({ id, bare: undefined, later: atHour.get(id) });
    }
  });

  it('stops every Prometheus it started', async () => {
    await server?.stop();
    expect(started.filter(isRunning)).toEqual([]);
  });
});
