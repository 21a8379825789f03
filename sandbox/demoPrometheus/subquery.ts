/**
 * Subqueries `expr[range:step] offset o` with Prometheus 2.x semantics: the inner expression is
 * evaluated at the absolute multiples of the step (aligned to the Unix epoch) within
 * `[t - o - range, t - o]`, both ends included as in Prometheus 2's range selection, and the
 * results form a range vector with one series per label set. Inner results are memoised per
 * query by expression and time, so a range query over a subquery evaluates each step once.
 */
import type { Expr, SubqueryExpr } from './ast';
import { DemoQueryError, Sample, Series, Value, labelsKey } from './values';

/** Step of a subquery without one: Prometheus' default global evaluation interval. */
export const DEFAULT_SUBQUERY_STEP = 60;

/** Inner evaluations one query may run (memoised ones are free). */
const MAX_STEPS = 100_000;

/** A subquery's points and the window they cover (Unix seconds). */
export interface SubqueryWindow {
  series: Series[];
  start: number;
  end: number;
}

/** Evaluates subqueries through the evaluator's `evaluate`, with a per-query memo and step budget. */
export class Subqueries {
  private memo = new Map<Expr, Map<number, Sample[]>>();
  private steps = 0;

  constructor(
    private readonly evaluate: (expr: Expr, t: number) => Value,
    private readonly defaultStep = DEFAULT_SUBQUERY_STEP
  ) {}

  /** Forgets the memo and starts the step budget of a new query. */
  beginQuery(): void {
    this.memo = new Map();
    this.steps = 0;
  }

  private at(expr: Expr, ms: number): Sample[] {
    let known = this.memo.get(expr);
    if (!known) {
      known = new Map();
      this.memo.set(expr, known);
    }
    let samples = known.get(ms);
    if (!samples) {
      if (++this.steps > MAX_STEPS) {
        throw new DemoQueryError(
          'the query evaluates too many subquery steps for the demo data source; use a longer step or run npm run sandbox:prometheus',
          'execution',
          422
        );
      }
      const value = this.evaluate(expr, ms / 1000);
      if (value.kind !== 'vector') {
        throw new DemoQueryError(`subquery is only allowed on instant vector, got ${value.kind} instead`);
      }
      samples = value.samples;
      known.set(ms, samples);
    }
    return samples;
  }

  /** The range vector of `subquery` at evaluation time `t`. */
  select(subquery: SubqueryExpr, t: number): SubqueryWindow {
    // integer milliseconds, as Prometheus computes the steps: no drift from adding fractions
    const endMs = Math.round((t - subquery.offset) * 1000);
    const rangeMs = Math.round(subquery.range * 1000);
    const stepMs = Math.round((subquery.step > 0 ? subquery.step : this.defaultStep) * 1000);
    const bySeries = new Map<string, Series>();
    for (let k = Math.ceil((endMs - rangeMs) / stepMs); k * stepMs <= endMs; k++) {
      const ms = k * stepMs;
      for (const sample of this.at(subquery.expr, ms)) {
        const key = labelsKey(sample.labels);
        const series = bySeries.get(key) ?? { labels: sample.labels, points: [] };
        series.points.push([ms / 1000, sample.value]);
        bySeries.set(key, series);
      }
    }
    return { series: [...bySeries.values()], start: (endMs - rangeMs) / 1000, end: endMs / 1000 };
  }
}
