/**
 * The rule layout Pyrra writes for an SLO, written here for comparison from Pyrra's documented
 * behaviour (same SLIs and raw series as ours, Pyrra's own names and labels). Per SLO, two groups:
 *
 * - `<slo>-increase`, at an interval that grows with the SLO window (2m30s for 28–34 days): the
 *   increase of the SLI's counters over the whole window, read from the raw series
 *   (`<metric>:increase<window>`, e.g. `http_requests:increase4w2d` for 30 days, grouped by the
 *   label that tells errors from the rest), and an absent alert per counter (`SLOMetricAbsent`).
 * - `<slo>`, every 30 s: the error ratio over each alert window from the raw series
 *   (`<metric>:burnrate<w>`), windows scaled from the 28-day ones (5m, 30m, 1h, 2h, 6h, 1d, 4d:
 *   5m, 32m, 1h4m, 2h9m, 6h26m, 1d1h43m, 4d6h51m for 30 days), and four multiwindow, multi-burn-rate
 *   alerts (`ErrorBudgetBurn`, 14× and 7× critical, 2× and 1× warning).
 *
 * Pyrra's optional generic rules (`pyrra_objective`, `pyrra_availability`, …, off unless
 * `--generic-rules`) and its "performance over accuracy" split are left out.
 */
import { Slo } from '../../src/domain/model';
import { AlertingRule, RecordingRule, RuleFile, RuleGroup } from '../../src/domain/rules';

interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

interface Selector {
  metric: string;
  matchers: Matcher[];
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** `name{a="b", c=~"d"}` → metric name and matchers (the simple selectors of the bench registry). */
export function parseSelector(text: string): Selector {
  const match = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?\s*$/.exec(text);
  if (!match) {
    throw new Error(`not a plain selector: ${text}`);
  }
  const matchers: Matcher[] = [];
  const body = match[2] ?? '';
  const pattern = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*,?/gy;
  let part: RegExpExecArray | null;
  while ((part = pattern.exec(body))) {
    matchers.push({ name: part[1], op: part[2] as Matcher['op'], value: part[3] });
  }
  return { metric: match[1], matchers };
}

function selectorText(selector: Selector): string {
  const matchers = [...selector.matchers].sort((a, b) => a.name.localeCompare(b.name));
  return `${selector.metric}{${matchers.map((m) => `${m.name}${m.op}"${m.value}"`).join(',')}}`;
}

/** Seconds as Prometheus prints a duration: `4w2d`, `1h4m`, `2d3h25m42s857ms`. */
export function promDuration(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms === 0) {
    return '0s';
  }
  const units: Array<[string, number]> = [
    ['y', 365 * DAY * 1000],
    ['w', 7 * DAY * 1000],
    ['d', DAY * 1000],
    ['h', HOUR * 1000],
    ['m', MINUTE * 1000],
    ['s', 1000],
    ['ms', 1],
  ];
  let text = '';
  for (const [unit, size] of units) {
    const count = Math.floor(ms / size);
    if (count > 0) {
      text += `${count}${unit}`;
      ms -= count * size;
    }
  }
  return text;
}

function windowSecondsOf(window: string): number {
  const match = /^(\d+)d$/.exec(window);
  if (!match) {
    throw new Error(`Pyrra-style rules need a window in days, not ${window}`);
  }
  return Number(match[1]) * DAY;
}

const roundMinute = (seconds: number) => Math.round(seconds / MINUTE) * MINUTE;

interface BurnWindow {
  severity: 'critical' | 'warning';
  forSeconds: number;
  long: number;
  short: number;
  factor: number;
}

/** The four alert windows, scaled from 28 days to the SLO window and rounded to the minute. */
export function pyrraWindows(windowSeconds: number): BurnWindow[] {
  const scale = (divisor: number) => roundMinute(windowSeconds / divisor);
  return [
    {
      severity: 'critical',
      forSeconds: scale(28 * 24 * 30),
      long: scale(28 * 24),
      short: scale(28 * 24 * 12),
      factor: 14,
    },
    { severity: 'critical', forSeconds: scale(28 * 24 * 4), long: scale(28 * 4), short: scale(28 * 24 * 2), factor: 7 },
    { severity: 'warning', forSeconds: scale(28 * 24), long: scale(28), short: scale(28 * 12), factor: 2 },
    { severity: 'warning', forSeconds: scale(28 * 8), long: scale(7), short: scale(28 * 4), factor: 1 },
  ];
}

/** The increase group's interval: 30 s under 7 days, 30 s more per week, 4 min from 8 weeks. */
function increaseInterval(windowSeconds: number): number {
  const weeks = Math.floor(windowSeconds / (7 * DAY));
  return Math.min(240, 30 * (weeks + 1));
}

function trimSuffix(metric: string): string {
  return metric.replace(/_(total|count|bucket)$/, '');
}

interface Indicator {
  /** Selector of all events and of the errors (ratio) or the fast events (latency). */
  total: Selector;
  errors?: Selector;
  success?: Selector;
}

