/**
 * Benchmark: the size of the plugin bundle Grafana downloads.
 *
 *   npx tsx bench/bundle.ts [--no-build]
 *
 * Runs `npm run build` (with webpack's stats) unless `--no-build`, then measures `dist/module.js`
 * (the entry Grafana loads with the app, so the initial chunk) and every lazy chunk, raw and
 * gzipped (node:zlib, default level). Which chunks load together comes from the webpack runtime
 * in the built files: each `import()` becomes `Promise.all([__webpack_require__.e(id), …])`.
 * Chunk contents come from the source maps: bytes per package or source folder.
 *
 * Writes bench/results/bundle.json (summary `initial_chunk_kb_gz`) and the "## Bundle" section
 * of bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytesPerSource, packageOf, SourceMapV3 } from './lib/sourceMap';
import { table, today, writeResult, writeSection } from './lib/results';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const HEADING = '## Bundle';
const INITIAL_BUDGET_KB_GZ = 150;

interface Chunk {
  file: string;
  id: string;
  rawBytes: number;
  gzipBytes: number;
  /** Largest contributors: package or source folder → minified bytes. */
  contents: Array<{ name: string; bytes: number }>;
  /** Externals the chunk takes from Grafana at run time (not downloaded). */
  externals: string[];
}

interface LoadGroup {
  /** The chunk whose code asks for the group. */
  from: string;
  /** What the `import()` loads, from webpack's stats when built here. */
  request?: string;
  chunks: string[];
  rawBytes: number;
  gzipBytes: number;
}

const kb = (bytes: number) => bytes / 1024;

