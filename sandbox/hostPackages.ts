/**
 * Which Grafana the sandbox host stands in for. `SANDBOX_GRAFANA` unset (or `12`): the host is
 * bundled from the project's own node_modules, the @grafana packages the plugin is built against.
 * `SANDBOX_GRAFANA=13`: from the packages pinned in sandbox/hosts/grafana13/package.json (Grafana
 * 13's @grafana packages and the React it runs on), installed into `.sandbox/grafana13` from the
 * configured npm registry. The plugin's `dist/` is the same build either way: Grafana hands a
 * plugin its own copies of React and @grafana/{data,ui,runtime}, so the same module.js meets
 * another version of them.
 *
 * `tsx sandbox/hostPackages.ts` installs the Grafana 13 host's packages (CI runs it after `npm ci`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export interface SandboxHost {
  /** The Grafana major the host stands in for. */
  grafana: 12 | 13;
  /** The @grafana/runtime version the host is built from, reported as Grafana's build version. */
  version: string;
  /** The node_modules the host's shared packages are resolved from; unset: the project's own. */
  modulesDir?: string;
  /** Where the host bundle is written (served under /public/build/). */
  buildDir: string;
}

/** The Grafana 13 host's pinned packages. */
export function grafana13Manifest(root: string): { dependencies: Record<string, string> } {
  return JSON.parse(readFileSync(join(root, 'sandbox', 'hosts', 'grafana13', 'package.json'), 'utf8'));
}

function installedVersion(modulesDir: string, name: string): string {
  return JSON.parse(readFileSync(join(modulesDir, name, 'package.json'), 'utf8')).version;
}

/** The version of `name` the host is built from (once its packages are installed). */
export function hostPackageVersion(root: string, host: SandboxHost, name: string): string {
  return installedVersion(host.modulesDir ?? join(root, 'node_modules'), name);
}

/** The host `SANDBOX_GRAFANA` selects (12 when unset). */
export function sandboxHost(root: string, value = process.env.SANDBOX_GRAFANA): SandboxHost {
  const major = value === undefined || value === '' ? 12 : Number(value);
  if (major === 12) {
    return {
      grafana: 12,
      version: installedVersion(join(root, 'node_modules'), '@grafana/runtime'),
      buildDir: join(root, '.sandbox', 'build'),
    };
  }
  if (major === 13) {
    const dir = join(root, '.sandbox', 'grafana13');
    return {
      grafana: 13,
      version: grafana13Manifest(root).dependencies['@grafana/runtime'],
      modulesDir: join(dir, 'node_modules'),
      buildDir: join(dir, 'build'),
    };
  }
  throw new Error(`SANDBOX_GRAFANA must be 12 or 13, not "${value}"`);
}

/**
 * Installs the Grafana 13 host's packages into `.sandbox/grafana13` unless the installed set
 * already matches the manifest. `--legacy-peer-deps`: @grafana/ui 13.2 depends on react-table 7,
 * whose peer range stops at React 18, while Grafana 13.2 runs (and ships it on) React 19.
 */
export async function installGrafana13Host(root: string, log: (line: string) => void = () => {}): Promise<void> {
  const dir = join(root, '.sandbox', 'grafana13');
  const manifest = readFileSync(join(root, 'sandbox', 'hosts', 'grafana13', 'package.json'), 'utf8');
  const stamp = join(dir, 'node_modules', '.sandbox-manifest.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === manifest) {
    return;
  }
  log('sandbox: installing the Grafana 13 host packages into .sandbox/grafana13');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), manifest);
  await promisify(execFile)(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--prefix', dir],
    { cwd: dir, maxBuffer: 16 * 1024 * 1024 }
  );
  writeFileSync(stamp, manifest);
}

/** Makes sure the selected host's packages are there (only the Grafana 13 host installs any). */
export async function prepareSandboxHost(root: string, host: SandboxHost): Promise<void> {
  if (host.grafana === 13) {
    await installGrafana13Host(root, (line) => process.stdout.write(`${line}\n`));
  }
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  installGrafana13Host(root, (line) => process.stdout.write(`${line}\n`))
    .then(() => {
      const host = sandboxHost(root, '13');
      process.stdout.write(`sandbox: Grafana 13 host packages ready (@grafana/runtime ${host.version})\n`);
    })
    .catch((error: Error) => {
      process.stderr.write(`sandbox: ${error.message}\n`);
      process.exit(2);
    });
}
