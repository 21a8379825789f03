/**
 * Recorded series (`slo:*`) of the demo data source: each recording rule generated from the
 * registry is a virtual series, evaluated on demand at the times Prometheus would have evaluated
 * its group (multiples of the group's interval) and memoised. Like a stored series, a value is
 * visible to instant selectors for the 5-minute lookback after its evaluation.
 */
import type { RegistryDocument } from '../../src/domain/model';
import { generateRuleFiles, isAlertingRule, LABEL_ID } from '../../src/domain/rules';
import { Expr, parseDuration, parsePromql, SelectorExpr } from './ast';
import type { RangeNeed } from './functions';
import type { SeriesSource } from './source';
import { DemoQueryError, Labels, Matcher, NAME, Sample, Series, Value, labelsKey, matchesAll } from './values';

/** Prometheus' default lookback: how long after its timestamp a sample is returned by an instant selector. */
export const LOOKBACK_SECONDS = 300;

/** Recorded points one query may read (memoised or not): about two seconds of work. */
const MAX_POINT_READS = 5_000_000;

/** A recording rule as a virtual series definition. */
export interface VirtualSeries {
  record: string;
  expr: string;
  labels: Labels;
  /** Seconds between evaluations: the group's `interval`, or the global evaluation interval. */
  interval: number;
}

/** The recording rules of the Prometheus rule files generated from a registry (Loki rules are left out). */
export function virtualSeriesOf(doc: RegistryDocument, defaultInterval: number): VirtualSeries[] {
  return generateRuleFiles(doc).prometheus.flatMap(({ file }) =>
    file.groups.flatMap((group) =>
      group.rules.flatMap((rule) =>
        isAlertingRule(rule)
          ? []
          : [
              {
                record: rule.record,
                expr: rule.expr,
                labels: rule.labels ?? {},
                interval: group.interval ? parseDuration(group.interval) : defaultInterval,
              },
            ]
      )
    )
  );
}

type Evaluate = (expr: Expr, t: number) => Value;

/** Recording rules evaluated on demand as a {@link SeriesSource}. */
export class RecordedSource implements SeriesSource {
  private readonly parsed = new Map<VirtualSeries, Expr>();
  private readonly memo = new Map<string, Sample[]>();
  private readonly running = new Set<string>();
  private readonly ids = new Map<number, Set<string> | undefined>();
  private pointReads = 0;
  /** Names of the recorded series. */
  readonly names: string[];

  constructor(
    private readonly rules: VirtualSeries[],
    private readonly evaluate: Evaluate,
    private readonly now: () => number
  ) {
    this.names = [...new Set(rules.map((rule) => rule.record))];
  }

  /** Starts the read budget of a new query. */
  beginQuery(): void {
    this.pointReads = 0;
  }

  /**
   * Rules whose name, static labels and possible SLO ids can match; the rest of the matchers apply
   * to their results. A rule shared by every SLO has no `sloth_id` of its own: asking it for one
   * SLO's series would evaluate it for all of them, so the ids it can give are worked out from
   * the rules it reads.
   */
  private candidates(matchers: Matcher[]): Array<{ rule: VirtualSeries; index: number }> {
    return this.rules
      .map((rule, index) => ({ rule, index }))
      .filter(({ rule, index }) =>
        matchers.every((m) => {
          if (m.name === NAME) {
            return m.test(rule.record);
          }
          if (rule.labels[m.name] !== undefined) {
            return m.test(rule.labels[m.name]);
          }
          const ids = m.name === LABEL_ID ? this.idsOf(index) : undefined;
          return ids === undefined || [...ids].some((id) => m.test(id));
        })
      );
  }

  /** The `sloth_id` values the series of a rule can carry; undefined when any (it reads raw series). */
  private idsOf(index: number, visiting = new Set<number>()): Set<string> | undefined {
    if (this.ids.has(index)) {
      return this.ids.get(index);
    }
    const rule = this.rules[index];
    let ids: Set<string> | undefined = new Set<string>();
    if (rule.labels[LABEL_ID] !== undefined) {
      ids.add(rule.labels[LABEL_ID]);
    } else if (visiting.has(index)) {
      return undefined;
    } else {
      visiting.add(index);
      for (const selector of selectorsOf(this.expr(rule))) {
        const read = this.rules
          .map((candidate, i) => ({ candidate, i }))
          .filter(({ candidate }) => selector.matchers.every((m) => m.name !== NAME || m.test(candidate.record)));
        const inner = read.map(({ i }) => this.idsOf(i, visiting));
        if (read.length === 0 || inner.includes(undefined)) {
          ids = undefined;
          break;
        }
        inner.forEach((set) => set?.forEach((id) => ids?.add(id)));
      }
      visiting.delete(index);
    }
    this.ids.set(index, ids);
    return ids;
  }

