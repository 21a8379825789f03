/**
 * Which versions the plugin's use of Grafana's packages is checked against, read from where the
 * project already states them, so that a bump in one place moves the check with it:
 * - the lowest supported Grafana: the lower bound of `grafanaDependency` in src/plugin.json;
 * - the newest Grafana: the @grafana packages the Grafana 13 sandbox host is built from
 *   (sandbox/hosts/grafana13/package.json), the same versions the browser smoke test runs on;
 * - @grafana/scenes is bundled into the plugin, not shared by Grafana: the newest published scenes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from './registry';

/** The newest published @grafana/scenes (checked against the registry on every run). */
export const SCENES_NEWEST = '9.2.2';

/** Grafana's packages a plugin shares with the running Grafana (webpack externals). */
export const SHARED_PACKAGES = ['@grafana/data', '@grafana/ui', '@grafana/runtime'] as const;

/**
 * Packages downloaded with each Grafana version so that the checked packages' types resolve among
 * themselves (@grafana/ui's types import @grafana/data's and @grafana/schema's).
 */
export const COMPANION_PACKAGES = ['@grafana/schema', '@grafana/e2e-selectors', '@grafana/i18n'] as const;

export interface CompatTarget {
  name: string;
  /** The version the plugin is built against (installed in node_modules). */
  installed: string;
  /** The version it is checked against. */
  version: string;
  /** What that version stands for, for the report. */
  role: string;
}

/** `>=12.4.0 <14` → `12.4.0`: the lowest version a `grafanaDependency` range admits. */
export function lowestOfRange(range: string): string {
  const match = range.match(/>=\s*v?(\d+\.\d+\.\d+)/);
  if (!match) {
    throw new Error(`grafanaDependency "${range}" has no ">=x.y.z" lower bound`);
  }
  return match[1];
}

/** `>=12.4.0 <14` → `14.0.0`: the version a range stops below, if it names one. */
export function upperOfRange(range: string): string | undefined {
  const match = range.match(/<\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\s|$)/);
  return match ? `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}` : undefined;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function installedVersion(root: string, name: string): string {
  return readJson<{ version: string }>(join(root, 'node_modules', name, 'package.json')).version;
}

/** Every (package, version) pair to check, in report order. */
export function compatTargets(root: string): CompatTarget[] {
  const plugin = readJson<{ dependencies: { grafanaDependency: string } }>(join(root, 'src', 'plugin.json'));
  const lowest = lowestOfRange(plugin.dependencies.grafanaDependency);
  const host = readJson<{ dependencies: Record<string, string> }>(
    join(root, 'sandbox', 'hosts', 'grafana13', 'package.json')
  );
  const newest = host.dependencies['@grafana/runtime'];
  const upper = upperOfRange(plugin.dependencies.grafanaDependency);
  if (upper && compareVersions(newest, upper) >= 0) {
    throw new Error(
      `the newest Grafana tested (${newest}) is outside grafanaDependency "${plugin.dependencies.grafanaDependency}"`
    );
  }
  const targets: CompatTarget[] = [];
  for (const name of SHARED_PACKAGES) {
    const installed = installedVersion(root, name);
    targets.push({ name, installed, version: lowest, role: 'lowest supported' });
    targets.push({ name, installed, version: host.dependencies[name], role: 'newest tested' });
  }
  targets.push({
    name: '@grafana/scenes',
    installed: installedVersion(root, '@grafana/scenes'),
    version: SCENES_NEWEST,
    role: 'newest published',
  });
  return targets;
}
