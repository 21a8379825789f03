/**
 * Proof against the originals (issue 16, item 6), for Pyrra: Pyrra's test objectives, written as
 * ServiceLevelObjective resources and imported as a user does (`cli import --from pyrra SLO`, then
 * `cli rules REGISTRY`, run in-process), must record the same error ratios and fire the same alerts
 * at the same times as the rules Pyrra generates for them.
 *
 * Pyrra publishes no generated rule files; what it generates for its test objectives is the
 * expected `monitoringv1.RuleGroup` of each case of `TestObjective_Burnrates` (slo/rules_test.go).
 * Three cases are replayed: http-ratio (ratio, 99 %), http-latency (classic histogram, 99.5 %) and
 * prometheus-up-targets (bool gauge, 99 %), all over 28 days (fixtures/originals/pyrra, NOTICE.md
 * there; the transcribed rule files are checked against the verbatim Go source below).
 *
 * Both rule files are evaluated by the real `promtool test rules` on the same input series: steady
 * traffic within budget, a burn and a recovery, over 10 hours (fixtures/originals/pyrraExamples.ts).
 * Pyrra records each window's error ratio as `<metric>:burnrate<window>`; it is compared with the
 * app's error ratio of the same window as its alerts and panels query it (summed from the SLO's
 * recorded increases, or its recorded ratio for the bool gauge, fixtures/originals/appQueries.ts),
 * dumped as `slo:sli_error:ratio_rate<window>`, every 2m30s, on the 5-minute marks and between them. Alerts are read every 30 s (the evaluation interval) and matched by SLO and
 * burn-rate tier: Pyrra's `long` window (1h, 6h, 1d, 4d) against the app's `burn_tier` (the
 * importer names the tiers as Pyrra's severities do: fast-burn, medium-burn, slow-burn,
 * long-term-burn). Labels are compared on every matched sample: Pyrra's `job` and `slo` must be
 * there with the same values.
 *
 * Not comparable in 10 hours: the 1d and 4d windows cannot fill. Both sides read what exists, as a
 * freshly deployed SLO does, and are compared within the allowances below.
 *
 * Every difference is either covered by an entry of ALLOWED — what may differ, by how much at most,
 * and why — or fails the test with the series, the time and both values.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

import { runCli } from '../../src/cli/run';
import { fakeIo } from '../../src/cli/testing/fakeIo';
import {
  Allowance,
  classify,
  compareDumps,
  CompareOptions,
  Context,
  describe as describeDifference,
  Difference,
  firingRuns,
  report,
  valueAt,
} from './fixtures/originals/compare';
import { BURN_START, END, EVALUATION, SCRAPE } from './fixtures/originals/examples';
import { Dump, evaluateRules, formatSeconds, Sample } from './fixtures/originals/harness';
import {
  FileGroup,
  parseGoRuleGroup,
  PYRRA,
  pyrraCases,
  PyrraCase,
  pyrraFile,
} from './fixtures/originals/pyrraExamples';
import { windowRatiosQuery } from './fixtures/originals/appQueries';
import { MARK, Runs, runsLateBy, windowLagAllowances } from './fixtures/originals/windowLags';
import { requirePromtool } from './fixtures/rules/promtool';

/**
 * Pyrra's burn-rate tiers of a 28d SLO (slo/rules.go `Windows`: the SLO window divided, rounded to
 * the minute) with the labels Pyrra puts on their alerts: `short`, `long`, `exhaustion` (the SLO
 * window / factor, `Objective.Exhausts`) and the hold before an alert fires (`for`, seconds).
 * Named as the importer names them (src/domain/io/pyrraAlerting.ts); the first two page.
 */
