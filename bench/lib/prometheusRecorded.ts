/**
 * Recorded series over a backfilled history, as scripts/sandbox/recordedHistory.ts does it (each
 * recording rule range-queried at its group's interval, the result backfilled as OpenMetrics),
 * with two changes for registries of hundreds of SLOs: a rule expression shared by several SLOs
 * (the same SLI over the same raw series) is queried once and written once per rule with that
 * rule's labels, and the OpenMetrics file is streamed instead of built in memory.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

import { RecordingRule, RuleGroup, isAlertingRule } from '../../src/domain/rules';
import { prometheusConfig } from '../../scripts/demo/historyTsdb';
import { backfillOpenMetrics, startPrometheusProcess } from '../../scripts/demo/prometheusProcess';
import { recordingLevels } from '../../scripts/sandbox/ruleLevels';
import { HOUR } from './prometheusBench';

export interface RecordedOptions {
  groups: RuleGroup[];
  tsdbDir: string;
  workDir: string;
  historyStart: number;
  historyEnd: number;
  /** How far back groups evaluated more often than hourly are backfilled (seconds). */
  recentSeconds: number;
  /** Backfill every group over the whole history, whatever its interval. */
  wholeHistory?: boolean;
  /**
   * Unix seconds: hourly groups are also evaluated at the whole hours after the history up to this
   * time, as in scripts/sandbox/recordedHistory.ts, so that the hourly budget left is read at once
   * by a stack started within the hour. Default `historyEnd`.
   */
  hourlyUntil?: number;
  /**
   * Backfill no finer than this (seconds): groups of a shorter interval get this step, like the
   * groups without one (5 minutes), so series evaluated every minute are no denser than those
   * evaluated every cycle.
   */
  minStepSeconds?: number;
  log: (message: string) => void;
}

type Matrix = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

function intervalSeconds(interval: string | undefined): number {
  const match = interval?.match(/^(\d+)([smhd])$/);
  return match ? Number(match[1]) * { s: 1, m: 60, h: HOUR, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'] : 300;
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .filter(([name]) => name !== '__name__')
    .map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',');
}

async function rangeQuery(url: string, query: string, start: number, end: number, step: number): Promise<Matrix> {
  const body = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) });
  const answer = (await (await fetch(`${url}/api/v1/query_range`, { method: 'POST', body })).json()) as {
    status: string;
    error?: string;
    data: { result: Matrix };
  };
  if (answer.status !== 'success') {
    throw new Error(`${answer.error}: ${query}`);
  }
  return answer.data.result;
}

interface PlannedRule {
  rule: RecordingRule;
  start: number;
  end: number;
  step: number;
}

/**
 * Stages of rules in dependency levels (scripts/sandbox/ruleLevels.ts): a rule goes after every
 * rule recording a series it reads, as Prometheus runs the rules of a group in order (the meta
 * group reads the error budget it records itself).
 */
function stagesOf(options: RecordedOptions): PlannedRule[][] {
  const planned: PlannedRule[] = options.groups.flatMap((group) => {
    const step = Math.max(intervalSeconds(group.interval), options.minStepSeconds ?? 0);
    const whole = options.wholeHistory || step >= HOUR;
    const from = whole ? options.historyStart + step : options.historyEnd - options.recentSeconds;
    const start = Math.ceil(from / step) * step;
    const end = step >= HOUR ? Math.max(options.historyEnd, options.hourlyUntil ?? 0) : options.historyEnd;
    return group.rules
      .filter((rule) => !isAlertingRule(rule))
      .map((rule) => ({ rule: rule as RecordingRule, start, end, step }));
  });
  return recordingLevels(planned, (entry) => entry.rule);
}

/** Backfills the recording rules of `groups`, in stages of dependency. Resolves with the samples written. */
export async function backfillRecorded(options: RecordedOptions): Promise<number> {
  mkdirSync(options.workDir, { recursive: true });
  const stages = stagesOf(options);
  const configFile = path.join(options.workDir, 'backfill.yml');
  writeFileSync(configFile, prometheusConfig());
  let written = 0;
  for (const [index, rules] of stages.entries()) {
    const started = Date.now();
    // record name → rules, so that each family is one contiguous block
    const byRecord = new Map<string, PlannedRule[]>();
    for (const entry of rules) {
      byRecord.set(entry.rule.record, [...(byRecord.get(entry.rule.record) ?? []), entry]);
    }
    const file = path.join(options.workDir, `stage${index + 1}.om`);
    const out = createWriteStream(file);
    const server = await startPrometheusProcess({ configFile, tsdbDir: options.tsdbDir });
    let queries = 0;
    try {
      for (const [record, entries] of byRecord) {
        out.write(`# TYPE ${record} gauge\n`);
        const cache = new Map<string, Matrix>();
        for (const { rule, start, end, step } of entries) {
          const key = `${rule.expr}|${start}|${end}|${step}`;
          let matrix = cache.get(key);
          if (!matrix) {
            matrix = await rangeQuery(server.url, rule.expr, start, end, step);
            cache.set(key, matrix);
            queries++;
          }
          for (const series of matrix) {
            const labels = labelText({ ...series.metric, ...rule.labels });
            const lines = series.values.map(([t, value]) => `${record}{${labels}} ${value} ${t}\n`).join('');
            written += series.values.length;
            if (!out.write(lines)) {
              await once(out, 'drain');
            }
          }
        }
      }
    } finally {
      await server.stop();
    }
    out.end('# EOF\n');
    await once(out, 'finish');
    options.log(`recorded stage ${index + 1}: ${rules.length} rules, ${queries} distinct range queries`);
    await backfillOpenMetrics(file, options.tsdbDir);
    options.log(`recorded stage ${index + 1} backfilled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return written;
}
