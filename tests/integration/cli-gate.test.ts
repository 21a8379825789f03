/**
 * The release gate against a real Prometheus: the recorded SLO series of two SLOs (one healthy,
 * one that its budget policy freezes) are backfilled with promtool, and `gate` queries them at the
 * end of the backfilled data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { nodeIo } from '../../src/cli/nodeIo';
import { runCli } from '../../src/cli/run';
import { parseRegistryYaml, stringifyRegistryYaml } from '../../src/domain/io/native';
import { formatInstant } from '../../src/domain/policy/exceptions';
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
const POLICY_FIXTURE = path.join(__dirname, 'fixtures/cli/gate-policy-registry.yaml');

const STEP = 60;
/** The data ends more than 2 h before now (promtool refuses the head block's range) and covers 6 h. */
const END = Math.floor(Date.now() / 1000 / STEP) * STEP - 3 * 3600;
const START = END - 6 * 3600;
const END_RFC3339 = new Date(END * 1000).toISOString().replace('.000Z', 'Z');
/** mend's budget is under its 25% freeze threshold until then, and under its 35% recovery threshold after. */
const MEND_FROZEN_UNTIL = END - 3 * 3600 - 30 * 60;
/** relay's exception (a dependency's incident) waives its freeze from the start of the data until an hour before its end. */
const RELAY_EXCEPTION_ENDS = END - 3600;

/** The window the budget policy measures its burn rate over, as the rule generator picks it. */
function policyWindow(sloId: string): string {
  const { doc } = parseRegistryYaml(readFileSync(REGISTRY, 'utf8'), REGISTRY);
  const slo = doc!.slos.find((candidate) => candidate.id === sloId)!;
  return buildSloContext(slo, indexRegistry(doc!)).policyWindow;
}

/** A value that moves linearly over the data and is exactly `last` at the end. */
const ramp = (first: number, last: number) => (t: number) => last + ((first - last) * (END - t)) / (END - START);
const constant = (value: number) => () => value;

function slo(id: string, extra: Record<string, string> = {}, service = 'shop') {
  return { [LABEL_ID]: id, [LABEL_SERVICE]: service, [LABEL_SLO]: slothSloName(id, service), ...extra };
}

/** The SLOs of the policy-state cases, each the only SLO of its service. */
const policySlo = (service: 'mend' | 'relay', extra: Record<string, string> = {}) =>
  slo(`${service}-availability`, extra, service);

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

/**
 * Errors and events of both shop SLOs, recorded every `step` over `window` (`5m` increases or `1h`
 * tiles), and of mend and relay: 5 errors in 10,000 events (0.5x).
 */
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
        [policySlo('mend', { [LABEL_WINDOW]: window }), constant(5)],
        [policySlo('relay', { [LABEL_WINDOW]: window }), constant(5)],
      ],
      step
    ),
    gauge(
      totalName,
      [
        [labels('shop-availability'), constant(10_000)],
        [labels('shop-latency'), constant(10_000)],
        [policySlo('mend', { [LABEL_WINDOW]: window }), constant(10_000)],
        [policySlo('relay', { [LABEL_WINDOW]: window }), constant(10_000)],
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
    // mend froze (20% left) and came back above its freeze threshold, not its recovery one (30%);
    // relay has 5% left, which its exception waives for a while.
    gauge(PERIOD_BUDGET_REMAINING, [
      [slo('shop-availability'), ramp(0.85, 0.8)],
      [slo('shop-latency'), ramp(0.4, 0.1)],
      [policySlo('mend'), (t) => (t < MEND_FROZEN_UNTIL ? 0.2 : 0.3)],
      [policySlo('relay'), constant(0.05)],
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

/** The policy fixture with relay's exception moved into the backfilled hours, written to a temporary file. */
function policyRegistry(): string {
  const { doc } = parseRegistryYaml(readFileSync(POLICY_FIXTURE, 'utf8'), POLICY_FIXTURE);
  const relay = doc!.services.find((service) => service.id === 'relay')!;
  const [exception] = relay.budgetPolicy!.exceptions!;
  Object.assign(exception, { from: formatInstant(START * 1000), to: formatInstant(RELAY_EXCEPTION_ENDS * 1000) });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bizowner-gate-')), 'gate-policy-registry.yaml');
  writeFileSync(file, stringifyRegistryYaml(doc!));
  return file;
}

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
    // past the 2 hours the budget left is read over (it is recorded hourly)
    const later = END + 3 * 3600;
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

  it('allows releases in reliability work, from when the freeze condition last held at an hourly step', async () => {
    const registry = policyRegistry();
    // the look-back evaluates the freeze condition every hour on the hour: the last one before mend recovered
    const lastFrozen = Math.ceil(MEND_FROZEN_UNTIL / 3600) * 3600 - 3600;
    const { code, stdout, stderr } = await gate(['--service', 'mend', '--registry', registry, '--time', END_RFC3339]);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        `Release gate for service mend at ${END_RFC3339}`,
        '  mend-availability (objective 99.9%): allowed (reliability work)',
        '    - budget left 30% (freezes below 25%)',
        '    - burn rate 0.5x over 3d (freezes above 2x)',
        `    - last frozen at ${formatInstant(lastFrozen * 1000)}, within the 30d period`,
        '    - not recovered: budget left 30% is below the 35% recovery threshold',
        'Releases of mend may proceed: 1 SLO within the error-budget policy; in reliability work until mend-availability recovers.',
        '',
      ].join('\n')
    );
    expect(code).toBe(0);

    const before = await gate(['--service', 'mend', '--registry', registry, '--time', String(MEND_FROZEN_UNTIL - 60)]);
    expect(before.stdout).toContain('  mend-availability (objective 99.9%): FROZEN\n');
    expect(before.code).toBe(1);
  });

  it('allows releases while an exception waives the freeze, and freezes once it has ended', async () => {
    const registry = policyRegistry();
    const during = await gate(['--service', 'relay', '--registry', registry, '--time', String(END - 2 * 3600)]);
    expect(during.stdout).toContain(
      [
        '  relay-availability (objective 99.9%): allowed (freeze waived)',
        '    - budget left 5% is below the 25% freeze threshold',
        '    - burn rate 0.5x over 3d (freezes above 2x)',
        `    - freeze waived until ${formatInstant(RELAY_EXCEPTION_ENDS * 1000)} — dependency incident: Payments provider outage INC-12`,
        `Releases of relay may proceed: the freeze of relay-availability is waived until ${formatInstant(RELAY_EXCEPTION_ENDS * 1000)} — ` +
          'dependency incident: Payments provider outage INC-12 (policy signed off by ana on 2026-11-02).',
        '',
      ].join('\n')
    );
    expect(during.code).toBe(0);

    const after = await gate(['--service', 'relay', '--registry', registry, '--time', END_RFC3339]);
    expect(after.stdout).toContain(
      'Releases of relay are FROZEN by the error-budget policy of relay-availability (policy signed off by ana on 2026-11-02).\n'
    );
    expect(after.code).toBe(1);
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