const TIERS: Record<string, { short: string; long: string; exhaustion: string; hold: number; page: boolean }> = {
  'fast-burn': { short: '5m', long: '1h', exhaustion: '2d', hold: 2 * 60, page: true },
  'medium-burn': { short: '30m', long: '6h', exhaustion: '4d', hold: 15 * 60, page: true },
  'slow-burn': { short: '2h', long: '1d', exhaustion: '2w', hold: 3600, page: false },
  'long-term-burn': { short: '6h', long: '4d', exhaustion: '4w', hold: 3 * 3600, page: false },
};
/** The tiers whose alert Pyrra fires in each case's scenario (see pyrraExamples.ts). */
const FIRING_TIERS: Record<string, string[]> = {
  'http-ratio': ['fast-burn', 'long-term-burn', 'medium-burn', 'slow-burn'],
  'http-latency': ['fast-burn', 'long-term-burn', 'slow-burn'],
  'prometheus-up-targets': ['fast-burn', 'long-term-burn', 'slow-burn'],
};
const TIER_BY_LONG = new Map(Object.entries(TIERS).map(([tier, { long }]) => [long, tier]));

/** Pyrra's ratios, and the app's ratios of every window (its 28d period ratio included). */
const UPSTREAM_QUERY = '{__name__=~".+:burnrate.+"}';
const APP_QUERY = windowRatiosQuery([
  ...new Set(Object.values(TIERS).flatMap(({ short, long }) => [short, long])),
  '28d',
]);
/** Pending alerts too: Pyrra's hold shows as `alertstate="pending"`. */
const ALERTS_QUERY = 'ALERTS';

function range(from: number, to: number, step: number): number[] {
  return Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
}

/** Values are read at every evaluation (for the allowances that look back) and compared every 2m30s. */
const DUMP_TIMES = range(300, END, EVALUATION);
const VALUE_TIMES = range(300, END, 150);
const ALERT_TIMES = range(EVALUATION, END, EVALUATION);

const COMPARE: CompareOptions = {
  // floating-point noise only
  relative: 1e-9,
  ignoredLabels: [],
  alertClass: (labels) => labels.burn_tier ?? TIER_BY_LONG.get(labels.long ?? ''),
};

/** Runs of an alert whose condition holds over `condition`, with a hold of `hold` seconds (`for:`). */
function held(condition: Runs, hold: number): Runs {
  return condition.filter(([start, end]) => end - start >= hold).map(([start, end]) => [start + hold, end]);
}

const isEventSli = (difference: Difference, context: Context) =>
  ['ratio', 'latency'].includes(context.sliKind(difference.sloId) ?? '');
const tierOf = (difference: Difference) => TIERS[difference.name.replace(/^ALERTS /, '')];

/**
 * How late the app's alert of a tier may start and end against the moment Pyrra's condition holds:
 * a freeform SLI (bool gauge) records Pyrra's own ratios in the SLO's group before its alerts, so
 * not at all; event SLIs by their stepped windows (pages: they sum the increases their own group
 * has just recorded) and their tiled windows plus one evaluation (tickets: the tiles' group runs
 * after theirs).
 */
function alertLag(difference: Difference, context: Context): number {
  if (!isEventSli(difference, context)) {
    return 0;
  }
  return tierOf(difference).page ? MARK : 3600 + EVALUATION;
}

/**
 * The allowed differences; everything else fails. Each says what may differ, by how much at most,
 * and why. `condition` holds, per alert (`ALERTS <tier>{sloth_id="…"}`), the runs during which
 * Pyrra's alert is pending or firing: when its expression holds.
 */
