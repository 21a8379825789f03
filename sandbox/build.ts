import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * Bundles the sandbox host page (React, @grafana/ui, runtime services) into `.sandbox/build/host.js`,
 * minified as Grafana serves its own bundles, with a source map so that stack traces stay readable.
 * Unminified it weighed 17 MB, and parsing it held the page's first render back (bench/RESULTS.md,
 * "UI scale (Chromium)").
 */
export async function buildHost(root: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'sandbox', 'host', 'main.tsx')],
    outfile: join(root, '.sandbox', 'build', 'host.js'),
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
  });
}
