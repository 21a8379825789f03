/**
 * The demo PromQL evaluator: evaluates an expression tree at one instant over series sources.
 * Type rules follow Prometheus (e.g. `rate` needs a range vector, aggregations an instant vector);
 * functions and operators it does not implement are refused, never approximated.
 */
import { aggregate } from './aggregate';
import { Expr, SelectorExpr } from './ast';
import { isSetOperator, scalarBinary, vectorBinary, vectorScalarBinary } from './binary';
import {
  RANGE_FUNCTIONS,
  RangeNeed,
  applyRangeFunction,
  applyVectorFunction,
  vectorFunctionArity,
  wrongArgument,
} from './functions';
import { labelJoin, labelReplace } from './labels';
import type { SeriesSource } from './source';
import { Subqueries } from './subquery';
import { DemoQueryError, Labels, NAME, Sample, Series, Value, dropName, unsupported } from './values';

const TYPE_NAMES: Record<Value['kind'], string> = {
  scalar: 'scalar',
  string: 'string',
  vector: 'instant vector',
  matrix: 'range vector',
};

/** Labels `absent()` gives: the selector's equality matchers (a label matched twice is left out). */
function absentLabels(expr: Expr): Labels {
  const selector = expr.type === 'matrix' ? expr.selector : expr.type === 'selector' ? expr : undefined;
  const labels: Labels = {};
  const twice = new Set<string>();
  for (const matcher of selector?.matchers ?? []) {
    if (matcher.op !== '=' || matcher.name === NAME) {
      continue;
    }
    if (matcher.name in labels) {
      twice.add(matcher.name);
    }
    labels[matcher.name] = matcher.value;
  }
  twice.forEach((name) => delete labels[name]);
  return labels;
}

/** Evaluates PromQL expression trees over series sources (raw demo series and recorded series). */
export class Evaluator {
  private readonly subqueries = new Subqueries((expr, t) => this.evaluate(expr, t));

  constructor(private readonly sources: SeriesSource[]) {}

  /** Starts a new query: subquery results memoised for the previous one are forgotten. */
  beginQuery(): void {
    this.subqueries.beginQuery();
  }

  private select(selector: SelectorExpr, t: number): Sample[] {
    return this.sources.flatMap((source) => source.instant(selector.matchers, t - selector.offset));
  }

  private selectRange(
    expr: Expr,
    t: number,
    need: RangeNeed,
    fn: string
  ): { series: Series[]; start: number; end: number } {
    if (expr.type === 'subquery') {
      return this.subqueries.select(expr, t);
    }
    if (expr.type !== 'matrix') {
      throw wrongArgument(fn, 'range vector', this.typeOf(expr));
    }
    const end = t - expr.selector.offset;
    const start = end - expr.range;
    return {
      series: this.sources.flatMap((source) => source.range(expr.selector.matchers, start, end, need)),
      start,
      end,
    };
  }

  private typeOf(expr: Expr): string {
    const kinds: Partial<Record<Expr['type'], string>> = {
      number: 'scalar',
      string: 'string',
      matrix: 'range vector',
      subquery: 'range vector',
    };
    return kinds[expr.type] ?? 'instant vector';
  }

  private vector(expr: Expr, t: number, where: string): Sample[] {
    const value = this.evaluate(expr, t);
    if (value.kind !== 'vector') {
      throw new DemoQueryError(`expected type instant vector in ${where}, got ${TYPE_NAMES[value.kind]}`);
    }
    return value.samples;
  }

  private string(expr: Expr, t: number, where: string): string {
    const value = this.evaluate(expr, t);
    if (value.kind !== 'string') {
      throw new DemoQueryError(`expected type string in ${where}, got ${TYPE_NAMES[value.kind]}`);
    }
    return value.value;
  }

  private scalar(expr: Expr, t: number, where: string): number {
    const value = this.evaluate(expr, t);
    if (value.kind !== 'scalar') {
      throw new DemoQueryError(`expected type scalar in ${where}, got ${TYPE_NAMES[value.kind]}`);
    }
    return value.value;
  }

  /** The value of `expr` at Unix time `t` (seconds). */
  evaluate(expr: Expr, t: number): Value {
    switch (expr.type) {
      case 'number':
        return { kind: 'scalar', value: expr.value };
      case 'string':
        return { kind: 'string', value: expr.value };
      case 'selector':
        return { kind: 'vector', samples: this.select(expr, t) };
      case 'matrix':
      case 'subquery':
        return { kind: 'matrix', series: this.selectRange(expr, t, 'all', 'range selection').series };
      case 'unary': {
        const value = this.evaluate(expr.expr, t);
        const sign = expr.op === '-' ? -1 : 1;
        if (value.kind === 'scalar') {
          return { kind: 'scalar', value: sign * value.value };
        }
        if (value.kind !== 'vector') {
          throw new DemoQueryError(
            `unary expression only allowed on expressions of type scalar or instant vector, got ${TYPE_NAMES[value.kind]}`
          );
        }
        return {
          kind: 'vector',
          samples:
            sign > 0 ? value.samples : value.samples.map((s) => ({ labels: dropName(s.labels), value: -s.value })),
        };
      }
      case 'aggregate': {
        const param = expr.param ? this.scalar(expr.param, t, `parameter of ${expr.op}`) : undefined;
        const samples = this.vector(expr.expr, t, 'aggregation expression');
        return { kind: 'vector', samples: aggregate(expr.op, samples, expr.without, expr.grouping, param) };
      }
      case 'binary':
        return this.binary(expr, t);
      case 'call':
        return this.call(expr.name, expr.args, t);
    }
  }