function allowances(condition: Map<string, Runs>): Allowance[] {
  return [
    {
      id: 'app-identity-labels',
      what:
        'labels tier, sloth_service and sloth_slo on the app’s series and alerts, and burn_tier, ' +
        'sloth_severity, objective and slo_window on its alerts, absent from Pyrra’s',
      reason:
        'the app labels every series with the service’s tier and its SLO identity, which its dashboards, ' +
        'gate and alerts select on (src/domain/rules/context.ts), and names each alert’s tier, objective and ' +
        'window (which keep its registry-wide alerting rules apart, src/domain/rules/shared-alerts.ts); only added: ' +
        'Pyrra’s own labels (slo, job, severity, alertname) are compared and must be equal',
      covers: (d) =>
        d.kind === 'label' &&
        d.upstream === undefined &&
        (['tier', 'sloth_service', 'sloth_slo'].includes(d.label ?? '') ||
          (d.name.startsWith('ALERTS') &&
            ['burn_tier', 'sloth_severity', 'objective', 'slo_window'].includes(d.label ?? ''))),
    },
    {
      id: 'pyrra-window-labels',
      what: 'labels short, long and exhaustion on Pyrra’s alerts (its values for the tier), absent from the app’s',
      reason:
        'the registry has no per-tier alert labels; the import warns that Pyrra labels its alerts with ' +
        'short, long and exhaustion and that the app’s carry burn_tier instead (pyrraAlerting.ts), which ' +
        'names the same tier',
      covers: (d) => {
        const tier = tierOf(d);
        const label = d.label as 'short' | 'long' | 'exhaustion';
        return (
          d.kind === 'label' &&
          tier !== undefined &&
          ['short', 'long', 'exhaustion'].includes(d.label ?? '') &&
          d.app === undefined &&
          d.upstream === tier[label]
        );
      },
    },
    {
      id: 'app-period-ratio',
      what: 'slo:sli_error:ratio_rate28d of the app only',
      reason:
        'the app’s 28d period ratio (its budget left sums it from the hourly tiles); Pyrra computes its period ' +
        'from its increase rules (`<metric>:increase4w`), not from the burn-rate rules its test case lists',
      covers: (d) => d.kind === 'extra' && d.name === 'slo:sli_error:ratio_rate28d' && d.window === '28d',
    },
    ...windowLagAllowances({
      upstream: 'Pyrra',
      summed: isEventSli,
      stepped: ['1h', '2h', '6h'],
      ramped: ['30m'],
      tiled: ['1d', '4d'],
    }),
    {
      id: 'pyrra-hold',
      what:
        'alerts: Pyrra’s fire once their expression has held for 2m, 15m, 1h or 3h (fast to long-term ' +
        'burn) and not at all when it holds less; the app’s fire while their expression holds, over the same ' +
        'runs as Pyrra’s pending-or-firing alert, each starting and ending 0 to 5m later for pages and ' +
        '0 to 1h0m30s later for tickets of event SLIs, at the same times for the bool gauge',
      reason:
        'the registry has no hold time (`for:`); the import warns that Pyrra holds its alerts and the ' +
        'app’s fire as soon as both windows burn (pyrraAlerting.ts). The lags are those of the app’s ' +
        'stepped and tiled windows (above), plus one evaluation for tickets, whose tiles are recorded by a ' +
        'group that runs after theirs. Checked: Pyrra’s firing runs are exactly its condition runs delayed by the tier’s hold',
      covers: (d, c) => {
        const tier = tierOf(d);
        if (d.kind !== 'alert' || tier === undefined) {
          return false;
        }
        const holds = condition.get(`${d.name}{sloth_id="${d.sloId}"}`) ?? [];
        return (
          JSON.stringify(d.upstreamRuns ?? []) === JSON.stringify(held(holds, tier.hold)) &&
          runsLateBy(holds, d.appRuns ?? [], alertLag(d, c))
        );
      },
    },
  ];
}

/** Runs the command line in-process, on in-memory files. */
async function cli(
  args: string[],
  files: Record<string, string>
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = fakeIo({ files, disk: false });
  const code = await runCli(args, io);
  return { code, stdout: io.stdoutText, stderr: io.stderrText };
}

interface AppSide {
  rules: string;
  /** SLI kind by SLO id, from the imported registry. */
  kinds: Map<string, string>;
  /** The app's SLO id by Pyrra's `slo` label (the SLO's name). */
  ids: Map<string, string>;
  /** What the import warned about, for the log. */
  warnings: string[];
}

/** The app's rules for the case, as a user gets them: `cli import --from pyrra SLO`, then `cli rules`. */
async function appSide(pyrra: PyrraCase): Promise<AppSide> {
  const imported = await cli(['import', '--from', 'pyrra', pyrra.slo.file], { [pyrra.slo.file]: pyrra.slo.text });
  if (imported.code !== 0) {
    throw new Error(`cli import --from pyrra ${pyrra.name} failed (${imported.code}):\n${imported.stderr}`);
  }
  const rules = await cli(['rules', 'registry.yaml'], { 'registry.yaml': imported.stdout });
  if (rules.code !== 0) {
    throw new Error(`cli rules refuses the registry imported from ${pyrra.name} (${rules.code}):\n${rules.stderr}`);
  }
  const slos = (parse(imported.stdout) as { slos: Array<{ id: string; name: string; sli: { kind: string } }> }).slos;
  return {
    rules: rules.stdout,
    kinds: new Map(slos.map((slo) => [slo.id, slo.sli.kind])),
    ids: new Map(slos.map((slo) => [slo.name, slo.id])),
    warnings: imported.stderr.split('\n').filter((line) => line.startsWith('warning:')),
  };
}

