/**
 * The release gate against a real Prometheus: the recorded SLO series of two SLOs (one healthy,
 * one that its budget policy freezes) are backfilled with promtool, and `gate` queries them at the
 * end of the backfilled data.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { nodeIo } from '../../src/cli/nodeIo';
import { runCli } from '../../src/cli/run';
import { parseRegistryYaml } from '../../src/domain/io/native';
import {
  FREEZE_ALERT,
  INFO_OBJECTIVE,
  LABEL_ID,
  LABEL_SERVICE,
  LABEL_SLO,
  LABEL_WINDOW,
  PERIOD_BUDGET_REMAINING,
  SLI_ERROR_INCREASE_1H,
  SLI_ERROR_INCREASE_5M,
  SLI_TOTAL_INCREASE_1H,
  SLI_TOTAL_INCREASE_5M,
  SLO_INFO,
  slothSloName,
} from '../../src/domain/rules';
import { buildSloContext, indexRegistry } from '../../src/domain/rules/context';
import { freePort } from '../../scripts/demo/prometheusProcess';
import {
  BackfilledPrometheus,
  GaugeFamily,
  isRunning,
  samplesBetween,
  startBackfilledPrometheus,
  toOpenMetrics,
} from '../helpers/promBackfill';

const ROOT = path.resolve(__dirname, '../..');
const REGISTRY = path.join(__dirname, 'fixtures/cli/gate-registry.yaml');

const STEP = 60;
/** The data ends more than 2 h before now (promtool refuses the head block's range) and covers 6 h. */
const END = Math.floor(Date.now() / 1000 / STEP) * STEP - 3 * 3600;
const START = END - 6 * 3600;
const END_RFC3339 = new Date(END * 1000).toISOString().replace('.000Z', 'Z');

/** The window the budget policy measures its burn rate over, as the rule generator picks it. */
function policyWindow(sloId: string): string {
  const { doc } = parseRegistryYaml(readFileSync(REGISTRY, 'utf8'), REGISTRY);
  const slo = doc!.slos.find((candidate) => candidate.id === sloId)!;
  return buildSloContext(slo, indexRegistry(doc!)).policyWindow;
}

/** A value that moves linearly over the data and is exactly `last` at the end. */
const ramp = (first: number, last: number) => (t: number) => last + ((first - last) * (END - t)) / (END - START);
const constant = (value: number) => () => value;

function slo(id: string, extra: Record<string, string> = {}) {
  return { [LABEL_ID]: id, [LABEL_SERVICE]: 'shop', [LABEL_SLO]: slothSloName(id, 'shop'), ...extra };
}

function gauge(
  name: string,
  series: Array<[Record<string, string>, (t: number) => number, number?]>,
  step = STEP
): GaugeFamily {
  return {
    name,
    series: series.map(([labels, value, from]) => ({
      labels,
      samples: samplesBetween(from ?? START, END, step, value),
    })),
  };
}

/** Errors and events of both SLOs, recorded every `step` over `window` (`5m` increases or `1h` tiles). */
function increases(window: '5m' | '1h', step: number, errors: [number, number]): GaugeFamily[] {
  const [errorName, totalName] =
    window === '1h' ? [SLI_ERROR_INCREASE_1H, SLI_TOTAL_INCREASE_1H] : [SLI_ERROR_INCREASE_5M, SLI_TOTAL_INCREASE_5M];
  const labels = (id: string) => slo(id, { [LABEL_WINDOW]: window });
  return [
    gauge(
      errorName,
      [
        [labels('shop-availability'), constant(errors[0])],
        [labels('shop-latency'), constant(errors[1])],
      ],
      step
    ),
    gauge(
      totalName,
      [
        [labels('shop-availability'), constant(10_000)],
        [labels('shop-latency'), constant(10_000)],
      ],
      step
    ),
  ];
}

function recordedSeries(): string {
  const window = policyWindow('shop-latency');
  expect(policyWindow('shop-availability')).toBe(window);
  expect(window).toBe('3d');
  return toOpenMetrics([
    // shop-availability is healthy: 80% of the budget left, burning at 0.5x over the policy window.
    // shop-latency has 10% left and burns at 3.5x: both thresholds of its policy freeze releases.
    gauge(PERIOD_BUDGET_REMAINING, [
      [slo('shop-availability'), ramp(0.85, 0.8)],
      [slo('shop-latency'), ramp(0.4, 0.1)],
    ]),
    gauge(SLO_INFO, [
      [slo('shop-availability', { [INFO_OBJECTIVE]: '99.9' }), constant(1)],
      [slo('shop-latency', { [INFO_OBJECTIVE]: '99' }), constant(1)],
    ]),
    // The policy window (3d) sums hourly tiles: 5 and 350 errors in 10,000 events, 0.5x and 3.5x.
    ...increases('1h', 3600, [5, 350]),
    // The current burn rate (without the registry) reads the 5-minute increases: 0.4x and 3.5x.
    ...increases('5m', STEP, [4, 350]),
    // What Prometheus records while the freeze alert of shop-latency fires (its last 3 hours).
    gauge('ALERTS', [
      [{ ...slo('shop-latency'), alertname: FREEZE_ALERT, alertstate: 'firing' }, constant(1), END - 3 * 3600],
    ]),
  ]);
}