  private binary(expr: Extract<Expr, { type: 'binary' }>, t: number): Value {
    const lhs = this.evaluate(expr.lhs, t);
    const rhs = this.evaluate(expr.rhs, t);
    if (lhs.kind === 'scalar' && rhs.kind === 'scalar') {
      if (isSetOperator(expr.op)) {
        throw new DemoQueryError(`set operator "${expr.op}" not allowed in binary scalar expression`);
      }
      return { kind: 'scalar', value: scalarBinary(expr.op, lhs.value, rhs.value, expr.bool) };
    }
    if (lhs.kind === 'vector' && rhs.kind === 'vector') {
      return { kind: 'vector', samples: vectorBinary(expr.op, lhs.samples, rhs.samples, expr.matching, expr.bool) };
    }
    if (lhs.kind === 'vector' && rhs.kind === 'scalar') {
      return { kind: 'vector', samples: vectorScalarBinary(expr.op, lhs.samples, rhs.value, false, expr.bool) };
    }
    if (lhs.kind === 'scalar' && rhs.kind === 'vector') {
      return { kind: 'vector', samples: vectorScalarBinary(expr.op, rhs.samples, lhs.value, true, expr.bool) };
    }
    throw new DemoQueryError(`binary expression must contain only scalar and instant vector types`);
  }

  private call(name: string, args: Expr[], t: number): Value {
    const arity = (count: number) => {
      if (args.length !== count) {
        throw new DemoQueryError(`expected ${count} argument(s) in call to "${name}", got ${args.length}`);
      }
    };
    if (RANGE_FUNCTIONS[name]) {
      arity(1);
      const { series, start, end } = this.selectRange(args[0], t, RANGE_FUNCTIONS[name].need, name);
      return { kind: 'vector', samples: applyRangeFunction(name, series, start, end) };
    }
    switch (name) {
      case 'time':
        arity(0);
        return { kind: 'scalar', value: t };
      case 'vector':
        arity(1);
        return {
          kind: 'vector',
          samples: [{ labels: {}, value: this.scalar(args[0], t, 'call to function "vector"') }],
        };
      case 'scalar': {
        arity(1);
        const samples = this.vector(args[0], t, 'call to function "scalar"');
        return { kind: 'scalar', value: samples.length === 1 ? samples[0].value : NaN };
      }
      case 'absent': {
        arity(1);
        const samples = this.vector(args[0], t, 'call to function "absent"');
        return { kind: 'vector', samples: samples.length > 0 ? [] : [{ labels: absentLabels(args[0]), value: 1 }] };
      }
      case 'label_replace':
      case 'label_join': {
        const where = `call to function "${name}"`;
        if (name === 'label_replace' ? args.length !== 5 : args.length < 3) {
          throw new DemoQueryError(`wrong number of arguments in call to "${name}": ${args.length}`);
        }
        const [dst, text, ...sources] = args.slice(1).map((arg) => this.string(arg, t, where));
        const samples = this.vector(args[0], t, where);
        return {
          kind: 'vector',
          samples:
            name === 'label_replace'
              ? labelReplace(samples, dst, text, sources[0], sources[1])
              : labelJoin(samples, dst, text, sources),
        };
      }
      case 'absent_over_time': {
        arity(1);
        const { series } = this.selectRange(args[0], t, 'all', name);
        return { kind: 'vector', samples: series.length > 0 ? [] : [{ labels: absentLabels(args[0]), value: 1 }] };
      }
    }
    const shape = vectorFunctionArity(name);
    if (!shape) {
      throw unsupported(`the function ${name}()`);
    }
    const after = args.length - shape.scalarsBefore - 1;
    if (after < 0 || !shape.scalarsAfter.includes(after)) {
      throw new DemoQueryError(`wrong number of arguments in call to "${name}": ${args.length}`);
    }
    const where = `call to function "${name}"`;
    const vectorIndex = shape.scalarsBefore;
    const params = args.filter((_, i) => i !== vectorIndex).map((arg) => this.scalar(arg, t, where));
    const samples = this.vector(args[vectorIndex], t, where);
    return { kind: 'vector', samples: applyVectorFunction(name, samples, params) ?? [] };
  }
}