/** What one side recorded: ratios, firing alerts, and (Pyrra) the alerts pending or firing. */
interface Side {
  values: Dump;
  firing: Dump;
  active: Dump;
  pending: Sample[];
}

function evaluate(rules: string, valuesQuery: string, pyrra: PyrraCase): Dump {
  return evaluateRules({
    rules: [rules],
    // one group on Pyrra's side; the app's own groups first, then the shared ones, as data flows
    groupRank: (name) => ['slo-shared.ratios', 'slo-shared.tiled', 'slo-shared.budget'].indexOf(name) + 1,
    inputSeries: pyrra.series,
    scrapeInterval: SCRAPE,
    evaluationInterval: EVALUATION,
    valuesQuery,
    valueTimes: DUMP_TIMES,
    alertTimes: ALERT_TIMES,
    alertsQuery: ALERTS_QUERY,
  });
}

function mapSamples(dump: Map<number, Sample[]>, map: (sample: Sample) => Sample | undefined) {
  return new Map(
    [...dump].map(([time, samples]) => [
      time,
      samples.map(map).filter((sample): sample is Sample => sample !== undefined),
    ])
  );
}

function split(values: Map<number, Sample[]>, alerts: Map<number, Sample[]>): Side {
  const firing = mapSamples(alerts, (sample) => (sample.labels.alertstate === 'firing' ? sample : undefined));
  return {
    values: { values, alerts: new Map() },
    firing: { values: new Map(), alerts: firing },
    active: { values: new Map(), alerts },
    pending: [...alerts.values()].flat().filter((sample) => sample.labels.alertstate !== 'firing'),
  };
}

/**
 * Pyrra's recordings under the app's names: `<metric>:burnrate<w>{slo="name"}` becomes
 * `slo:sli_error:ratio_rate<w>{sloth_window="<w>", sloth_id="<the app's SLO id>"}`, and its alerts
 * get the same `sloth_id`. Every other label stays as Pyrra wrote it, to be compared.
 */
function upstreamSide(rules: string, pyrra: PyrraCase, ids: Map<string, string>): Side {
  const dump = evaluate(rules, UPSTREAM_QUERY, pyrra);
  const idOf = (labels: Record<string, string>) => {
    const id = ids.get(labels.slo ?? '');
    if (id === undefined) {
      throw new Error(`Pyrra recorded a series of SLO "${labels.slo}", which the import did not create`);
    }
    return id;
  };
  const values = mapSamples(dump.values, ({ labels, value }) => {
    const [, window] = /^.+:burnrate(\w+)$/.exec(labels.__name__) ?? [];
    const name = `slo:sli_error:ratio_rate${window}`;
    return { labels: { ...labels, __name__: name, sloth_window: window, sloth_id: idOf(labels) }, value };
  });
  const alerts = mapSamples(dump.alerts, ({ labels, value }) => ({
    labels: { ...labels, sloth_id: idOf(labels) },
    value,
  }));
  return split(values, alerts);
}

function appSideDump(rules: string, pyrra: PyrraCase, query: string): Side {
  const dump = evaluate(rules, query, pyrra);
  return split(dump.values, dump.alerts);
}

interface Outcome {
  /** When each alert's condition holds and when it fires, for the log. */
  alerts: string[];
  /** The tiers whose alert Pyrra fires. */
  firing: string[];
  found: Difference[];
  allowed: Array<{ difference: Difference; allowance: Allowance }>;
  unexplained: string[];
}

