/**
 * Benchmark: what the generated rules cost Prometheus at 1,000 SLOs (recorded series per SLO and
 * rule-evaluation time per cycle), against a Sloth-style layout of the same SLOs.
 *
 *   npx tsx bench/rule-cost.ts [--ours 250,1000] [--sloth 250:30,1000:7] [--sloth-step 300] [--interval 20]
 *
 * `--sloth SIZE:DAYS` measures the Sloth-style layout at SIZE SLOs with DAYS days of 5-minute ratios
 * backfilled (promtool needs about a minute per two million samples here).
 *
 * Layouts: `ours` (generated rules: per-SLO files and the registry's shared rules) and `sloth`
 * (Sloth-style rules written for comparison, bench/lib/prometheusLayouts.ts).
 * For each layout and size, on its own TSDB:
 * 1. 30 days of demo history at one sample a minute, ending on the hour at least 3 h ago (cached),
 *    and the live demo workload scraped every 15 s, so that every window has data.
 * 2. The recorded history the rules read, backfilled for every SLO: our one-hour error and event
 *    tiles (and spend tiles) over 30 days and our 5-minute increases over the longest sub-day
 *    window before the history's end, at the evaluation interval; or Sloth's 5-minute error ratio
 *    (one sample every `--sloth-step` seconds) over DAYS days.
 * 3. Live: Prometheus runs the rules every `--interval` seconds, each group at its own interval
 *    (ours: the slowly changing rules every minute, tile and spend groups hourly, at their offset in
 *    the hour, as in production). After two cycles of the groups without an interval: Prometheus'
 *    own figures (sum of the groups' `evaluationTime`,
 *    `prometheus_rule_group_last_evaluation_samples`), the `slo:*` series per SLO, and the CPU
 *    seconds the process spends per cycle over CPU_WINDOW_SECONDS (`process_cpu_seconds_total`),
 *    minus what the same Prometheus spends scraping the same targets without rules: the cost of
 *    evaluating the rules, group scheduling, appends and garbage collection included. On 2 cores,
 *    groups run concurrently and their `evaluationTime` includes waiting for a CPU, so that sum
 *    overstates; CPU seconds do not.
 * 4. Sequential: Prometheus restarted on the same TSDB without rules nor scraping, and every rule's
 *    expression queried once, one after the other, with `stats=all` at the time of the last cycle;
 *    the sum of `execTotalTime` is the evaluation time of one cycle without contention. One warm-up
 *    pass, then the median of RUNS passes. Given two ways: amortised, each group's time weighted by
 *    how often it runs per cycle (groups of `interval: 1m` once in 60 s ÷ `--interval` cycles, the
 *    hourly ones once in 3,600 s ÷ `--interval`), which is what Prometheus evaluates per cycle on
 *    average and the summary's `rule_eval_1000_s`; and as if every group ran every cycle, an upper
 *    bound for the cycle in which they all fall together.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { RegistryDocument } from '../src/domain/model';
import { windowSeconds } from '../src/domain/windows/windows';
import {
  generateRuleFiles,
  isAlertingRule,
  mergeRuleFiles,
  renderRuleFile,
  Rule,
  RuleGroup,
} from '../src/domain/rules';
import { freePort, startPrometheusProcess } from '../scripts/demo/prometheusProcess';
import { startWorkload } from '../scripts/demo/workloadServer';
import { prepareDemoHistory } from '../tests/helpers/prometheus';
import {
  DAY,
  HOUR,
  benchRegistry,
  copyTsdb,
  log,
  median,
  QueryCost,
  round,
  timedQuery,
  withCleanup,
  writeResults,
} from './lib/prometheusBench';
import { backfillRecorded } from './lib/prometheusRecorded';
import { slothRatio5m, slothRuleFile } from './lib/prometheusLayouts';

const NAME = 'rule-cost';
const DAYS = 30;
const STEP_SECONDS = 60;
const RUNS = 2;
const SUB_DAY_SECONDS = 6 * HOUR;
/** How long the process CPU is measured, with and without rules. */
const CPU_WINDOW_SECONDS = 240;
const say = (message: string) => log(NAME, message);

