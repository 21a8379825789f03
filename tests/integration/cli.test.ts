/**
 * The command line as users run it: `npm run -s cli -- ...` in a child process, checking exit
 * codes and output, and the generated rules checked by the real promtool.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { assertPrometheusInstalled } from '../helpers/promBackfill';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = 'tests/integration/fixtures/cli';
const execFileAsync = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program and resolves with its exit code and output, whatever the code. */
async function run(program: string, args: string[]): Promise<Outcome> {
  return execFileAsync(program, args, { cwd: ROOT, maxBuffer: 16 << 20 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failure: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof failure.code === 'number' ? failure.code : -1,
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? '',
    })
  );
}

const cli = (...args: string[]) => run('npm', ['run', '-s', 'cli', '--', ...args]);

/** Sloth's published raw-SLI example, kept beside the importer's unit tests. */
const SLOTH_RAW = 'src/domain/io/__fixtures__/sloth/raw-home-wifi.yml';

/** Runs `fn` with a fresh temporary directory, removed afterwards. */
async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-cli-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm run -s cli', () => {
  it('validates a registry: exit 0 and the summary', async () => {
    const result = await cli('validate', `${FIXTURES}/valid.yaml`);
    expect(result).toEqual({ code: 0, stdout: '2 services, 3 people, 3 SLOs: valid\n', stderr: '' });
  });

  it('refuses an invalid registry: exit 1 and file:line: path: message on stderr', async () => {
    const file = `${FIXTURES}/invalid.yaml`;
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}:18: slos[0].objective: objective must be a percentage`);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(`${file}: 4 errors: invalid`);
  });

  it('exits 2 for a missing file and for an unknown command', async () => {
    const missing = await cli('validate', `${FIXTURES}/missing.yaml`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`bizowner validate: cannot read ${FIXTURES}/missing.yaml: no such file or directory\n`);
    const unknown = await cli('lint');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "lint"');
  });

  it('prints rules that promtool accepts', async () => {
    assertPrometheusInstalled();
    const rules = await cli('rules', `${FIXTURES}/valid.yaml`);
    expect(rules.code).toBe(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bizowner-cli-rules-'));
    try {
      const file = path.join(dir, 'all.rules.yaml');
      writeFileSync(file, rules.stdout);
      const check = await run('promtool', ['check', 'rules', file]);
      expect(check.stdout + check.stderr).toMatch(/SUCCESS: \d+ rules found/);
      expect(check.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes per-service rule files that promtool accepts', async () => {
    assertPrometheusInstalled();
    const out = mkdtempSync(path.join(os.tmpdir(), 'bizowner-cli-rules-'));
    try {
      const result = await cli('rules', `${FIXTURES}/valid.yaml`, '--out', out);
      expect(result.code).toBe(0);
      expect(readdirSync(out).sort()).toEqual([
        'checkout.rules.yaml',
        'payments.loki.rules.yaml',
        'payments.rules.yaml',
        'registry.alerts.rules.yaml',
      ]);
      // The Loki file holds LogQL, which promtool does not parse; the Prometheus files must pass.
      const check = await run('promtool', [
        'check',
        'rules',
        path.join(out, 'checkout.rules.yaml'),
        path.join(out, 'payments.rules.yaml'),
        path.join(out, 'registry.alerts.rules.yaml'),
      ]);
      expect(check.code).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('imports a Sloth raw SLI as a freeform SLI, end to end: the rules keep its alert name and promtool accepts them', async () => {
    assertPrometheusInstalled();
    await inTempDir(async (dir) => {
      const imported = await cli('import', '--from', 'sloth', SLOTH_RAW);
      expect(imported.stderr).toBe(`imported 1 service, 0 people, 1 SLO from 1 file\n`);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('kind: freeform');
      const registry = path.join(dir, 'registry.yaml');
      writeFileSync(registry, imported.stdout);
      const validated = await cli('validate', registry);
      expect(validated).toMatchObject({ code: 0, stdout: '1 service, 0 people, 1 SLO: valid\n' });
      const rules = await cli('rules', registry);
      expect(rules.code).toBe(0);
      expect(rules.stdout).toContain('unifipoller_client_satisfaction_ratio[');
      expect(rules.stdout).toContain('alert: WifiClientSatisfaction');
      const file = path.join(dir, 'home-wifi.rules.yaml');
      writeFileSync(file, rules.stdout);
      const check = await run('promtool', ['check', 'rules', file]);
      expect(check.stdout + check.stderr).toMatch(/SUCCESS: \d+ rules found/);
    });
  });

  it('imports several files and several documents as one registry; problems name the file and document', async () => {
    const result = await cli(
      'import',
      '--from',
      'sloth',
      `${FIXTURES}/sloth-shop.yaml`,
      `${FIXTURES}/sloth-two-documents.yaml`
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/id: shop-availability[\s\S]*id: cart-requests[\s\S]*id: basket-requests/);
    expect(result.stderr).toContain(
      `warning: ${FIXTURES}/sloth-two-documents.yaml:20: slos[0].window: not mapped: slos[0].window has no place in the registry and is left out (document 2)\n`
    );
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('imported 3 services, 0 people, 3 SLOs from 2 files');
  });

  it('--report lists each source field; --strict refuses any drop with exit 1 and prints nothing on stdout', async () => {
    const file = `${FIXTURES}/sloth-two-documents.yaml`;
    const reported = await cli('import', '--from', 'sloth', '--report', file);
    expect(reported.code).toBe(0);
    expect(reported.stderr).toContain('migration report: ');
    expect(reported.stderr).toContain(
      `  mapped: ${file}:9: slos[0].objective → slos[cart-requests].objective (document 1)\n`
    );
    expect(reported.stderr).toContain(`  mapped: ${file}:6: labels.owner → services[cart].onCall.team (document 1)\n`);
    expect(reported.stderr).toContain(
      `  label: ${file}:6: labels.owner → slos[cart-requests].labels.owner (document 1)\n`
    );
    expect(reported.stderr).toContain(`  dropped: ${file}:20: slos[0].window: `);

    const strict = await cli('import', '--from', 'sloth', '--strict', file);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr.trimEnd().split('\n').at(-1)).toBe('1 file not imported (--strict): 1 error, 1 warning');

    const clean = await cli('import', '--from', 'sloth', '--strict', `${FIXTURES}/sloth-shop.yaml`);
    expect(clean.code).toBe(0);
  });

  it('export says on stderr what OpenSLO cannot hold; --strict refuses it', async () => {
    const exported = await cli('export', '--to', 'openslo', `${FIXTURES}/valid.yaml`);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(
      '  dropped: slos[checkout-availability].budgetPolicy: OpenSLO has no error-budget policy\n'
    );
    const strict = await cli('export', '--to', 'openslo', '--strict', `${FIXTURES}/valid.yaml`);
    expect(strict).toMatchObject({ code: 1, stdout: '' });
  });
});