async function gate(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = nodeIo({ stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), env: {} });
  const code = await runCli(['gate', '--prometheus', prometheus.url, ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let prometheus: BackfilledPrometheus;

beforeAll(async () => {
  prometheus = await startBackfilledPrometheus(recordedSeries());
}, 60_000);

afterAll(async () => {
  if (prometheus) {
    await prometheus.stop();
    expect(isRunning(prometheus.pid)).toBe(false);
  }
});

describe('gate against a real Prometheus', () => {
  it('freezes the shop, naming the SLO and the thresholds it breaks', async () => {
    const { code, stdout, stderr } = await gate(['--service', 'shop', '--registry', REGISTRY, '--time', END_RFC3339]);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        `Release gate for service shop at ${END_RFC3339}`,
        '  shop-availability (objective 99.9%): allowed',
        '    - budget left 80% (freezes below 25%)',
        `    - burn rate 0.5x over ${policyWindow('shop-availability')} (freezes above 2x)`,
        '  shop-latency (objective 99%): FROZEN',
        '    - budget left 10% is below the 25% freeze threshold',
        `    - burn rate 3.5x over ${policyWindow('shop-latency')} is above the 2x freeze threshold`,
        'Releases of shop are FROZEN by the error-budget policy of shop-latency.',
        '',
      ].join('\n')
    );
    expect(code).toBe(1);
  });

  it('lets the healthy SLO through on its own (time as unix seconds)', async () => {
    const { code, stdout } = await gate([
      '--service',
      'shop',
      '--slo',
      'shop-availability',
      '--registry',
      REGISTRY,
      '--time',
      String(END),
    ]);
    expect(stdout).toMatch(/Releases of shop may proceed: 1 SLO within the error-budget policy\.\n$/);
    expect(code).toBe(0);
  });

  it('follows the release-freeze alert without the registry', async () => {
    const { code, stdout } = await gate(['--service', 'shop', '--time', END_RFC3339]);
    expect(stdout).toContain(
      '  shop-latency (objective 99%): FROZEN\n    - budget left 10%\n    - burn rate 3.5x over 5m\n    - the release-freeze alert is firing\n'
    );
    expect(stdout).toContain('  shop-availability (objective 99.9%): allowed\n');
    expect(code).toBe(1);

    // Four hours before the end the alert had not fired yet.
    const earlier = await gate(['--service', 'shop', '--time', String(END - 4 * 3600)]);
    expect(earlier.stdout).toContain('the release-freeze alert is not firing');
    expect(earlier.code).toBe(0);
  });

  it('exits 2 and names the missing series after the data ends', async () => {
    const later = END + 3600;
    const { code, stdout, stderr } = await gate(['--service', 'shop', '--registry', REGISTRY, '--time', String(later)]);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `slo:period_error_budget_remaining:ratio{sloth_id="shop-latency"}: no samples at ${new Date(later * 1000).toISOString().replace('.000Z', 'Z')}`
    );
    expect(stderr).toContain('Load the rules generated by `rules`');
    expect(code).toBe(2);
  });

  it('exits 2 for a service without recorded data', async () => {
    const { code, stderr } = await gate(['--service', 'quiet', '--registry', REGISTRY, '--time', END_RFC3339]);
    expect(stderr).toContain('slo:period_error_budget_remaining:ratio{sloth_id="quiet-availability"}: no samples');
    expect(code).toBe(2);
  });

  it('exits 2 when Prometheus is unreachable', async () => {
    const port = await freePort();
    const out: string[] = [];
    const err: string[] = [];
    const io = nodeIo({ stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), env: {} });
    const code = await runCli(['gate', '--prometheus', `http://127.0.0.1:${port}`, '--service', 'shop'], io);
    expect(err.join('')).toMatch(
      new RegExp(`^bizowner gate: cannot reach Prometheus at http://127\\.0\\.0\\.1:${port}/: .*ECONNREFUSED`)
    );
    expect(out).toEqual([]);
    expect(code).toBe(2);
  });

  it('gives a CI pipeline exit code 1 from the real command line', async () => {
    const run = promisify(execFile);
    const args = [
      'run',
      '-s',
      'cli',
      '--',
      'gate',
      '--prometheus',
      prometheus.url,
      '--service',
      'shop',
      '--registry',
      REGISTRY,
      '--time',
      END_RFC3339,
    ];
    const error = await run('npm', args, { cwd: ROOT }).then(
      () => undefined,
      (failure: { code?: number; stdout?: string; stderr?: string }) => failure
    );
    expect(error?.code).toBe(1);
    expect(error?.stdout).toContain('Releases of shop are FROZEN by the error-budget policy of shop-latency.');
    expect(error?.stderr).toBe('');
  });
});
