/**
 * `npm run compat`: checks with @grafana/levitate that what the plugin imports from Grafana's
 * packages exists, with the same types, in the versions it claims to run on (scripts/compat/targets.ts:
 * the lowest `grafanaDependency`, the newest Grafana tested, the newest @grafana/scenes), prints a
 * table of what was found and exits 1 on any incompatibility.
 *
 * Levitate's CLI prints its findings only to a terminal; this calls the same functions the CLI
 * does (levitate's package exports them) and reads their results as data. Published packages come
 * through `npm pack` (scripts/compat/packages.ts), so only the configured npm registry is asked.
 * A changed *value* the plugin only reads part of is judged by that part (scripts/compat/memberUse.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { diffSummary, onlyTypeModifiers } from './declarationDiff';
import { ExportChange, memberVerdict } from './memberUse';
import { cacheDir, ensurePackages, packageDir, typesEntry } from './packages';
import { COMPANION_PACKAGES, CompatTarget, compatTargets } from './targets';
import { newerPublished } from './registry';
import { Finding, formatTable } from './table';

interface Comparison {
  changes: Record<string, ExportChange>;
  removals: Record<string, ts.Symbol>;
}

interface SymbolMeta {
  key: string;
  symbol: ts.Symbol;
  program: ts.Program;
}

interface Levitate {
  createTsProgram(file: string): ts.Program;
  compareExports(prev: string, current: string, ignored: object): Comparison;
  getPackageUsage(project: ts.Program, exports: { exports: object }, name: string): Map<ts.SourceFile, object>;
  getSymbolDiff(input: { prev: SymbolMeta; current: SymbolMeta }): string;
  getIncompatibilitiesFromComparison(input: {
    sourceFile: ts.SourceFile;
    usages: object;
    comparison: Comparison;
  }): Array<{
    name: string;
    codeIdentifier: ts.Node;
    sourceFile: ts.SourceFile;
    change?: ExportChange;
    removal?: ts.Symbol;
  }>;
}

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'src', 'module.tsx');

/** The download set a target's package is unpacked in: Grafana's packages per version, others per package. */
function setOf(target: CompatTarget): string {
  return target.name === '@grafana/scenes' ? `scenes@${target.version}` : target.version;
}

function findingsFor(levitate: Levitate, project: ts.Program, target: CompatTarget): Finding[] {
  const installedTypes = typesEntry(join(ROOT, 'node_modules', target.name));
  const targetTypes = typesEntry(packageDir(ROOT, setOf(target), target.name));
  const comparison = levitate.compareExports(installedTypes, targetTypes, { additions: [], removals: [], changes: [] });
  const affected = { ...comparison.changes, ...comparison.removals };
  const findings: Finding[] = [];
  for (const [sourceFile, usages] of levitate.getPackageUsage(project, { exports: affected }, target.name)) {
    for (const found of levitate.getIncompatibilitiesFromComparison({ sourceFile, usages, comparison })) {
      const line = sourceFile.getLineAndCharacterOfPosition(found.codeIdentifier.getStart()).line + 1;
      const base = { target, name: found.name, file: `${relative(ROOT, sourceFile.fileName)}:${line}` };
      if (found.removal) {
        findings.push({ ...base, kind: 'removed', affected: true, detail: 'not exported any more' });
        continue;
      }
      const change = found.change!;
      const diff = levitate.getSymbolDiff({
        prev: { key: change.prev.getName(), symbol: change.prev, program: change.prevProgram },
        current: { key: change.current.getName(), symbol: change.current, program: change.currentProgram },
      });
      if (onlyTypeModifiers(diff)) {
        findings.push({ ...base, kind: 'changed', affected: false, detail: 'only `import type` in its declaration' });
        continue;
      }
      const verdict = memberVerdict(project, sourceFile, target.name, found.name, change);
      findings.push(
        verdict.affected
          ? { ...base, kind: 'changed', affected: true, detail: verdict.reason ?? diffSummary(diff) }
          : { ...base, kind: 'changed', affected: false, detail: `reads ${verdict.paths.join(', ')}: unchanged` }
      );
    }
  }
  return findings;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * What the verdict depends on: the plugin's source (tests aside), the installed packages (the lockfile), the
 * targets and this check's own code. The same inputs give the same findings, so a run with
 * nothing changed reuses the last one's (as `eslint --cache` does).
 */
function inputsKey(targets: CompatTarget[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(targets));
  const source = filesUnder(join(ROOT, 'src')).filter((file) => !/\.test\.tsx?$/.test(file));
  for (const file of [join(ROOT, 'package-lock.json'), ...source, ...filesUnder(__dirname)]) {
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

interface Report {
  lines: string[];
  incompatible: number;
}

async function check(targets: CompatTarget[]): Promise<Report> {
  const toCheck = targets.filter((target) => target.version !== target.installed);
  const sets = new Map<string, Array<{ name: string; version: string }>>();
  for (const target of toCheck) {
    const set = setOf(target);
    const names = [target.name, ...(target.name === '@grafana/scenes' ? [] : COMPANION_PACKAGES)];
    const specs = (sets.get(set) ?? []).filter((spec) => !names.includes(spec.name));
    sets.set(set, [...specs, ...names.map((name) => ({ name, version: target.version }))]);
  }
  for (const [set, specs] of sets) {
    await ensurePackages(ROOT, set, specs);
  }
  // Silences levitate's progress spinner; its findings come back as values.
  process.env.LEVITATE_SILENT = 'true';
  const levitate = (await import('@grafana/levitate')) as unknown as Levitate;
  const project = levitate.createTsProgram(ENTRY);
  const findings: Finding[] = [];
  for (const target of toCheck) {
    findings.push(...findingsFor(levitate, project, target));
  }
  return { lines: formatTable(targets, findings), incompatible: findings.filter((finding) => finding.affected).length };
}

async function main() {
  const started = Date.now();
  const targets = compatTargets(ROOT);
  const newer = newerPublished(targets);
  const cached = join(cacheDir(ROOT), `report-${inputsKey(targets)}.json`);
  const reused = existsSync(cached);
  const { lines, incompatible }: Report = reused ? JSON.parse(readFileSync(cached, 'utf8')) : await check(targets);
  if (!reused) {
    mkdirSync(cacheDir(ROOT), { recursive: true });
    for (const old of readdirSync(cacheDir(ROOT)).filter((name) => name.startsWith('report-'))) {
      rmSync(join(cacheDir(ROOT), old));
    }
    writeFileSync(cached, JSON.stringify({ lines, incompatible }));
  }
  process.stdout.write([...lines, ...(await newer), ''].join('\n'));
  const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s${reused ? ', unchanged inputs: the last report' : ''}`;
  process.stdout.write(
    incompatible === 0
      ? `compat: ${relative(ROOT, ENTRY)} is compatible with every target (${seconds})\n`
      : `compat: ${incompatible} incompatibilit${incompatible === 1 ? 'y' : 'ies'} (${seconds})\n`
  );
  process.exitCode = incompatible === 0 ? 0 : 1;
}

main().catch((error: Error) => {
  process.stderr.write(`compat: ${error.stack ?? error.message}\n`);
  process.exit(2);
});
