/**
 * Published package versions for the compatibility check, fetched with `npm pack` (so from the
 * registry npm is configured with, through npm's own cache) and unpacked under
 * node_modules/.cache/grafana-compat/<set>/node_modules/<name>. Packages of one set sit side by
 * side, so that the types of one (@grafana/ui) resolve those of the others (@grafana/data) at the
 * same version rather than the project's.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function cacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'grafana-compat');
}

/** Where `name@version` is unpacked within the download set `set`. */
export function packageDir(root: string, set: string, name: string): string {
  return join(cacheDir(root), set, 'node_modules', name);
}

/** The type definitions a package declares (`types`/`typings`, else `index.d.ts`). */
export function typesEntry(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { types?: string; typings?: string };
  return join(dir, manifest.types ?? manifest.typings ?? 'index.d.ts');
}

/** Downloads and unpacks every `name@version` of `set` that is not unpacked yet. */
export async function ensurePackages(root: string, set: string, specs: Array<{ name: string; version: string }>) {
  const missing = specs.filter(({ name }) => !existsSync(join(packageDir(root, set, name), 'package.json')));
  if (missing.length === 0) {
    return;
  }
  mkdirSync(cacheDir(root), { recursive: true });
  const downloads = mkdtempSync(join(cacheDir(root), 'download-'));
  try {
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--pack-destination', downloads, ...missing.map(({ name, version }) => `${name}@${version}`)],
      { cwd: downloads, maxBuffer: 64 * 1024 * 1024 }
    );
    const packed = JSON.parse(stdout) as Array<{ name: string; version: string; filename: string }>;
    for (const { name, version } of missing) {
      const tarball = packed.find((entry) => entry.name === name && entry.version === version);
      if (!tarball) {
        throw new Error(`npm pack did not return ${name}@${version}`);
      }
      const dir = packageDir(root, set, name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      await run('tar', ['-xzf', join(downloads, tarball.filename), '-C', dir, '--strip-components=1']);
    }
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}