interface GroupState {
  name: string;
  evaluationTime: number;
  lastEvaluation: string;
  rules: Array<{ health: string; lastError?: string }>;
}

async function ruleGroups(url: string): Promise<GroupState[]> {
  const answer = (await (await fetch(`${url}/api/v1/rules`)).json()) as { data: { groups: GroupState[] } };
  return answer.data.groups;
}

async function instant(
  url: string,
  query: string
): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const body = new URLSearchParams({ query });
  const answer = (await (await fetch(`${url}/api/v1/query`, { method: 'POST', body })).json()) as {
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return answer.data.result;
}

/** Resolves when `check` is true, polling every second; fails after `timeoutMs`. */
async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Waits for every `wanted` group to evaluate once more after `previous`; resolves with the new states. */
async function nextCycle(
  url: string,
  previous: Map<string, string>,
  timeoutMs: number,
  wanted: (name: string) => boolean
): Promise<GroupState[]> {
  let groups: GroupState[] = [];
  await until('a rule evaluation cycle', timeoutMs, async () => {
    groups = await ruleGroups(url);
    return groups
      .filter((g) => wanted(g.name))
      .every((g) => !g.lastEvaluation.startsWith('0001') && g.lastEvaluation !== previous.get(g.name));
  });
  return groups;
}

/** Seconds of CPU the Prometheus process spends per evaluation cycle, over `CPU_WINDOW_SECONDS`. */
async function cpuPerCycle(url: string, intervalSeconds: number): Promise<number> {
  const read = async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith('process_cpu_seconds_total '));
    if (!line) {
      throw new Error(`${url}/metrics has no process_cpu_seconds_total`);
    }
    return { cpu: Number(line.split(' ')[1]), at: performance.now() / 1000 };
  };
  const first = await read();
  await new Promise((resolve) => setTimeout(resolve, CPU_WINDOW_SECONDS * 1000));
  const last = await read();
  return ((last.cpu - first.cpu) * intervalSeconds) / (last.at - first.at);
}

type Layout = 'ours' | 'sloth';

/** What a rule is for, to split the evaluation time: SLI, tiles, spend, shared, meta or alerts. */
function kindOf(group: RuleGroup, rule: Rule): string {
  const sloth = /^sloth-slo-(sli|meta|alerts)/.exec(group.name);
  if (sloth) {
    return sloth[1];
  }
  if (isAlertingRule(rule)) {
    return 'alerts';
  }
  if (group.name.startsWith('slo-shared')) {
    return 'shared';
  }
  if (rule.record.startsWith('service:')) {
    return 'cost';
  }
  if (group.interval === '1h') {
    return 'increase1h';
  }
  return rule.record === 'slo:info' ? 'meta' : 'sli';
}

function layoutRules(layout: Layout, doc: RegistryDocument, slothStep: number, intervalSeconds: number) {
  if (layout === 'sloth') {
    const inputs = doc.slos.map((slo) => ({ name: slo.id, interval: `${slothStep}s`, rules: [slothRatio5m(slo)] }));
    return { rules: slothRuleFile(doc.slos), periodInputs: inputs, intervals: new Map<string, number>() };
  }
  const merged = mergeRuleFiles(generateRuleFiles(doc).prometheus.map((entry) => entry.file));
  const increases = merged.groups
    .filter((group) => group.interval === undefined)
    .map((group) => ({
      name: group.name,
      interval: `${intervalSeconds}s`,
      rules: group.rules.filter(
        (rule) => !isAlertingRule(rule) && /^slo:sli_(error|total):increase5m$/.test(rule.record)
      ),
    }));
  // groups without an interval run at the evaluation interval; the others at theirs, but at most
  // once a cycle
  const every = (interval: string | undefined) =>
    interval === undefined ? intervalSeconds : Math.max(intervalSeconds, windowSeconds(interval));
  return {
    rules: merged,
    periodInputs: [
      ...merged.groups.filter((group) => group.interval === '1h'),
      ...increases.filter((group) => group.rules.length > 0),
    ],
    intervals: new Map(merged.groups.map((group) => [group.name, every(group.interval)])),
  };
}

