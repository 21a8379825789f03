import { build } from 'esbuild';
import { join } from 'node:path';

/** Bundles the sandbox host page (React, @grafana/ui, runtime services) into `.sandbox/build/host.js`. */
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
    minify: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.png': 'empty', '.ttf': 'empty', '.eot': 'empty' },
  });
}
