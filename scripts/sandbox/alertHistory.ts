/**
 * The alerts Prometheus would have recorded over the demo history, for the demo stack: each
 * alerting rule's expression is asked of a Prometheus holding the raw and recorded history, as a
 * range query at `step`, and every series that stays true for the rule's `for` becomes
 * `ALERTS{alertstate="firing"}` (1 while firing) and `ALERTS_FOR_STATE` (the time it became active),
 * with the rule's labels, the way Prometheus writes them when it evaluates the rule. Incidents,
 * MTTA and MTTR then read weeks of alert history, not only what fired since the stack started.
 *
 * Resolution is `step` (5 minutes by default): a condition true at consecutive steps is taken as
 * true between them, and an alert fires at the first step at least `for` after it became active.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { AlertingRule, RuleFile, isAlertingRule } from '../../src/domain/rules';
import { parsePromDuration } from '../../src/domain/query/duration';
import { prometheusConfig } from '../demo/historyTsdb';
import { backfillOpenMetrics, startPrometheusProcess } from '../demo/prometheusProcess';
import { labelText, rangeQuery } from './rangeQuery';

export interface AlertHistoryOptions {
  rules: RuleFile;
  tsdbDir: string;
  workDir: string;
  /** Unix seconds: the range the rules are evaluated over. */
  start: number;
  end: number;
  /** Seconds between evaluations; 300 by default. */
  step?: number;
  log?: (message: string) => void;
}

/** One alert series' firing periods, in Unix seconds (`end` is the last firing evaluation). */
export interface FiringPeriod {
  labels: Record<string, string>;
  activeAt: number;
  firingFrom: number;
  end: number;
}

const DEFAULT_STEP = 300;

/**
 * The firing periods of one series whose expression returned a sample at each of `times` (sorted
 * Unix seconds, `step` apart where the condition held): runs of consecutive samples, each firing
 * from the first sample at least `forSeconds` after the run's start.
 */
export function firingPeriods(times: number[], step: number, forSeconds: number): Array<Omit<FiringPeriod, 'labels'>> {
  const periods: Array<Omit<FiringPeriod, 'labels'>> = [];
  let runStart: number | undefined;
  let previous: number | undefined;
  const close = () => {
    if (runStart !== undefined && previous !== undefined) {
      const firingFrom = runStart + Math.ceil(forSeconds / step) * step;
      if (firingFrom <= previous) {
        periods.push({ activeAt: runStart, firingFrom, end: previous });
      }
    }
  };
  for (const time of times) {
    if (previous === undefined || time - previous > step) {
      close();
      runStart = time;
    }
    previous = time;
  }
  close();
  return periods;
}

async function evaluate(url: string, rule: AlertingRule, options: AlertHistoryOptions): Promise<FiringPeriod[]> {
  const step = options.step ?? DEFAULT_STEP;
  const start = Math.ceil(options.start / step) * step;
  const answer = await rangeQuery(url, rule.expr, { start, end: options.end, step }, `alerting rule ${rule.alert}`);
  const forSeconds = rule.for ? (parsePromDuration(rule.for) ?? 0) / 1000 : 0;
  return answer.flatMap((series) => {
    const labels: Record<string, string> = { ...series.metric, ...rule.labels, alertname: rule.alert };
    delete labels.__name__;
    // as Prometheus does, a rule label set empty removes the label (the registry-wide rules remove
    // those their text reads)
    for (const [name, value] of Object.entries(labels)) {
      if (value === '') {
        delete labels[name];
      }
    }
    return firingPeriods(
      series.values.map(([time]) => Number(time)),
      step,
      forSeconds
    ).map((period) => ({ ...period, labels }));
  });
}

/** OpenMetrics lines of `periods`: ALERTS and ALERTS_FOR_STATE at every `step` while firing. */
export function alertLines(periods: FiringPeriod[], step: number): { alerts: string[]; forState: string[] } {
  const alerts: string[] = [];
  const forState: string[] = [];
  for (const period of periods) {
    const firing = labelText({ ...period.labels, alertstate: 'firing' });
    const state = labelText(period.labels);
    for (let time = period.firingFrom; time <= period.end; time += step) {
      alerts.push(`ALERTS{${firing}} 1 ${time}`);
      forState.push(`ALERTS_FOR_STATE{${state}} ${period.activeAt} ${time}`);
    }
  }
  return { alerts, forState };
}

/**
 * Evaluates every alerting rule of `options.rules` over the history in `options.tsdbDir` and
 * backfills what fired. Resolves with the firing periods.
 */
export async function backfillAlertHistory(options: AlertHistoryOptions): Promise<FiringPeriod[]> {
  mkdirSync(options.workDir, { recursive: true });
  const configFile = path.join(options.workDir, 'alerts.yml');
  writeFileSync(configFile, prometheusConfig());
  const rules = options.rules.groups.flatMap((group) => group.rules.filter(isAlertingRule));
  const server = await startPrometheusProcess({ configFile, tsdbDir: options.tsdbDir });
  const periods: FiringPeriod[] = [];
  try {
    for (const rule of rules) {
      periods.push(...(await evaluate(server.url, rule, options)));
    }
  } finally {
    await server.stop();
  }
  const step = options.step ?? DEFAULT_STEP;
  const { alerts, forState } = alertLines(periods, step);
  options.log?.(`alert history: ${rules.length} rules, ${periods.length} firing periods, ${alerts.length} samples`);
  if (alerts.length === 0) {
    return periods;
  }
  const file = path.join(options.workDir, 'alerts.om');
  writeFileSync(
    file,
    ['# TYPE ALERTS gauge', ...alerts, '# TYPE ALERTS_FOR_STATE gauge', ...forState, '# EOF', ''].join('\n')
  );
  await backfillOpenMetrics(file, options.tsdbDir);
  return periods;
}
