/**
 * Whether the registry has published something newer than the newest versions checked: a notice,
 * not a failure, so that a Grafana release does not break the build of an unchanged plugin, but
 * whoever runs the check sees that the targets (scripts/compat/targets.ts) are due for a bump.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CompatTarget } from './targets';

const run = promisify(execFile);

const STABLE = /^(\d+)\.(\d+)\.(\d+)$/;

/** Orders stable `x.y.z` versions, oldest first. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((version) => (version.match(STABLE) ?? []).slice(1).map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The newest stable version in `versions` (pre-releases and nightly builds left out). */
export function newestStable(versions: string[]): string | undefined {
  return versions
    .filter((version) => STABLE.test(version))
    .sort(compareVersions)
    .pop();
}

/** One notice per package with a stable version newer than the newest it is checked against. */
export async function newerPublished(targets: CompatTarget[]): Promise<string[]> {
  const newestChecked = new Map<string, string>();
  for (const target of targets) {
    const known = newestChecked.get(target.name);
    newestChecked.set(target.name, known && compareVersions(known, target.version) > 0 ? known : target.version);
  }
  const notices = await Promise.all(
    [...newestChecked].map(async ([name, checked]) => {
      try {
        const { stdout } = await run('npm', ['view', name, 'versions', '--json'], { timeout: 30_000 });
        const newest = newestStable(JSON.parse(stdout) as string[]);
        return newest && compareVersions(newest, checked) > 0
          ? `notice: ${name} ${newest} is published; the newest checked is ${checked} (scripts/compat/targets.ts)`
          : undefined;
      } catch (error) {
        return `notice: could not ask the registry for ${name}'s versions (${(error as Error).message.split('\n')[0]})`;
      }
    })
  );
  return notices.filter((notice): notice is string => notice !== undefined);
}
