import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testIds } from '../../src/components/testIds';
import { budgetLeft } from '../../src/domain/rules/windowRatio';
import { serviceUrl, sloEditUrl } from '../../src/routing';
import { expect, test } from './host';

/** The freeze threshold the owner sets: every SLO that spent more than a tenth of its budget freezes. */
const THRESHOLD = 90;

const ROOT = resolve(__dirname, '..', '..');

/**
 * The Prometheus the host's data source reads: the sandbox's demo stack sets `PROMETHEUS_URL`; the
 * compose stack publishes its Prometheus on port 9090.
 */
const PROMETHEUS = process.env.PROMETHEUS_URL ?? 'http://localhost:9090';

/** The command line's `gate` against the Prometheus the host's data source reads, as a pipeline runs it. */
function gate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'npx',
      ['tsx', 'src/cli/main.ts', 'gate', '--prometheus', PROMETHEUS, ...args],
      { cwd: ROOT },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr })
    );
  });
}

test('an SLO over its budget policy puts its service in freeze with the reason, and the gate refuses with the same', async ({
  host,
  page,
}) => {
  const watcher = host.watch(page);
  const registry = await host.registry();
  // The SLO with a policy that has spent the most of its budget, with more than a tenth spent.
  const left = await host.queryPrometheus(budgetLeft());
  const candidates = registry.slos
    .filter((slo) => slo.budgetPolicy?.enabled)
    .map((slo) => ({ slo, left: left.find((sample) => sample.labels.sloth_id === slo.id)?.value }))
    .filter((entry): entry is { slo: (typeof registry.slos)[number]; left: number } => entry.left !== undefined)
    .sort((a, b) => a.left - b.left);
  expect(candidates.length, 'no SLO with a budget policy has a recorded budget left').toBeGreaterThan(0);
  const { slo, left: budget } = candidates[0];
  expect(budget, `${slo.id} has spent less than a tenth of its budget`).toBeLessThan(THRESHOLD / 100);

  // The owner tightens the policy: freeze below 90 % budget left.
  const revision = await host.revision();
  await page.goto(sloEditUrl(slo.id));
  await expect(page.getByTestId(testIds.sloEditor.form)).toBeVisible();
  const threshold = page.locator('#slo-policy-budget-left');
  await threshold.fill(String(THRESHOLD));
  await page.getByTestId(testIds.sloEditor.save).click();
  await expect.poll(() => host.revision(), { timeout: 15_000 }).toBeGreaterThan(revision);
  const saved = await host.registry();
  expect(saved.slos.find((item) => item.id === slo.id)?.budgetPolicy?.freezeBudgetLeftPercent).toBe(THRESHOLD);

  // The service page shows the freeze and, for the SLO, the breached threshold.
  await page.goto(serviceUrl(slo.serviceId));
  const policy = page.getByTestId(testIds.budgetPolicy.panel);
  await expect(policy).toContainText('Freeze', { timeout: 20_000 });
  const line = policy.getByTestId(testIds.budgetPolicy.slo).filter({ hasText: slo.id });
  await expect(line).toContainText(`is below the ${THRESHOLD}% freeze threshold`);
  const shown = (await line.innerText()).replace(/\s+/g, ' ');
  const breach = /budget left (-?[\d.]+%) is below the \d+% freeze threshold/.exec(shown);
  expect(breach, `no breach in "${shown}"`).not.toBeNull();
  await host.screenshot(page, 'policy-freeze');

  // The release gate, with the same registry, refuses the release and names the same breach.
  const dir = mkdtempSync(join(tmpdir(), 'bizowner-policy-journey-'));
  try {
    const file = join(dir, 'registry.yaml');
    // JSON is YAML: the stored registry as `--registry` reads it.
    writeFileSync(file, JSON.stringify(saved));
    const result = await gate(['--service', slo.serviceId, '--slo', slo.id, '--registry', file]);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain(`${slo.id}`);
    // Budget left moves by a few events between the page's read and the gate's: the breach is the
    // same sentence, its value within a tenth of a point of the page's.
    const gateBreach = /budget left (-?[\d.]+%) is below the (\d+)% freeze threshold/.exec(result.stdout);
    expect(gateBreach, result.stdout).not.toBeNull();
    expect(gateBreach![2]).toBe(String(THRESHOLD));
    expect(Math.abs(parseFloat(gateBreach![1]) - parseFloat(breach![1]))).toBeLessThanOrEqual(0.1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await watcher.assertClean();
});