function build(statsPath: string): void {
  process.stdout.write('npm run build…\n');
  execFileSync('npm', ['run', 'build', '--', '--json', statsPath], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function chunkOf(file: string, id: string): Chunk {
  const code = readFileSync(join(DIST, file));
  const mapPath = join(DIST, `${file}.map`);
  const contents: Array<{ name: string; bytes: number }> = [];
  const externals: string[] = [];
  if (existsSync(mapPath)) {
    const map = JSON.parse(readFileSync(mapPath, 'utf8')) as SourceMapV3;
    const byPackage = new Map<string, number>();
    for (const [source, bytes] of bytesPerSource(code.toString('utf8'), map)) {
      if (source.includes('external ')) {
        externals.push(source.replace(/^.*external (amd )?/, '').replace(/"/g, ''));
        continue;
      }
      const name = source === '(unmapped)' ? '(webpack runtime and glue)' : packageOf(source);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
    }
    contents.push(...[...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes));
  }
  return { file, id, rawBytes: code.length, gzipBytes: gzipSync(code).length, contents, externals };
}

/** Chunk ids mentioned in `Promise.all([x.e(1), x.e(2)])` or a lone `x.e(1).then(`. */
function loadGroups(code: string, known: Set<string>): string[][] {
  const groups: string[][] = [];
  const ids = (text: string) =>
    [...text.matchAll(/\b[\w$]+\.e\((\d+)\)/g)].map((m) => m[1]).filter((id) => known.has(id));
  let rest = code;
  for (const match of code.matchAll(/Promise\.all\(\[((?:[\w$]+\.e\(\d+\),?)+)\]\)/g)) {
    const group = ids(match[1]);
    if (group.length > 0) {
      groups.push(group);
    }
    rest = rest.replace(match[0], '');
  }
  for (const match of rest.matchAll(/\b[\w$]+\.e\((\d+)\)\.then\(/g)) {
    if (known.has(match[1])) {
      groups.push([match[1]]);
    }
  }
  return groups;
}

interface Stats {
  chunks: Array<{ id: number | string; files: string[]; origins: Array<{ moduleName?: string; request?: string }> }>;
}

function main() {
  const noBuild = process.argv.includes('--no-build');
  const statsPath = join(tmpdir(), `bizowner-bundle-stats-${process.pid}.json`);
  let stats: Stats | undefined;
  if (!noBuild) {
    build(statsPath);
    stats = JSON.parse(readFileSync(statsPath, 'utf8')) as Stats;
    rmSync(statsPath, { force: true });
  }
  const files = readdirSync(DIST).filter((file) => file.endsWith('.js'));
  if (!files.includes('module.js')) {
    throw new Error('dist/module.js is missing: run without --no-build');
  }
  const chunks = files.map((file) => chunkOf(file, file === 'module.js' ? 'module' : file.replace(/\.js$/, '')));
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const known = new Set(byId.keys());
  const initial = byId.get('module') as Chunk;
  const origins = new Map<string, string[]>();
  for (const chunk of stats?.chunks ?? []) {
    origins.set(
      String(chunk.id),
      chunk.origins.map((origin) => origin.request ?? '')
    );
  }
  const groups: LoadGroup[] = [];
  for (const chunk of chunks) {
    for (const ids of loadGroups(readFileSync(join(DIST, chunk.file), 'utf8'), known)) {
      const members = ids.map((id) => byId.get(id) as Chunk);
      const requests = ids.map((id) => new Set(origins.get(id) ?? []));
      const shared = [...(requests[0] ?? [])].filter((request) => requests.every((set) => set.has(request)));
      groups.push({
        from: chunk.file,
        request: shared.length === 1 ? shared[0] : undefined,
        chunks: ids.map((id) => `${id}.js`),
        rawBytes: members.reduce((sum, member) => sum + member.rawBytes, 0),
        gzipBytes: members.reduce((sum, member) => sum + member.gzipBytes, 0),
      });
    }
  }
  const lazyIds = new Set(groups.flatMap((group) => group.chunks));
  const unreferenced = chunks.filter((chunk) => chunk.id !== 'module' && !lazyIds.has(chunk.file));
  const initialKbGz = kb(initial.gzipBytes);
  const firstPage = groups.find((group) => group.request?.includes('App/App'));

  for (const chunk of chunks) {
    process.stdout.write(
      `${chunk.file}: ${kb(chunk.rawBytes).toFixed(1)} KB, ${kb(chunk.gzipBytes).toFixed(1)} KB gz — ${chunk.contents
        .slice(0, 4)
        .map((content) => content.name)
        .join(', ')}\n`
    );
  }

  const command = `npx tsx bench/bundle.ts${noBuild ? ' --no-build' : ''}`;
  const saved = writeResult('bundle', {
    command,
    summary: {
      initial_chunk_kb_gz: Number(initialKbGz.toFixed(1)),
      ...(firstPage ? { app_pages_kb_gz: Number(kb(firstPage.gzipBytes).toFixed(1)) } : {}),
      total_kb_gz: Number(kb(chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0)).toFixed(1)),
    },
    details: {
      initialBudgetKbGz: INITIAL_BUDGET_KB_GZ,
      withinBudget: initialKbGz < INITIAL_BUDGET_KB_GZ,
      chunks: chunks.map((chunk) => ({
        ...chunk,
        loading: chunk.id === 'module' ? 'initial' : lazyIds.has(chunk.file) ? 'lazy' : 'unreferenced',
        contents: chunk.contents.slice(0, 12),
      })),
      loadGroups: groups,
      unreferenced: unreferenced.map((chunk) => chunk.file),
    },
  });

  const describe = (chunk: Chunk) => {
    const total = chunk.contents.reduce((sum, content) => sum + content.bytes, 0) || 1;
    return chunk.contents
      .filter((content) => content.bytes / total >= 0.04)
      .slice(0, 6)
      .map((content) => `${content.name} ${((content.bytes / total) * 100).toFixed(0)} %`)
      .join(', ');
  };
  const sorted = [...chunks].sort((a, b) =>
    a.id === 'module' ? -1 : b.id === 'module' ? 1 : b.gzipBytes - a.gzipBytes
  );
  const chunkRows = sorted.map((chunk) => [
    `\`${chunk.file}\``,
    chunk.id === 'module' ? 'initial' : lazyIds.has(chunk.file) ? 'lazy' : 'never requested',
    kb(chunk.rawBytes).toFixed(1),
    kb(chunk.gzipBytes).toFixed(1),
    describe(chunk),
  ]);
  const groupRows = groups.map((group) => [
    group.request ? `\`import('${group.request}')\`` : '(unnamed)',
    `\`${group.from}\``,
    group.chunks.map((file) => `\`${file}\``).join(', '),
    kb(group.rawBytes).toFixed(1),
    kb(group.gzipBytes).toFixed(1),
  ]);
  const body = [
    `Measured ${today()} on ${saved.machine}, with \`${command}\`.`,
    '',
    `\`dist/module.js\` is what Grafana loads with the app, so the initial chunk: **${initialKbGz.toFixed(1)} KB gzipped**`,
    `(budget ${INITIAL_BUDGET_KB_GZ} KB). It holds the plugin object, \`react-i18next\` and the webpack runtime; React,`,
    `\`@grafana/*\`, i18next, lodash and emotion come from Grafana at run time (externals: ${initial.externals.length}).`,
    'Every page is behind `import()`; sizes are minified, gzip at zlib’s default level. Contents are the share of',
    'each chunk’s minified bytes per package or source folder, from the source maps. KB = 1,024 bytes. A chunk',
    '“never requested” is emitted but no code in the bundle asks for it (after minification removed the',
    '`import()` that made webpack split it off).',
    '',
    table(['chunk', 'loaded', 'raw (KB)', 'gzip (KB)', 'contents'], chunkRows, ['l', 'l', 'r', 'r', 'l']),
    '',
    'What each `import()` loads (chunks already loaded are not fetched again):',
    '',
    table(['import', 'in', 'chunks', 'raw (KB)', 'gzip (KB)'], groupRows, ['l', 'l', 'l', 'r', 'r']),
  ].join('\n');
  writeSection(HEADING, body);
  process.stdout.write(`${body}\n`);
  if (initialKbGz >= INITIAL_BUDGET_KB_GZ) {
    process.exitCode = 1;
    process.stderr.write(`initial chunk is ${initialKbGz.toFixed(1)} KB gzipped, over ${INITIAL_BUDGET_KB_GZ} KB\n`);
  }
}

main();
