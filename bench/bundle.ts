/**
 * Benchmark: the size of the plugin bundle Grafana downloads.
 *
 *   npx tsx bench/bundle.ts [--no-build] [--dist DIR]
 *
 * Runs `npm run build` unless `--no-build`, then measures `dist/module.js`
 * (the entry Grafana loads with the app, so the initial chunk) and every lazy chunk, raw and
 * gzipped (node:zlib, default level). Which chunks load together comes from the webpack runtime
 * in the built files: each `import()` becomes `Promise.all([__webpack_require__.e(id), …])`; the
 * source maps name the import and give each chunk's contents (bytes per package or source folder).
 *
 * Writes bench/results/bundle.json (summary `initial_chunk_kb_gz`) and the "## Bundle" section
 * of bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bytesPerSource, importAt, packageOf, SourceMapV3, SourceMapWithContent } from './lib/sourceMap';
import { table, today, writeResult, writeSection } from './lib/results';

const ROOT = join(__dirname, '..');
const distArg = process.argv.indexOf('--dist');
/** `--dist DIR` measures another build (implies `--no-build`), e.g. a checkout of an older commit. */
const DIST = distArg === -1 ? join(ROOT, 'dist') : process.argv[distArg + 1];
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
  /** The specifier of the `import()`, from the source map. */
  request?: string;
  chunks: string[];
  rawBytes: number;
  gzipBytes: number;
}

const kb = (bytes: number) => bytes / 1024;

