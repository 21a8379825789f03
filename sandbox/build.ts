import { build, Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { prepareSandboxHost, SandboxHost, sandboxHost } from './hostPackages';

/**
 * The packages Grafana shares with plugins (and the host page is made of). For a host built from
 * another Grafana's packages, every import of these, wherever it comes from (the host's own files,
 * src/testing, the project's node_modules), resolves from that Grafana's node_modules: one React,
 * one @grafana/ui, one emotion cache, as in Grafana.
 */
const SHARED =
  /^(?:react|react-dom|scheduler|react-router|react-router-dom|rxjs|lodash|moment|i18next|@grafana\/[^/]+|@emotion\/[^/]+)(?:\/.*)?$/;

/**
 * Grafana shares React Router 6 with plugins as `react-router`, through `react-router-dom-v5-compat`
 * (which re-exports react-router-dom 6 and react-router 6), while its own `react-router-dom` is
 * version 5. The host's files speak React Router 6, so both names are that package.
 */
const ROUTER_6: Record<string, string> = {
  'react-router': 'react-router-dom-v5-compat',
  'react-router-dom': 'react-router-dom-v5-compat',
};

/** Resolves the shared packages from `modulesDir` instead of the project's node_modules. */
function hostPackages(root: string, modulesDir: string): Plugin {
  const projectModules = join(root, 'node_modules');
  const inHost = (path: string) => !relative(modulesDir, path).startsWith('..');
  return {
    name: 'sandbox-host-packages',
    setup(pluginBuild) {
      // Packages in `modulesDir` resolve among themselves: one missing there must not be taken
      // from the project's node_modules, which lie further up the same folders.
      pluginBuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'host' || !inHost(args.importer)) {
          return undefined;
        }
        const found = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'host',
        });
        if (found.errors.length === 0 && !found.external && !inHost(found.path)) {
          return {
            errors: [{ text: `${args.path} (imported by ${args.importer}) is not installed in ${modulesDir}` }],
          };
        }
        return found;
      });
      pluginBuild.onResolve({ filter: SHARED }, async (args) => {
        if (args.pluginData === 'host' || inHost(args.importer)) {
          return undefined;
        }
        return pluginBuild.resolve(ROUTER_6[args.path] ?? args.path, {
          kind: args.kind,
          resolveDir: modulesDir,
          pluginData: 'host',
        });
      });
      // A file path into the project's node_modules (an internal module a package does not export).
      pluginBuild.onResolve({ filter: /node_modules\// }, (args) => {
        const absolute = isAbsolute(args.path) ? args.path : resolve(args.resolveDir, args.path);
        const inside = relative(projectModules, absolute);
        const segments = inside.split('/');
        const name = segments.slice(0, segments[0].startsWith('@') ? 2 : 1).join('/');
        if (inside.startsWith('..') || !SHARED.test(name)) {
          return undefined;
        }
        const swapped = join(modulesDir, inside);
        if (!existsSync(swapped)) {
          return { errors: [{ text: `${inside} is not in ${modulesDir}` }] };
        }
        return { path: swapped };
      });
    },
  };
}

/**
 * Bundles the sandbox host page (React, @grafana/ui, runtime services) into `host.js` in the host's
 * build folder (`.sandbox/build` for the Grafana 12 host, `.sandbox/grafana13/build` for the
 * Grafana 13 one: sandbox/hostPackages.ts), minified as Grafana serves its own bundles, with a source
 * map so that stack traces stay readable. Unminified it weighed 17 MB, and parsing it held the page's
 * first render back (bench/RESULTS.md, "UI scale (Chromium)").
 */
export async function buildHost(root: string, host: SandboxHost = sandboxHost(root)): Promise<void> {
  await prepareSandboxHost(root, host);
  await build({
    entryPoints: [join(root, 'sandbox', 'host', 'main.tsx')],
    outfile: join(host.buildDir, 'host.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    sourcemap: true,
    minify: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.png': 'empty', '.ttf': 'empty', '.eot': 'empty' },
    plugins: host.modulesDir ? [hostPackages(root, host.modulesDir)] : [],
  });
}