function configText(rulesFile: string | undefined, scrape: string[], intervalSeconds: number): string {
  const targets = scrape.map((host, i) => `  - job_name: job${i}\n    static_configs: [{ targets: ["${host}"] }]`);
  return [
    'global:',
    '  scrape_interval: 15s',
    `  evaluation_interval: ${intervalSeconds}s`,
    ...(rulesFile ? ['rule_files:', `  - ${JSON.stringify(rulesFile)}`] : []),
    `scrape_configs:${targets.length ? '' : ' []'}`,
    ...targets,
    '',
  ].join('\n');
}

async function measureLayout(
  layout: Layout,
  size: number,
  history: { cacheDir: string; start: number; end: number },
  options: { workloadHost: string; intervalSeconds: number; slothStep: number; periodInputDays: number },
  defer: (step: () => unknown) => void
) {
  const doc = benchRegistry(size);
  const dir = mkdtempSync(path.join(os.tmpdir(), `bizowner-bench-rule-cost-${layout}-`));
  defer(() => rmSync(dir, { recursive: true, force: true }));
  const tsdbDir = path.join(dir, 'data');
  copyTsdb(history.cacheDir, tsdbDir);
  const { rules, periodInputs, intervals } = layoutRules(layout, doc, options.slothStep, options.intervalSeconds);
  const days = layout === 'sloth' ? options.periodInputDays : DAYS;
  const backfilledSamples = await backfillRecorded({
    groups: periodInputs,
    tsdbDir,
    workDir: path.join(dir, 'work'),
    historyStart: Math.max(history.start, history.end - days * DAY),
    historyEnd: history.end,
    // the longest window summed from the 5-minute increases (6h in the Google presets)
    recentSeconds: SUB_DAY_SECONDS,
    wholeHistory: layout === 'sloth',
    log: say,
  });
  say(`${layout}, ${size} SLOs: ${backfilledSamples} period input samples backfilled`);

  // live: Prometheus evaluates the rules
  const rulesFile = path.join(dir, 'rules.yaml');
  writeFileSync(rulesFile, renderRuleFile(rules));
  const configFile = path.join(dir, 'prometheus.yml');
  const port = await freePort();
  const scrape = [options.workloadHost, `127.0.0.1:${port}`];
  writeFileSync(configFile, configText(rulesFile, scrape, options.intervalSeconds));
  let server = await startPrometheusProcess({ configFile, tsdbDir, port, readyTimeoutMs: 300_000 });
  defer(() => server.stop());
  const rulesSince = Date.now();
  say(`${layout}: Prometheus ${server.url} (PID ${server.pid}) with ${rules.groups.length} groups`);
  const timeoutMs = Math.max(300_000, options.intervalSeconds * 15_000);
  await until('live samples in the 5-minute window', timeoutMs, async () => {
    return (await instant(server.url, 'sum(rate(http_requests_total[5m]))')).length > 0;
  });
  // hourly groups run at their own offset in the hour: wait for the groups of every cycle
  const everyCycle = (name: string) => (intervals.get(name) ?? options.intervalSeconds) === options.intervalSeconds;
  let groups = await nextCycle(server.url, new Map(), timeoutMs, everyCycle);
  for (let i = 0; i < 2; i++) {
    groups = await nextCycle(server.url, new Map(groups.map((g) => [g.name, g.lastEvaluation])), timeoutMs, everyCycle);
  }
  const withRules = await cpuPerCycle(server.url, options.intervalSeconds);
  say(`${layout}: ${withRules.toFixed(3)} CPU seconds per cycle with the rules`);
  const concurrentSeconds = groups.reduce((sum, g) => sum + g.evaluationTime, 0);
  const samplesQuery = 'sum(prometheus_rule_group_last_evaluation_samples)';
  await until('a scrape of Prometheus itself', timeoutMs, async () => {
    return (await instant(server.url, samplesQuery)).length > 0;
  });
  const ruleSamples = Number((await instant(server.url, samplesQuery))[0].value[1]);
  // The windows summed one 5-minute increase every 5 minutes hold a live one only once a multiple of
  // 5 minutes has passed since every group first ran (the backfilled increases end hours earlier).
  const warm = rulesSince + (300 + 3 * options.intervalSeconds) * 1000 - Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, warm)));
  // over hours: the hourly tiles were last backfilled at the end of the history, 3 to 4 hours ago
  const series = await instant(
    server.url,
    'count by (__name__) (last_over_time({__name__=~"slo:.+|sloth_slo_info"}[6h]))'
  );
  const seriesByName = Object.fromEntries(series.map((s) => [s.metric.__name__, Number(s.value[1])]));
  const totalSeries = Object.values(seriesByName).reduce((sum, count) => sum + count, 0);
  const ruleErrors = groups.flatMap((g) => g.rules).filter((rule) => rule.health === 'err');
  if (ruleErrors.length) {
    say(`${layout}: ${ruleErrors.length} rules failed, e.g. ${ruleErrors[0].lastError}`);
  }
  const time = Math.max(...groups.filter((g) => everyCycle(g.name)).map((g) => Date.parse(g.lastEvaluation) / 1000));
  await server.stop();

  // the same Prometheus scraping the same targets without rules, for the CPU it spends anyway
  writeFileSync(configFile, configText(undefined, scrape, options.intervalSeconds));
  server = await startPrometheusProcess({ configFile, tsdbDir, port, readyTimeoutMs: 300_000 });
  await until('a scrape of Prometheus itself', timeoutMs, async () => {
    return (await instant(server.url, 'up')).length >= scrape.length;
  });
  const baseline = await cpuPerCycle(server.url, options.intervalSeconds);
  say(`${layout}: ${baseline.toFixed(3)} CPU seconds per cycle without rules`);
  await server.stop();

  // sequential: every rule's expression, one after the other, on a Prometheus doing nothing else
  writeFileSync(configFile, configText(undefined, [], options.intervalSeconds));
  server = await startPrometheusProcess({ configFile, tsdbDir, readyTimeoutMs: 300_000 });
  const planned = rules.groups.flatMap((group) =>
    group.rules.map((rule) => ({
      kind: kindOf(group, rule),
      rule,
      perCycle: Math.min(1, options.intervalSeconds / (intervals.get(group.name) ?? options.intervalSeconds)),
    }))
  );
  const passes: QueryCost[][] = [];
  for (let run = 0; run <= RUNS; run++) {
    const costs: QueryCost[] = [];
    for (const { rule } of planned) {
      costs.push(await timedQuery(server.url, rule.expr, { time }));
    }
    passes.push(costs);
  }
  await server.stop();
  const measured = passes.slice(1);
  const total = (keep: (i: number) => boolean, key: 'execMs' | 'samples') =>
    median(measured.map((costs) => costs.reduce((sum, cost, i) => sum + (keep(i) ? cost[key] : 0), 0)));
  const amortised = median(
    measured.map((costs) => costs.reduce((sum, cost, i) => sum + cost.execMs * planned[i].perCycle, 0))
  );
  const kinds = [...new Set(planned.map((entry) => entry.kind))];
  const all = rules.groups.flatMap((g) => g.rules);
  return {
    layout,
    slos: size,
    groups: rules.groups.length,
    recordingRules: all.filter((rule) => !isAlertingRule(rule)).length,
    alertingRules: all.filter(isAlertingRule).length,
    periodInputDays: days,
    backfilledSamples,
    evalSeconds: round(total(() => true, 'execMs') / 1000, 3),
    evalSecondsAmortised: round(amortised / 1000, 3),
    samplesPerCycle: total(() => true, 'samples'),
    evalSecondsByKind: Object.fromEntries(
      kinds.map((kind) => [kind, round(total((i) => planned[i].kind === kind, 'execMs') / 1000, 3)])
    ),
    samplesByKind: Object.fromEntries(kinds.map((kind) => [kind, total((i) => planned[i].kind === kind, 'samples')])),
    concurrentEvalSeconds: round(concurrentSeconds, 3),
    cpuSecondsPerCycle: round(withRules - baseline, 3),
    cpuSecondsPerCycleWithRules: round(withRules, 3),
    cpuSecondsPerCycleBaseline: round(baseline, 3),
    cpuWindowSeconds: CPU_WINDOW_SECONDS,
    ruleSamplesPerCycle: ruleSamples,
    seriesPerSlo: round(totalSeries / size, 2),
    seriesByName,
    ruleErrors: ruleErrors.length,
  };
}