function build(): void {
  process.stdout.write('npm run build…\n');
  execFileSync('npm', ['run', 'build'], {
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

/** Chunk ids mentioned in `Promise.all([x.e(1), x.e(2)])` or a lone `x.e(1).then(`, with their offsets. */
function loadGroups(code: string, known: Set<string>): Array<{ ids: string[]; offset: number }> {
  const groups: Array<{ ids: string[]; offset: number }> = [];
  const ids = (text: string) =>
    [...text.matchAll(/\b[\w$]+\.e\((\d+)\)/g)].map((m) => m[1]).filter((id) => known.has(id));
  let rest = code;
  for (const match of code.matchAll(/Promise\.all\(\[((?:[\w$]+\.e\(\d+\),?)+)\]\)/g)) {
    const group = ids(match[1]);
    if (group.length > 0) {
      groups.push({ ids: group, offset: match.index ?? 0 });
    }
    rest = rest.replace(match[0], ' '.repeat(match[0].length));
  }
  for (const match of rest.matchAll(/\b[\w$]+\.e\((\d+)\)\.then\(/g)) {
    if (known.has(match[1])) {
      groups.push({ ids: [match[1]], offset: match.index ?? 0 });
    }
  }
  return groups;
}

function main() {
  const noBuild = process.argv.includes('--no-build') || distArg !== -1;
  if (!noBuild) {
    build();
  }
  const files = readdirSync(DIST).filter((file) => file.endsWith('.js'));
  if (!files.includes('module.js')) {
    throw new Error('dist/module.js is missing: run without --no-build');
  }
  const chunks = files.map((file) => chunkOf(file, file === 'module.js' ? 'module' : file.replace(/\.js$/, '')));
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const known = new Set(byId.keys());
  const initial = byId.get('module') as Chunk;
  const groups: LoadGroup[] = [];
  for (const chunk of chunks) {
    const code = readFileSync(join(DIST, chunk.file), 'utf8');
    const mapPath = join(DIST, `${chunk.file}.map`);
    const map = existsSync(mapPath) ? (JSON.parse(readFileSync(mapPath, 'utf8')) as SourceMapWithContent) : undefined;
    for (const { ids, offset } of loadGroups(code, known)) {
      const members = ids.map((id) => byId.get(id) as Chunk);
      groups.push({
        from: chunk.file,
        request: map ? importAt(code, map, offset) : undefined,
        chunks: ids.map((id) => `${id}.js`),
        rawBytes: members.reduce((sum, member) => sum + member.rawBytes, 0),
        gzipBytes: members.reduce((sum, member) => sum + member.gzipBytes, 0),
      });
    }
  }
  const lazyIds = new Set(groups.flatMap((group) => group.chunks));
  const unreferenced = chunks.filter((chunk) => chunk.id !== 'module' && !lazyIds.has(chunk.file));
  const initialKbGz = kb(initial.gzipBytes);
  // A first visit to a page loads module.js, then the chunks of every import() on the way to it.
  const firstVisit = (group: LoadGroup, seen = new Set<LoadGroup>()): Set<string> => {
    const files = new Set(['module.js', ...group.chunks]);
    const parent = groups.find((candidate) => candidate.chunks.includes(group.from) && !seen.has(candidate));
    if (parent) {
      firstVisit(parent, new Set([...seen, group])).forEach((file) => files.add(file));
    }
    return files;
  };
  const gzipOf = (files: Set<string>) =>
    [...files].reduce(
      (sum, file) =>
        sum + (byId.get(file.replace(/\.js$/, '') === 'module' ? 'module' : file.replace(/\.js$/, ''))?.gzipBytes ?? 0),
      0
    );
  const visits = groups.map((group) => ({ request: group.request, files: firstVisit(group) }));
  const servicesVisit = visits.find((visit) => visit.request?.includes('ServicesList'));
  const pagesVisit = visits.find((visit) => visit.request?.includes('App/App'));
  const servicesListKbGz = kb(gzipOf((servicesVisit ?? pagesVisit)?.files ?? new Set()));

  for (const chunk of chunks) {
    process.stdout.write(
      `${chunk.file}: ${kb(chunk.rawBytes).toFixed(1)} KB, ${kb(chunk.gzipBytes).toFixed(1)} KB gz — ${chunk.contents
        .slice(0, 4)
        .map((content) => content.name)
        .join(', ')}\n`
    );
  }

  const command = `npx tsx bench/bundle.ts${distArg !== -1 ? ` --dist ${DIST}` : noBuild ? ' --no-build' : ''}`;
  const saved = writeResult('bundle', {
    command,
    summary: {
      initial_chunk_kb_gz: Number(initialKbGz.toFixed(1)),
      services_list_first_visit_kb_gz: Number(servicesListKbGz.toFixed(1)),
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
      loadGroups: groups.map((group, i) => ({
        ...group,
        firstVisitChunks: [...visits[i].files],
        firstVisitGzipBytes: gzipOf(visits[i].files),
      })),
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
  const groupRows = groups.map((group, i) => [
    group.request ? `\`import('${group.request}')\`` : '(unnamed)',
    `\`${group.from}\``,
    group.chunks.map((file) => `\`${file}\``).join(', '),
    kb(group.rawBytes).toFixed(1),
    kb(group.gzipBytes).toFixed(1),
    kb(gzipOf(visits[i].files)).toFixed(1),
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
    'What each `import()` loads (chunks already loaded are not fetched again), and what a first visit to',
    'that page downloads in all: `module.js` plus every `import()` on the way to it.',
    '',
    table(['import', 'in', 'chunks', 'raw (KB)', 'gzip (KB)', 'first visit, gzip (KB)'], groupRows, [
      'l',
      'l',
      'l',
      'r',
      'r',
      'r',
    ]),
    '',
    `A first visit to the services list downloads ${servicesListKbGz.toFixed(1)} KB gzipped.`,
    '',
    'Before each page body became its own `import()` (`lazyPage` in `src/pages/reactScene.ts`), the app loaded',
    "every page at once: `import('./components/App/App')` fetched 4 chunks, 1,225.5 KB raw and 364.5 KB gzipped",
    '(`@grafana/scenes` 139.2, CodeMirror and `yaml` 136.7, all pages 74.3, validation 14.2), so a first visit to',
    'any page downloaded 371.6 KB gzipped with `module.js` at 7.1 KB (same command, 2026-11-27). `module.js` grew',
    'by 1.7 KB for the longer chunk tables.',
  ].join('\n');
  writeSection(HEADING, body);
  process.stdout.write(`${body}\n`);
  if (initialKbGz >= INITIAL_BUDGET_KB_GZ) {
    process.exitCode = 1;
    process.stderr.write(`initial chunk is ${initialKbGz.toFixed(1)} KB gzipped, over ${INITIAL_BUDGET_KB_GZ} KB\n`);
  }
}

main();
