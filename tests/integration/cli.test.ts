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
        'registry.shared.rules.yaml',
      ]);
      // The Loki file holds LogQL, which promtool does not parse; the Prometheus files must pass.
      const check = await run('promtool', [
        'check',
        'rules',
        path.join(out, 'checkout.rules.yaml'),
        path.join(out, 'payments.rules.yaml'),
        path.join(out, 'registry.shared.rules.yaml'),
      ]);
      expect(check.code).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