function indicatorOf(slo: Slo): Indicator {
  switch (slo.sli.kind) {
    case 'ratio': {
      if (slo.sli.bad === undefined) {
        throw new Error(`${slo.id}: Pyrra-style rules need a ratio SLI with bad events`);
      }
      return { total: parseSelector(slo.sli.total), errors: parseSelector(slo.sli.bad) };
    }
    case 'latency': {
      const buckets = parseSelector(slo.sli.histogram);
      const base = buckets.metric.replace(/_bucket$/, '');
      return {
        total: { metric: `${base}_count`, matchers: buckets.matchers.filter((m) => m.name !== 'le') },
        success: {
          metric: `${base}_bucket`,
          matchers: [
            ...buckets.matchers.filter((m) => m.name !== 'le'),
            { name: 'le', op: '=', value: String(slo.sli.threshold) },
          ],
        },
      };
    }
    default:
      throw new Error(`${slo.id}: no Pyrra-style rules for ${slo.sli.kind} SLIs`);
  }
}

/** Labels whose matchers differ between the errors and the total selector: what the increase keeps. */
function differingLabels(errors: Selector, total: Selector): string[] {
  const key = (m: Matcher) => `${m.name}${m.op}${m.value}`;
  const totalKeys = new Set(total.matchers.map(key));
  return [...new Set(errors.matchers.filter((m) => !totalKeys.has(key(m))).map((m) => m.name))].sort();
}

function pyrraGroups(slo: Slo): RuleGroup[] {
  const windowSeconds = windowSecondsOf(slo.window);
  const target = Number((slo.objective / 100).toPrecision(12));
  const name = slo.id;
  const indicator = indicatorOf(slo);
  const { total } = indicator;
  const equalLabels = Object.fromEntries(total.matchers.filter((m) => m.op === '=').map((m) => [m.name, m.value]));
  const ruleLabels: Record<string, string> = { slo: name, ...equalLabels };
  const period = promDuration(windowSeconds);
  const base = trimSuffix(total.metric);
  const windows = pyrraWindows(windowSeconds);
  const absentFor = promDuration(
    roundMinute(windows[0].factor * (1 - target) * windows[0].long + windows[0].forSeconds)
  );
  const absent = (selector: Selector, labels: Record<string, string>): AlertingRule => ({
    alert: 'SLOMetricAbsent',
    expr: `absent(${selectorText(selector)}) == 1`,
    for: absentFor,
    labels: { ...labels, severity: 'critical' },
  });

  const increase: Array<RecordingRule | AlertingRule> = [];
  let burnrate: (window: string) => string;
  if (indicator.errors) {
    const grouping = differingLabels(indicator.errors, total);
    const labels = { ...ruleLabels };
    grouping.forEach((label) => delete labels[label]);
    increase.push({
      record: `${base}:increase${period}`,
      expr: `sum by (${grouping.join(', ')}) (increase(${selectorText(total)}[${period}]))`,
      labels,
    });
    increase.push(absent(total, labels));
    const errors = indicator.errors;
    burnrate = (w) => `sum(rate(${selectorText(errors)}[${w}])) / sum(rate(${selectorText(total)}[${w}]))`;
  } else {
    const success = indicator.success as Selector;
    const le = success.matchers.find((m) => m.name === 'le')?.value ?? '';
    increase.push(
      {
        record: `${base}:increase${period}`,
        expr: `sum(increase(${selectorText(total)}[${period}]))`,
        labels: ruleLabels,
      },
      {
        record: `${trimSuffix(success.metric)}:increase${period}`,
        expr: `sum(increase(${selectorText(success)}[${period}]))`,
        labels: { ...ruleLabels, le },
      },
      absent(total, ruleLabels),
      absent(success, { ...ruleLabels, le })
    );
    burnrate = (w) =>
      `(sum(rate(${selectorText(total)}[${w}])) - sum(rate(${selectorText(success)}[${w}]))) / ` +
      `sum(rate(${selectorText(total)}[${w}]))`;
  }

  const burnWindows = [...new Set(windows.flatMap((w) => [w.short, w.long]))].sort((a, b) => a - b);
  const recorded = (seconds: number) => `${base}:burnrate${promDuration(seconds)}`;
  const alertMatchers = [
    ...total.matchers.filter((m) => m.op === '=' || m.op === '!=').map((m) => `${m.name}${m.op}"${m.value}"`),
    `slo="${name}"`,
  ]
    .sort()
    .join(',');
  const burn: Array<RecordingRule | AlertingRule> = burnWindows.map((seconds) => ({
    record: recorded(seconds),
    expr: burnrate(promDuration(seconds)),
    labels: ruleLabels,
  }));
  for (const w of windows) {
    const threshold = `(${w.factor} * (1-${target}))`;
    burn.push({
      alert: 'ErrorBudgetBurn',
      expr:
        `${recorded(w.short)}{${alertMatchers}} > ${threshold} and ` +
        `${recorded(w.long)}{${alertMatchers}} > ${threshold}`,
      for: promDuration(w.forSeconds),
      labels: {
        ...ruleLabels,
        short: promDuration(w.short),
        long: promDuration(w.long),
        severity: w.severity,
        exhaustion: promDuration(Math.floor(windowSeconds / w.factor)),
      },
    });
  }
  return [
    { name: `${name}-increase`, interval: promDuration(increaseInterval(windowSeconds)), rules: increase },
    { name, interval: '30s', rules: burn },
  ];
}

/** Pyrra-style rules for every SLO. */
export function pyrraRuleFile(slos: Slo[]): RuleFile {
  return { groups: slos.flatMap(pyrraGroups) };
}
