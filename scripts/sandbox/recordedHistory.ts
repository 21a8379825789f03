/**
 * Recorded series over the demo history, for `npm run sandbox:prometheus`. `promtool tsdb
 * create-blocks-from rules` writes one 2-hour block per rule and chunk (minutes for 30 days of a
 * dozen hourly rules), so this asks the running Prometheus for each recording rule as a range
 * query at the group's interval, writes the results as OpenMetrics and backfills them like the
 * raw history. Rules go in dependency levels (./ruleLevels.ts): each level is evaluated against a
 * Prometheus that already holds the blocks of the levels before it, so a burn rate reads the error
 * budget recorded in its own group, and the budget left reads that burn rate.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { RecordingRule, RuleFile, isAlertingRule } from '../../src/domain/rules';
import { prometheusConfig } from '../demo/historyTsdb';
import { backfillOpenMetrics, startPrometheusProcess } from '../demo/prometheusProcess';
import { labelText, rangeQuery } from './rangeQuery';
import { recordingLevels } from './ruleLevels';

export interface RecordedHistoryOptions {
  rules: RuleFile;
  tsdbDir: string;
  workDir: string;
  /** Unix seconds: first and last sample of the raw history. */
  historyStart: number;
  historyEnd: number;
  /** How far back groups evaluated every few minutes are backfilled (seconds). */
  recentSeconds: number;
  /**
   * Unix seconds: hourly groups are also evaluated at the whole hours after the history up to this
   * time, as a Prometheus running through the gap would have (no raw samples there: no tiles, and
   * the budget left of the tiles before it). The budget left is recorded hourly and read over the
   * last 2 hours (rules/windowRatio.ts), so a stack started up to an hour later reads it at once.
   * Default `historyEnd`.
   */
  hourlyUntil?: number;
  /** Progress messages. */
  log?: (message: string) => void;
}

const HOUR = 3600;
/** Step of groups without their own interval, as promtool's default `--eval-interval` in scripts/demo. */
const DEFAULT_STEP = 300;

function seconds(interval: string | undefined): number {
  const match = interval?.match(/^(\d+)([smhd])$/);
  return match
    ? Number(match[1]) * { s: 1, m: 60, h: HOUR, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd']
    : DEFAULT_STEP;
}

/** OpenMetrics lines of one rule evaluated at every `step` in `[start, end]` by Prometheus. */
async function evaluateRule(
  url: string,
  rule: RecordingRule,
  start: number,
  end: number,
  step: number
): Promise<string[]> {
  const answer = await rangeQuery(url, rule.expr, { start, end, step }, `recording rule ${rule.record}`);
  return answer.flatMap((series) => {
    const labels = { ...series.metric, ...rule.labels };
    delete labels.__name__;
    const text = labelText(labels);
    return series.values.map(([t, value]) => `${rule.record}{${text}} ${value} ${t}`);
  });
}

interface PlannedRule {
  rule: RecordingRule;
  /** First and last evaluation (Unix seconds) and step of the rule's group. */
  start: number;
  end: number;
  step: number;
}

/**
 * The recording rules of `rules` in dependency levels, each with the range its group is backfilled
 * over: groups evaluated hourly or less often cover the whole history (so 30-day period SLIs are
 * complete), the others the last `recentSeconds`.
 */
export function plannedLevels(
  options: Pick<RecordedHistoryOptions, 'rules' | 'historyStart' | 'historyEnd' | 'recentSeconds' | 'hourlyUntil'>
): PlannedRule[][] {
  const planned = options.rules.groups.flatMap((group) => {
    // groups that run more often than the default step (every minute) are backfilled at it, like
    // the groups of every cycle: a week at one sample a minute would cost 5 times as much
    const step = Math.max(seconds(group.interval), DEFAULT_STEP);
    const from = step >= HOUR ? options.historyStart + step : options.historyEnd - options.recentSeconds;
    const start = Math.ceil(from / step) * step;
    const end = step >= HOUR ? Math.max(options.historyEnd, options.hourlyUntil ?? 0) : options.historyEnd;
    return group.rules
      .filter((rule): rule is RecordingRule => !isAlertingRule(rule))
      .map((rule) => ({ rule, start, end, step }));
  });
  return recordingLevels(planned, (entry) => entry.rule);
}

/**
 * Backfills the recording rules into `tsdbDir`, level by level (see `plannedLevels`). Resolves with
 * the milliseconds spent per level.
 */
export async function backfillRecordedHistory(options: RecordedHistoryOptions): Promise<number[]> {
  mkdirSync(options.workDir, { recursive: true });
  const levels = plannedLevels(options);
  const configFile = path.join(options.workDir, 'backfill.yml');
  writeFileSync(configFile, prometheusConfig());
  const timings: number[] = [];
  for (const [index, rules] of levels.entries()) {
    const started = Date.now();
    // record name → lines, so that each metric family is one contiguous block
    const families = new Map<string, string[]>();
    const server = await startPrometheusProcess({ configFile, tsdbDir: options.tsdbDir });
    try {
      for (const { rule, start, end, step } of rules) {
        const lines = await evaluateRule(server.url, rule, start, end, step);
        families.set(rule.record, [...(families.get(rule.record) ?? []), ...lines]);
      }
    } finally {
      await server.stop();
    }
    const file = path.join(options.workDir, `level${index}.om`);
    const blocks = [...families].map(([name, lines]) => [`# TYPE ${name} gauge`, ...lines].join('\n'));
    writeFileSync(file, [...blocks, '# EOF', ''].join('\n'));
    const samples = [...families.values()].reduce((sum, lines) => sum + lines.length, 0);
    options.log?.(`recorded level ${index}: ${rules.length} rules, ${samples} samples`);
    await backfillOpenMetrics(file, options.tsdbDir);
    timings.push(Date.now() - started);
  }
  return timings;
}