  /** The samples a rule records at evaluation time `t`. */
  private at(rule: VirtualSeries, index: number, t: number): Sample[] {
    if (t > this.now()) {
      return [];
    }
    const key = `${index}@${t}`;
    const known = this.memo.get(key);
    if (known) {
      return known;
    }
    if (this.running.has(key)) {
      throw new DemoQueryError(`recording rule ${rule.record} depends on itself`, 'execution', 422);
    }
    this.running.add(key);
    try {
      const samples = this.toSamples(rule, this.evaluate(this.expr(rule), t));
      if (this.memo.size > 500_000) {
        this.memo.clear();
      }
      this.memo.set(key, samples);
      return samples;
    } finally {
      this.running.delete(key);
    }
  }

  private expr(rule: VirtualSeries): Expr {
    let expr = this.parsed.get(rule);
    if (!expr) {
      try {
        expr = parsePromql(rule.expr);
      } catch (error) {
        throw new DemoQueryError(`recording rule ${rule.record}: ${(error as Error).message}`);
      }
      this.parsed.set(rule, expr);
    }
    return expr;
  }

  /** Like Prometheus' rule manager: a scalar becomes one sample without labels; rule labels and the name are set. */
  private toSamples(rule: VirtualSeries, value: Value): Sample[] {
    if (value.kind === 'matrix' || value.kind === 'string') {
      throw new DemoQueryError(`recording rule ${rule.record} does not give an instant vector`, 'execution', 422);
    }
    const raw = value.kind === 'scalar' ? [{ labels: {}, value: value.value }] : value.samples;
    const samples = raw.map((sample) => ({
      labels: { ...sample.labels, ...rule.labels, [NAME]: rule.record },
      value: sample.value,
    }));
    if (new Set(samples.map((sample) => labelsKey(sample.labels))).size !== samples.length) {
      throw new DemoQueryError(
        `recording rule ${rule.record}: vector contains metrics with the same labelset after applying rule labels`,
        'execution',
        422
      );
    }
    return samples;
  }

  instant(matchers: Matcher[], t: number): Sample[] {
    return this.candidates(matchers).flatMap(({ rule, index }) => {
      const evaluated = Math.floor(t / rule.interval) * rule.interval;
      if (t - evaluated > LOOKBACK_SECONDS) {
        return [];
      }
      return this.at(rule, index, evaluated).filter((sample) => matchesAll(sample.labels, matchers));
    });
  }

  range(matchers: Matcher[], start: number, end: number, need: RangeNeed): Series[] {
    if (need === 'last') {
      return this.last(matchers, start, end);
    }
    const bySeries = new Map<string, Series>();
    for (const { rule, index } of this.candidates(matchers)) {
      for (let t = Math.ceil(start / rule.interval) * rule.interval; t <= end; t += rule.interval) {
        if (++this.pointReads > MAX_POINT_READS) {
          throw new DemoQueryError(
            'the query reads too many recorded samples for the demo data source; narrow the range or run npm run sandbox:prometheus',
            'execution',
            422
          );
        }
        for (const sample of this.at(rule, index, t)) {
          if (matchesAll(sample.labels, matchers)) {
            const key = labelsKey(sample.labels);
            const series = bySeries.get(key) ?? { labels: sample.labels, points: [] };
            series.points.push([t, sample.value]);
            bySeries.set(key, series);
          }
        }
      }
    }
    return [...bySeries.values()];
  }

  /**
   * Each rule's samples at its last evaluation in `[start, end]`: what `last_over_time` reads,
   * without evaluating the rule at every step of the range (a budget left read over 2 hours would
   * evaluate a rule that sums 30 days of tiles 120 times for an SLO that records it every minute).
   * The demo model's series do not stop, so a rule with no sample at its last evaluation is taken to
   * have none earlier in the range either.
   */
  private last(matchers: Matcher[], start: number, end: number): Series[] {
    return this.candidates(matchers).flatMap(({ rule, index }) => {
      const t = Math.floor(end / rule.interval) * rule.interval;
      if (t < start) {
        return [];
      }
      return this.at(rule, index, t)
        .filter((sample) => matchesAll(sample.labels, matchers))
        .map((sample): Series => ({ labels: sample.labels, points: [[t, sample.value]] }));
    });
  }

  series(matchers: Matcher[], _start: number, end: number): Labels[] {
    return this.candidates(matchers).flatMap(({ rule, index }) => {
      const evaluated = Math.floor(Math.min(end, this.now()) / rule.interval) * rule.interval;
      return this.at(rule, index, evaluated)
        .filter((sample) => matchesAll(sample.labels, matchers))
        .map((s) => s.labels);
    });
  }
}

/** The vector selectors of an expression, inside range selectors and subqueries too. */
function selectorsOf(expr: Expr): SelectorExpr[] {
  switch (expr.type) {
    case 'selector':
      return [expr];
    case 'matrix':
      return [expr.selector];
    case 'subquery':
    case 'unary':
      return selectorsOf(expr.expr);
    case 'call':
      return expr.args.flatMap(selectorsOf);
    case 'aggregate':
      return [...(expr.param ? selectorsOf(expr.param) : []), ...selectorsOf(expr.expr)];
    case 'binary':
      return [...selectorsOf(expr.lhs), ...selectorsOf(expr.rhs)];
    default:
      return [];
  }
}
