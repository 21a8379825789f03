/**
 * The alert history the demo stack backfills (scripts/sandbox/alertHistory.ts): the firing periods
 * of a rule with a `for`, computed by hand, and what a real Prometheus then answers for `ALERTS`
 * and `ALERTS_FOR_STATE` over them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { prometheusConfig } from '../../scripts/demo/historyTsdb';
import { backfillOpenMetrics, PrometheusServer, startPrometheusProcess } from '../../scripts/demo/prometheusProcess';
import { alertLines, backfillAlertHistory, firingPeriods } from '../../scripts/sandbox/alertHistory';

const STEP = 300;

describe('firing periods', () => {
  test('a run of samples fires once it has lasted `for`, and a gap of more than a step ends it', () => {
    // true at 0–1500 s (6 samples), then 2400–2700 s (2 samples), then 4200 s alone
    const times = [0, 300, 600, 900, 1200, 1500, 2400, 2700, 4200];
    expect(firingPeriods(times, STEP, 600)).toEqual([
      { activeAt: 0, firingFrom: 600, end: 1500 },
      // active 2400, would fire at 3000: it ended at 2700 first
    ]);
    expect(firingPeriods(times, STEP, 0)).toEqual([
      { activeAt: 0, firingFrom: 0, end: 1500 },
      { activeAt: 2400, firingFrom: 2400, end: 2700 },
      { activeAt: 4200, firingFrom: 4200, end: 4200 },
    ]);
    // a `for` between two steps waits for the next evaluation after it
    expect(firingPeriods([0, 300, 600], STEP, 301)).toEqual([{ activeAt: 0, firingFrom: 600, end: 600 }]);
  });

  test('ALERTS is 1 and ALERTS_FOR_STATE the active time at every firing evaluation', () => {
    const { alerts, forState } = alertLines(
      [{ labels: { alertname: 'Burn', sloth_id: 'a"b' }, activeAt: 0, firingFrom: 600, end: 1200 }],
      STEP
    );
    expect(alerts).toEqual([
      'ALERTS{alertname="Burn",alertstate="firing",sloth_id="a\\"b"} 1 600',
      'ALERTS{alertname="Burn",alertstate="firing",sloth_id="a\\"b"} 1 900',
      'ALERTS{alertname="Burn",alertstate="firing",sloth_id="a\\"b"} 1 1200',
    ]);
    expect(forState).toEqual([
      'ALERTS_FOR_STATE{alertname="Burn",sloth_id="a\\"b"} 0 600',
      'ALERTS_FOR_STATE{alertname="Burn",sloth_id="a\\"b"} 0 900',
      'ALERTS_FOR_STATE{alertname="Burn",sloth_id="a\\"b"} 0 1200',
    ]);
  });
});

describe('alert history on a real Prometheus', () => {
  let dir: string;
  let server: PrometheusServer | undefined;
  // an hour boundary well before now: promtool backfills only more than 2 hours back
  const start = Math.floor((Date.now() / 1000 - 30 * 3600) / 3600) * 3600;
  const end = start + 6 * 3600;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-alert-history-'));
    const tsdbDir = path.join(dir, 'data');
    // errors_ratio: 0.2 from 1 h to 2 h 30 min, 0.01 otherwise, every 5 minutes
    const lines = ['# TYPE errors_ratio gauge'];
    for (let time = start; time <= end; time += STEP) {
      const value = time >= start + 3600 && time <= start + 9000 ? 0.2 : 0.01;
      lines.push(`errors_ratio{service="checkout"} ${value} ${time}`);
    }
    const file = path.join(dir, 'history.om');
    writeFileSync(file, [...lines, '# EOF', ''].join('\n'));
    await backfillOpenMetrics(file, tsdbDir);
    const periods = await backfillAlertHistory({
      rules: {
        groups: [
          {
            name: 'test',
            rules: [
              { record: 'unused:ratio', expr: 'errors_ratio' },
              { alert: 'HighErrors', expr: 'errors_ratio > 0.1', for: '15m', labels: { severity: 'page' } },
            ],
          },
        ],
      },
      tsdbDir,
      workDir: path.join(dir, 'work'),
      start,
      end,
    });
    expect(periods).toEqual([
      {
        labels: { alertname: 'HighErrors', service: 'checkout', severity: 'page' },
        activeAt: start + 3600,
        firingFrom: start + 3600 + 900,
        end: start + 9000,
      },
    ]);
    const configFile = path.join(dir, 'prometheus.yml');
    writeFileSync(configFile, prometheusConfig());
    server = await startPrometheusProcess({ configFile, tsdbDir });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function query(expr: string, time: number) {
    const params = new URLSearchParams({ query: expr, time: String(time) });
    const body = await (await fetch(`${server!.url}/api/v1/query?${params}`)).json();
    expect(body.status).toBe('success');
    return body.data.result as Array<{ metric: Record<string, string>; value: [number, string] }>;
  }

  test('Prometheus answers the firing alert with its labels inside the period, and nothing outside', async () => {
    const firing = await query('ALERTS', start + 7200);
    expect(firing.map((series) => series.metric)).toEqual([
      { __name__: 'ALERTS', alertname: 'HighErrors', alertstate: 'firing', service: 'checkout', severity: 'page' },
    ]);
    expect(await query('ALERTS', start + 3600 + 600)).toEqual([]);
    expect(await query('ALERTS', start + 9000 + 600)).toEqual([]);
  });

  test('ALERTS_FOR_STATE holds the time the alert became active', async () => {
    const state = await query('ALERTS_FOR_STATE', start + 7200);
    expect(state.map((series) => Number(series.value[1]))).toEqual([start + 3600]);
  });

  test('the firing minutes over the whole history are the period’s', async () => {
    const [count] = await query(`count_over_time(ALERTS[${end - start}s])`, end);
    // firing from 1 h 15 min to 2 h 30 min, every 5 minutes: 16 evaluations
    expect(Number(count.value[1])).toBe(16);
  });
});
