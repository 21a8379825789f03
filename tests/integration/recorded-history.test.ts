/**
 * The recorded series backfilled over the demo history (scripts/sandbox/recordedHistory.ts), on a
 * real Prometheus: the rules that read other recorded series — burn rates and budget left — have
 * values inside the backfilled range, not only from the live start on.
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

describe('recorded series backfilled over the demo history', () => {
  let dir: string;
  let rules: RuleFile;
  let history: { start: number; end: number };
  let timings: number[];
  let server: PrometheusServer | undefined;
  const started: number[] = [];

  beforeAll(async () => {
    const prepared = await prepareDemoHistory({ days: DAYS });
    history = prepared;
    dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-recorded-history-'));
    const tsdbDir = path.join(dir, 'data');
    cpSync(prepared.cacheDir, tsdbDir, { recursive: true, filter: (source) => path.basename(source) !== 'lock' });
    rules = mergeRuleFiles(generateRuleFiles(readDemoRegistry()).prometheus.map((entry) => entry.file));
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
    expect(levels.length).toBeGreaterThanOrEqual(4);
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
      const ratios = await bySlo(url, sliErrorRatioName('5m'), at);
      expect(ratios.size).toBeGreaterThan(0);
      const slos = [...ratios.keys()].sort();
      const current = await bySlo(url, CURRENT_BURN_RATE, at);
      const period = await bySlo(url, PERIOD_BURN_RATE, at);
      const remaining = await bySlo(url, PERIOD_BUDGET_REMAINING, at);
      expect([...current.keys()].sort()).toEqual(slos);
      expect([...period.keys()].sort()).toEqual(slos);
      expect([...remaining.keys()].sort()).toEqual(slos);
      for (const slo of slos) {
        expect(Number.isFinite(current.get(slo))).toBe(true);
        expect(period.get(slo)).toBeGreaterThanOrEqual(0);
        expect(remaining.get(slo)).toBeCloseTo(1 - period.get(slo)!, 9);
      }
    },
    30_000
  );

  it('stops every Prometheus it started', async () => {
    await server?.stop();
    expect(started.filter(isRunning)).toEqual([]);
  });
});
