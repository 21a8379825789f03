/**
 * Shared by the bench scripts: machine description, medians, the results JSON each script writes
 * (`bench/results/<name>.json`) and the replacement of one section of `bench/RESULTS.md`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

export const BENCH_DIR = join(__dirname, '..');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
export const RESULTS_MD = join(BENCH_DIR, 'RESULTS.md');
export const SUMMARY_START = '<!-- summary:start -->';
export const SUMMARY_END = '<!-- summary:end -->';

export interface BenchResult {
  date: string;
  machine: string;
  command: string;
  summary: Record<string, number>;
  details: Record<string, unknown>;
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return cpus().length;
  }
}

/** "AMD EPYC 7B13, nproc 2, 24 GiB, Node v20.20.2, load 1.2". */
export function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 2 ** 30).toFixed(0);
  return `${model}, nproc ${nproc()}, ${memory} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function resultsPath(name: string): string {
  return join(RESULTS_DIR, `${name}.json`);
}

export function writeResult(name: string, result: Omit<BenchResult, 'date' | 'machine'>): BenchResult {
  const full: BenchResult = { date: new Date().toISOString(), machine: machine(), ...result };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(resultsPath(name), `${JSON.stringify(full, null, 2)}\n`);
  process.stdout.write(`wrote ${resultsPath(name)}\n`);
  return full;
}

export function readResult(name: string): BenchResult | undefined {
  const path = resultsPath(name);
  if (!existsSync(path)) {
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BenchResult;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the section under `heading` (up to the next `## ` heading or the summary block) with
 * `body`; a missing section goes before the summary block, or at the end. The file is read at
 * the moment of writing, so sections other scripts wrote in the meantime stay as they are.
 */
export function writeSection(heading: string, body: string, path = RESULTS_MD): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const section = `${heading}\n\n${body.trimEnd()}\n\n`;
  const start = current.indexOf(`${heading}\n`);
  if (start === -1) {
    const summary = current.indexOf(SUMMARY_START);
    const at = summary === -1 ? current.length : summary;
    const before = current.slice(0, at).trimEnd();
    writeFileSync(path, `${before}\n\n${section}${current.slice(at)}`.trimEnd() + '\n');
    return;
  }
  const ends = [current.indexOf('\n## ', start + heading.length), current.indexOf(SUMMARY_START, start)].filter(
    (index) => index !== -1
  );
  const end = ends.length > 0 ? Math.min(...ends) + (current[Math.min(...ends)] === '\n' ? 1 : 0) : current.length;
  writeFileSync(path, `${current.slice(0, start)}${section}${current.slice(end)}`.trimEnd() + '\n');
}

/** A Markdown table: header cells, then rows; numeric columns are right-aligned. */
export function table(header: string[], rows: Array<Array<string | number>>, align?: Array<'l' | 'r'>): string {
  const alignment = header.map((_, i) => ((align?.[i] ?? 'r') === 'r' ? '---:' : '---'));
  return [
    `| ${header.join(' | ')} |`,
    `|${alignment.join('|')}|`,
    ...rows.map((row) => `| ${row.map(String).join(' | ')} |`),
  ].join('\n');
}

export function ensureDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}

/** 12345.6 → "12,346". */
export function n0(value: number): string {
  return Math.round(value).toLocaleString('en');
}