function differential(
  pyrra: PyrraCase,
  upstream: Side,
  app: Side,
  sliKind: (id: string) => string | undefined
): Outcome {
  const found = [
    ...compareDumps(upstream.values, app.values, { values: VALUE_TIMES, alerts: [] }, COMPARE),
    ...compareDumps(upstream.firing, app.firing, { values: [], alerts: ALERT_TIMES }, COMPARE),
  ];
  const context: Context = {
    burnStart: BURN_START,
    burnEnd: pyrra.burnEnd,
    evaluationInterval: EVALUATION,
    sliKind,
    upstreamBetween: (difference, from, to) =>
      DUMP_TIMES.filter((time) => time >= from && time <= to)
        .map((time) => valueAt(upstream.values, difference, time))
        .filter((value): value is number => value !== undefined),
  };
  const condition = firingRuns(upstream.active, ALERT_TIMES, COMPARE.alertClass);
  const { allowed, unexplained } = classify(found, allowances(condition), context);
  const theirs = firingRuns(upstream.firing, ALERT_TIMES, COMPARE.alertClass);
  const ours = firingRuns(app.firing, ALERT_TIMES, COMPARE.alertClass);
  const runs = (list?: Runs) =>
    list && list.length > 0
      ? list.map(([from, to]) => `${formatSeconds(from)}–${formatSeconds(to)}`).join(', ')
      : 'never';
  const keys = [...new Set([...condition.keys(), ...ours.keys()])].sort();
  const alerts = keys.map(
    (key) =>
      `${key}: Pyrra pending or firing ${runs(condition.get(key))}, firing ${runs(theirs.get(key))}; ` +
      `app firing ${runs(ours.get(key))}`
  );
  const pending = app.pending.map(
    (sample) => `the app's alert ${JSON.stringify(sample.labels)} is pending: it has a hold`
  );
  const firing = [...theirs.keys()].map((key) => /^ALERTS (\S+)\{/.exec(key)?.[1] ?? key).sort();
  return { alerts, firing, found, allowed, unexplained: [...pending, ...report(unexplained)] };
}

/** The log of one comparison: alert runs, and per allowance how often it applied and its largest difference. */
function summary(name: string, outcome: Outcome): string {
  const byAllowance = new Map<string, Difference[]>();
  for (const { difference, allowance } of outcome.allowed) {
    byAllowance.set(allowance.id, [...(byAllowance.get(allowance.id) ?? []), difference]);
  }
  const largest = (list: Difference[]) => {
    const values = list.filter((difference) => difference.kind === 'value');
    if (values.length === 0) {
      return list[0].kind === 'alert' ? '' : `; e.g. ${describeDifference(list[0])}`;
    }
    const worst = values.reduce((a, b) => (Math.abs(b.delta ?? 0) > Math.abs(a.delta ?? 0) ? b : a));
    return `; largest: ${describeDifference(worst)}`;
  };
  return [
    `${name}: ${outcome.found.length} differences, ${outcome.allowed.length} allowed, ` +
      `${outcome.found.length - outcome.allowed.length} not`,
    ...outcome.alerts.map((line) => `  ${line}`),
    ...[...byAllowance].map(([id, list]) => `  allowed by ${id}: ${list.length}${largest(list)}`),
    ...outcome.unexplained.map((line) => `  NOT ALLOWED: ${line}`),
  ].join('\n');
}

const sides = new Map<string, Side>();

/** One side's recordings (cached: the perturbation tests reuse the unperturbed side). */
function cachedSide(key: string, make: () => Side): Side {
  const found = sides.get(key) ?? make();
  sides.set(key, found);
  return found;
}

const upstreamOf = (pyrra: PyrraCase, ids: Map<string, string>, rules = pyrra.rules) =>
  cachedSide(`upstream\n${pyrra.name}\n${rules}`, () => upstreamSide(rules, pyrra, ids));
const appOf = (pyrra: PyrraCase, rules: string, query = APP_QUERY) =>
  cachedSide(`app\n${pyrra.name}\n${rules}\n${query}`, () => appSideDump(rules, pyrra, query));

beforeAll(() => {
  requirePromtool();
});

describe.each(pyrraCases().map((pyrra) => [pyrra.name, pyrra] as const))('Pyrra test case %s', (_name, pyrra) => {
  it('records the same error ratios and fires the same alerts at the same times as the rules Pyrra generates', async () => {
    const side = await appSide(pyrra);
    const outcome = differential(pyrra, upstreamOf(pyrra, side.ids), appOf(pyrra, side.rules), (id) =>
      side.kinds.get(id)
    );
    console.log([...side.warnings, summary(pyrra.name, outcome)].join('\n'));
    expect(outcome.unexplained).toEqual([]);
    // the scenario still makes these tiers fire (pyrraExamples.ts), so their alerts are compared
    expect(outcome.firing).toEqual(FIRING_TIERS[pyrra.name]);
  });
});

describe('the upstream files', () => {
  // `git hash-object FILE`: the blob ids the NOTICE lists for each verbatim copy
  const blob = (text: Buffer) =>
    createHash('sha1')
      .update(Buffer.concat([Buffer.from(`blob ${text.length}\0`), text]))
      .digest('hex');

  it('are the verbatim copies their NOTICE names', () => {
    const notice = readFileSync(path.join(PYRRA, 'NOTICE.md'), 'utf8');
    const rows = [...notice.matchAll(/^\| `([^`]+)` +\| `[^`]+` +\| `[\d–-]+` +\| `([0-9a-f]{40})` +\|$/gm)];
    expect(rows.map(([, file]) => file).sort()).toEqual(
      [
        ...pyrraCases().map((pyrra) => `upstream/rules_test.go.${pyrra.name}.txt`),
        ...['objectiveHTTPRatio', 'objectiveHTTPLatency', 'objectiveUpTargets'].map(
          (name) => `upstream/promql_test.go.${name}.txt`
        ),
        'LICENSE',
      ].sort()
    );
    for (const [, file, id] of rows) {
      expect(`${file} ${blob(readFileSync(path.join(PYRRA, file)))}`).toBe(`${file} ${id}`);
    }
  });

  it.each(pyrraCases().map((pyrra) => [pyrra.name, pyrra] as const))(
    'the rule file of %s says exactly what the Go test case expects',
    (_name, pyrra) => {
      const file = parse(pyrra.rules) as { groups: FileGroup[] };
      expect(file.groups).toEqual([parseGoRuleGroup(pyrra.goCase)]);
      expect(file.groups[0].rules).toHaveLength(11);
    }
  );

  /** `name{a="b",c=~"d"}` as sorted matchers, the metric name first. */
  const selector = (text: string) => {
    const [, name, body] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?$/.exec(text.trim()) ?? [];
    const matchers = [...(body ?? '').matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)];
    return [name, ...matchers.map(([, label, op, value]) => `${label}${op}${JSON.parse(`"${value}"`)}`).sort()];
  };
  /** The metrics of a Go `Objective` literal: `Errors`, `Success`, `Total` or a bool gauge's `Metric`. */
  const goMetrics = (source: string) => {
    const ops: Record<string, string> = {
      MatchEqual: '=',
      MatchRegexp: '=~',
      MatchNotEqual: '!=',
      MatchNotRegexp: '!~',
    };
    // each metric's text runs to the next metric (its matchers are `{Type: …, Name: …, Value: …}`)
    const found = source.split(/(?=\b(?:Errors|Success|Total|Metric): Metric\{)/).slice(1);
    return Object.fromEntries(
      found.map((part) => {
        const [, role, name, rest] = /^(\w+): Metric\{\s*Name: "([^"]+)"([\s\S]*)$/.exec(part) ?? ['', part];
        const matchers = [
          ...(rest ?? '').matchAll(/\{Type: labels\.(\w+), Name: "([^"]+)", Value: "((?:[^"\\]|\\.)*)"\}/g),
        ]
          .filter(([, , label]) => label !== '__name__')
          .map(([, op, label, value]) => `${label}${ops[op]}${JSON.parse(`"${value}"`)}`);
        return [role.toLowerCase(), [name, ...matchers.sort()]];
      })
    );
  };
  const objectives: Record<string, string> = {
    'http-ratio': 'objectiveHTTPRatio',
    'http-latency': 'objectiveHTTPLatency',
    'prometheus-up-targets': 'objectiveUpTargets',
  };

  it.each(pyrraCases().map((pyrra) => [pyrra.name, pyrra] as const))(
    'the ServiceLevelObjective of %s is the Go test objective',
    (name, pyrra) => {
      const source = pyrraFile('upstream', `promql_test.go.${objectives[name]}.txt`);
      const resource = parse(pyrra.slo.text) as {
        metadata: { name: string };
        spec: { target: string; window: string; indicator: Record<string, Record<string, unknown>> };
      };
      expect(source).toContain(`labels.FromStrings(model.MetricNameLabel, "${resource.metadata.name}")`);
      expect(source).toContain(`Target: ${Number(resource.spec.target) / 100},`);
      // Pyrra reads 4w as 28 days
      expect(resource.spec.window).toBe('4w');
      expect(source).toContain('Window: model.Duration(28 * 24 * time.Hour),');
      // defaults of the resource: burn-rate and absent alerts on, no alert name
      expect(source).toMatch(/Alerting: Alerting\{\s*Burnrates: true,\s*Absent: {4}true,\s*\}/);
      const [[kind, spec]] = Object.entries(resource.spec.indicator);
      const metric = (value: unknown) => selector((value as { metric: string }).metric);
      const fromYaml =
        kind === 'bool_gauge'
          ? { metric: selector(spec.metric as string) }
          : Object.fromEntries(Object.entries(spec).map(([role, value]) => [role, metric(value)]));
      expect(fromYaml).toEqual(goMetrics(source));
    }
  );
});