withCleanup(NAME, async (defer) => {
  const { values } = parseArgs({
    options: {
      ours: { type: 'string', default: '250,1000' },
      sloth: { type: 'string', default: '250:30,1000:7' },
      'sloth-step': { type: 'string', default: '300' },
      interval: { type: 'string', default: '20' },
    },
  });
  const runs = [
    ...values.ours.split(',').map((size) => ({ layout: 'ours' as const, size: Number(size), days: DAYS })),
    ...values.sloth.split(',').map((entry) => {
      const [size, days] = entry.split(':').map(Number);
      return { layout: 'sloth' as const, size, days: days || DAYS };
    }),
  ];
  const slothStep = Number(values['sloth-step']);
  const intervalSeconds = Number(values.interval);
  const end = Math.floor((Date.now() / 1000 - 3 * HOUR) / HOUR) * HOUR;
  say(`preparing ${DAYS} days of demo history up to ${new Date(end * 1000).toISOString()} (cached for the hour)`);
  const history = await prepareDemoHistory({ days: DAYS, end, stepSeconds: STEP_SECONDS });
  const workload = await startWorkload({ host: '127.0.0.1', port: 0 });
  defer(() => workload.close());
  const results: Array<Awaited<ReturnType<typeof measureLayout>>> = [];
  const workloadHost = new URL(workload.url).host;
  for (const { layout, size, days } of runs.filter((run) => run.size > 0)) {
    const options = { workloadHost, intervalSeconds, slothStep, periodInputDays: days };
    const result = await measureLayout(layout, size, history, options, defer);
    say(
      `${layout}, ${size} SLOs: ${result.evalSeconds} s per cycle sequentially (${result.samplesPerCycle} samples; ` +
        `amortised by group interval ${result.evalSecondsAmortised} s), ` +
        `${result.concurrentEvalSeconds} s summed by Prometheus, ${result.seriesPerSlo} series per SLO`
    );
    results.push(result);
  }
  const ours1000 =
    results.find((r) => r.layout === 'ours' && r.slos === 1000) ?? results.find((r) => r.layout === 'ours');
  const file = writeResults(
    NAME,
    { rule_eval_1000_s: ours1000?.evalSecondsAmortised ?? 0, series_per_slo: ours1000?.seriesPerSlo ?? 0 },
    {
      historyDays: DAYS,
      rawStepSeconds: STEP_SECONDS,
      slothRatioStepSeconds: slothStep,
      evaluationIntervalSeconds: intervalSeconds,
      runs: RUNS,
      historyEnd: new Date(history.end * 1000).toISOString(),
      results,
    }
  );
  say(`results in ${file}`);
});
