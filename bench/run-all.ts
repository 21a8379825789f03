/**
 * Runs the benchmarks one after another, each in its own process, then rewrites the summary block
 * at the end of bench/RESULTS.md from the latest results JSONs.
 *
 *   npm run bench                               every benchmark, then the summary
 *   npx tsx bench/run-all.ts --only bundle,ui-scale
 *   npx tsx bench/run-all.ts --summary-only     only rebuild the summary from bench/results/*.json
 *
 * Exit code 1 when a benchmark fails or a summary figure is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, readResult, RESULTS_MD, SUMMARY_END, SUMMARY_START } from './lib/results';

const ROOT = join(BENCH_DIR, '..');

interface Bench {
  name: string;
  command: string[];
  /** The results JSON it writes; jest benchmarks only print. */
  writesJson: boolean;
}

/** In running order: the build first, so later browser runs reuse its `dist/`. */
const BENCHES: Bench[] = [
  { name: 'bundle', command: ['npx', 'tsx', 'bench/bundle.ts'], writesJson: true },
  { name: 'generation', command: ['npx', 'tsx', 'bench/generation.ts'], writesJson: true },
  { name: 'ui-scale', command: ['npx', 'tsx', 'bench/ui-scale.ts'], writesJson: true },
  { name: 'live-values', command: ['npx', 'tsx', 'bench/live-values.ts'], writesJson: true },
  { name: 'query-cost', command: ['npx', 'tsx', 'bench/query-cost.ts'], writesJson: true },
  { name: 'rule-cost', command: ['npx', 'tsx', 'bench/rule-cost.ts'], writesJson: true },
  { name: 'reports', command: ['npx', 'tsx', 'bench/reports.ts'], writesJson: true },
  { name: 'slo-page', command: ['npx', 'tsx', 'bench/slo-page.ts'], writesJson: true },
  {
    name: 'registry-list',
    command: [
      'npx',
      'jest',
      '--rootDir',
      '.',
      '--testMatch',
      '<rootDir>/bench/registry-list.ts',
      '--testPathIgnorePatterns',
      '/node_modules/',
      '--maxWorkers',
      '1',
    ],
    writesJson: false,
  },
];

/** Summary keys in the order they are printed, and the results JSON each comes from. */
export const SUMMARY_KEYS: Array<[key: string, bench: string]> = [
  ['query_ratio_200', 'query-cost'],
  ['query_ratio_2000', 'query-cost'],
  ['rule_eval_1000_s', 'rule-cost'],
  ['queries_executive_200', 'query-cost'],
  ['series_per_slo', 'rule-cost'],
  ['series_per_slo_sloth', 'rule-cost'],
  ['rule_cpu_1000_s', 'rule-cost'],
  ['rules_10k_s', 'generation'],
  ['initial_chunk_kb_gz', 'bundle'],
  ['list_5k_first_render_ms', 'ui-scale'],
  ['list_5k_first_render_in_grafana_ms', 'ui-scale'],
  ['list_5k_filter_ms', 'ui-scale'],
  ['live_values_ms', 'live-values'],
];

/** The `key: value` lines of the summary; `missing` where a results JSON or its key is absent. */
export function summaryLines(read = readResult): { lines: string[]; missing: string[] } {
  const missing: string[] = [];
  const lines = SUMMARY_KEYS.map(([key, bench]) => {
    const value = read(bench)?.summary?.[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      missing.push(key);
      return `${key}: missing`;
    }
    return `${key}: ${value}`;
  });
  return { lines, missing };
}

/** RESULTS.md with its summary block replaced, at the end of the file. */
export function withSummary(markdown: string, lines: string[]): string {
  const dates = [...new Set(SUMMARY_KEYS.map(([, bench]) => bench))]
    .map((bench) => {
      const result = readResult(bench);
      return `${bench} ${result ? result.date.slice(0, 16).replace('T', ' ') : 'missing'}`;
    })
    .join(', ');
  const block = [
    SUMMARY_START,
    '## Summary',
    '',
    `Latest figures from \`bench/results/*.json\` (UTC: ${dates}); rebuilt by \`npx tsx bench/run-all.ts --summary-only\`.`,
    '',
    '```',
    ...lines,
    '```',
    SUMMARY_END,
  ].join('\n');
  // The block always ends the file: sections written after it by other scripts move above it.
  const start = markdown.indexOf(SUMMARY_START);
  const end = markdown.indexOf(SUMMARY_END);
  const rest =
    start !== -1 && end > start
      ? `${markdown.slice(0, start).trimEnd()}\n\n${markdown.slice(end + SUMMARY_END.length).trim()}`
      : markdown;
  return `${rest.trimEnd()}\n\n${block}\n`;
}

function writeSummary(): boolean {
  const { lines, missing } = summaryLines();
  const current = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# Benchmark results\n';
  writeFileSync(RESULTS_MD, withSummary(current, lines));
  process.stdout.write(`\nsummary (bench/RESULTS.md):\n${lines.join('\n')}\n`);
  if (missing.length > 0) {
    process.stderr.write(`missing: ${missing.join(', ')}\n`);
  }
  return missing.length === 0;
}

function main(): number {
  const args = process.argv.slice(2);
  const onlyArg = args.indexOf('--only');
  const only = onlyArg === -1 ? undefined : new Set(args[onlyArg + 1]?.split(',').map((name) => name.trim()));
  if (only) {
    const unknown = [...only].filter((name) => !BENCHES.some((bench) => bench.name === name));
    if (unknown.length > 0) {
      process.stderr.write(
        `unknown benchmark: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})\n`
      );
      return 2;
    }
  }
  const failed: string[] = [];
  if (!args.includes('--summary-only')) {
    let built = false;
    for (const bench of BENCHES.filter((candidate) => !only || only.has(candidate.name))) {
      const command =
        (bench.name === 'ui-scale' || bench.name === 'live-values') && built
          ? [...bench.command, '--no-build']
          : bench.command;
      process.stdout.write(`\n=== ${bench.name}: ${command.join(' ')}\n`);
      const started = Date.now();
      const result = spawnSync(command[0], command.slice(1), { cwd: ROOT, stdio: 'inherit' });
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      if (result.status === 0) {
        built ||= bench.name === 'bundle';
        process.stdout.write(`=== ${bench.name}: done in ${seconds} s\n`);
      } else {
        failed.push(bench.name);
        process.stdout.write(`=== ${bench.name}: FAILED (exit ${result.status ?? result.signal}) after ${seconds} s\n`);
      }
    }
  }
  const complete = writeSummary();
  if (failed.length > 0) {
    process.stderr.write(`failed: ${failed.join(', ')}\n`);
  }
  return failed.length === 0 && complete ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main();
}
