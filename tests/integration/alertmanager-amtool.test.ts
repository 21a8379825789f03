/**
 * The Alertmanager configuration generated for the demo registry, read by the real amtool (Debian's
 * prometheus-alertmanager, /usr/bin/amtool): `amtool check-config` accepts it, and `amtool config
 * routes test`, given the labels the generated rules put on their alerts, routes a page alert to the
 * on-call team and a release-freeze alert to the business owner. A missing amtool fails the tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildEscalationPlan, renderAlertmanagerConfig } from '../../src/domain/escalation';
import { FREEZE_ALERT, generateRuleFiles, isAlertingRule } from '../../src/domain/rules';
import { readDemoRegistry } from '../../scripts/demo/provisioning';

const doc = readDemoRegistry();
// each SLO's own alerting rules name every label its alerts fire with; the registry-wide rules
// raise the same alerts (tests/integration/shared-alerts-promtool.test.ts)
const alerts = generateRuleFiles(doc, { shareAlerts: false })
  .prometheus.flatMap((entry) => entry.file.groups)
  .flatMap((group) => group.rules)
  .filter(isAlertingRule);

let dir: string;
let config: string;

/** Runs amtool; `stdout` alone is the receiver a routing test found (stderr carries its warnings). */
function amtool(args: string[]): { status: number | null; stdout: string; output: string } {
  const result = spawnSync('amtool', args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (result.error) {
    throw result.error;
  }
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

/** The labels an alert of the demo rules fires with: its own, then `alertname`, as `name=value`. */
function labelsOf(sloId: string, pick: (labels: Record<string, string>, name: string) => boolean): string[] {
  const rule = alerts.find((alert) => alert.labels?.sloth_id === sloId && pick(alert.labels, alert.alert));
  if (!rule) {
    throw new Error(`the demo rules have no such alert for ${sloId}`);
  }
  return [...Object.entries(rule.labels ?? {}).map(([name, value]) => `${name}=${value}`), `alertname=${rule.alert}`];
}

/** Routes `labels` through the config; amtool exits non-zero when the receiver is not `receiver`. */
function routesTo(labels: string[], receiver: string) {
  return amtool(['config', 'routes', 'test', `--config.file=${config}`, `--verify.receivers=${receiver}`, ...labels]);
}

beforeAll(() => {
  try {
    execFileSync('amtool', ['--version'], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(
      `amtool is required for these tests (apt-get install -y --no-install-recommends prometheus-alertmanager): ${String(error)}`
    );
  }
  dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-amtool-'));
  config = path.join(dir, 'alertmanager.yaml');
  writeFileSync(config, renderAlertmanagerConfig(buildEscalationPlan(doc)));
});

afterAll(() => {
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('amtool check-config accepts the configuration of the demo registry', () => {
  const result = amtool(['check-config', config]);
  expect(result.output).toContain('SUCCESS');
  expect(result.output).toContain('- 10 receivers');
  expect(result.output).toContain('- 1 inhibit rules');
  expect(result.status).toBe(0);
});

test('a page alert of checkout goes to its on-call team', () => {
  const labels = labelsOf('checkout-availability', (l) => l.burn_tier === 'page-fast');
  // The demo's page labels set severity=critical: routing reads sloth_severity, which stays page.
  expect(labels).toEqual(
    expect.arrayContaining(['severity=critical', 'sloth_severity=page', 'sloth_service=checkout'])
  );
  const result = routesTo(labels, 'slo-page-checkout-oncall');
  expect(result.stdout.trim()).toBe('slo-page-checkout-oncall');
  expect(result.status).toBe(0);
});

test('the release-freeze alert of checkout goes to its business owner', () => {
  const labels = labelsOf('checkout-availability', (_l, name) => name === FREEZE_ALERT);
  expect(labels).toContain('escalate=business-owner');
  const result = routesTo(labels, 'slo-owner-ana');
  expect(result.stdout.trim()).toBe('slo-owner-ana');
  expect(result.status).toBe(0);
});

test.each([
  ['checkout-availability', 'ticket-slow', 'slo-ticket-checkout-oncall'],
  ['payments-availability', 'page-slow', 'slo-page-payments-oncall'],
  ['catalog-availability', 'page-fast', 'slo-page-discovery-oncall'],
  ['search-latency', 'ticket-fast', 'slo-ticket-discovery-oncall'],
])('%s %s goes to %s', (sloId, tier, receiver) => {
  const result = routesTo(
    labelsOf(sloId, (l) => l.burn_tier === tier),
    receiver
  );
  expect(result.stdout.trim()).toBe(receiver);
  expect(result.status).toBe(0);
});

test('the routing test can fail: a page alert is not the owner’s', () => {
  const result = routesTo(
    labelsOf('checkout-availability', (l) => l.burn_tier === 'page-fast'),
    'slo-owner-ana'
  );
  expect(result.status).not.toBe(0);
});

test('the check can fail: a route naming an unknown receiver is refused', () => {
  const broken = path.join(dir, 'broken.yaml');
  writeFileSync(
    broken,
    renderAlertmanagerConfig(buildEscalationPlan(doc)).replace('receiver: slo-page-checkout-oncall', 'receiver: nobody')
  );
  const result = amtool(['check-config', broken]);
  expect(result.status).not.toBe(0);
  expect(result.output).toContain('nobody');
});