describe('the harness', () => {
  const pyrra = pyrraCases().find((candidate) => candidate.name === 'http-ratio') as PyrraCase;

  it('fails on perturbed rules: a 65-minute "1h" window, fast-burn threshold ×10, a changed job label, a 10m hold', async () => {
    const side = await appSide(pyrra);
    const rules = side.rules;
    const longer = (text: string) => text.replace(/\[59m59s999ms:5m\]/g, '[1h4m59s999ms:5m]');
    const perturbed = longer(rules)
      .replace(/\(14 \* 0\.01\)/g, '(140 * 0.01)')
      .replace(/job: thanos-receive-default/g, 'job: thanos-receive');
    // the fast-burn alert's 1h window (errors and events), and the same in the dumped 1h ratio
    expect(perturbed.match(/\[1h4m59s999ms:5m\]/g)).toHaveLength(2);
    const query = longer(APP_QUERY);
    expect(query.match(/\[1h4m59s999ms:5m\]/g)).toHaveLength(2);
    expect(perturbed).toContain('(140 * 0.01)');
    const upstreamRules = pyrra.rules.replace('for: 2m0s', 'for: 10m0s');
    expect(upstreamRules).toContain('for: 10m0s');
    const kinds = (id: string) => side.kinds.get(id);
    const upstream = upstreamOf(pyrra, side.ids);

    const text = differential(pyrra, upstream, appOf(pyrra, perturbed, query), kinds).unexplained.join('\n');
    // the longer window shows on the 5-minute marks, where no allowance applies
    expect(text).toMatch(
      /slo:sli_error:ratio_rate1h\{sloth_id="monitoring-monitoring-http-errors", sloth_window="1h"\} at [\dhms]+: upstream [\d.e-]+, app [\d.e-]+/
    );
    expect(text).toMatch(
      /ALERTS fast-burn\{sloth_id="monitoring-monitoring-http-errors"\} fires: upstream \S+; app never/
    );
    expect(text).toContain(
      'slo:sli_error:ratio_rate5m{sloth_id="monitoring-monitoring-http-errors", sloth_window="5m"} label job: ' +
        'upstream "thanos-receive-default", app "thanos-receive"'
    );

    // Pyrra holding its fast-burn alert 10 minutes is not the hold the allowance documents
    const held10m = differential(pyrra, upstreamOf(pyrra, side.ids, upstreamRules), appOf(pyrra, rules), kinds);
    expect(held10m.unexplained.join('\n')).toMatch(
      /ALERTS fast-burn\{sloth_id="monitoring-monitoring-http-errors"\} fires: upstream \S+; app \S+/
    );
    expect(held10m.unexplained).toHaveLength(1);
  });
});
