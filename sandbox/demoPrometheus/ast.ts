/**
 * PromQL text → a small expression tree, parsed with `@prometheus-io/lezer-promql`. Syntax the
 * demo evaluator does not implement (`@`, `fill`, duration arithmetic, ...) is refused here with
 * a Prometheus-style error, so it can never be evaluated into a wrong number.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { parseDuration, parseNumber, parseString } from './literals';
import { DemoQueryError, MatchOp, Matcher, NAME, makeMatcher, unsupported } from './values';

export { parseDuration };

/** An instant vector selector; `offset` in seconds. */
export interface SelectorExpr {
  type: 'selector';
  matchers: Matcher[];
  offset: number;
}

/**
 * A subquery `expr[range:step] offset o` (seconds): `expr` evaluated at the multiples of `step`
 * in `[t - o - range, t - o]`; `step` 0 means the default evaluation interval.
 */
export interface SubqueryExpr {
  type: 'subquery';
  expr: Expr;
  range: number;
  step: number;
  offset: number;
}

/** How a binary operator matches the series of its two sides. */
export interface VectorMatching {
  on: boolean;
  labels: string[];
  group?: 'left' | 'right';
  include: string[];
}

export type BinaryOp =
  '+' | '-' | '*' | '/' | '%' | '^' | '==' | '!=' | '>' | '<' | '>=' | '<=' | 'and' | 'or' | 'unless';

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | SelectorExpr
  | { type: 'matrix'; selector: SelectorExpr; range: number }
  | SubqueryExpr
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'aggregate'; op: string; without: boolean; grouping?: string[]; param?: Expr; expr: Expr }
  | { type: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr; bool: boolean; matching?: VectorMatching }
  | { type: 'unary'; op: '-' | '+'; expr: Expr };

const OPERATORS: Record<string, BinaryOp> = {
  Add: '+',
  Sub: '-',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Pow: '^',
  Eql: '==',
  Neq: '!=',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
  And: 'and',
  Or: 'or',
  Unless: 'unless',
};
const MATCH_OPS: Record<string, MatchOp> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'LineComment') {
      list.push(child);
    }
  }
  return list;
}

/** The type of an expression's value, by Prometheus' names: `scalar`, `vector`, `matrix` or `string`. */
export function staticType(expr: Expr): 'scalar' | 'vector' | 'matrix' | 'string' {
  switch (expr.type) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'matrix':
    case 'subquery':
      return 'matrix';
    case 'unary':
      return staticType(expr.expr);
    case 'binary':
      return staticType(expr.lhs) === 'scalar' && staticType(expr.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'call':
      return ['time', 'scalar', 'pi'].includes(expr.name) ? 'scalar' : 'vector';
    default:
      return 'vector';
  }
}

class Converter {
  constructor(private readonly text: string) {}

  private src(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  private duration(node: SyntaxNode): number {
    const parts = children(node);
    if (node.name === 'OffsetDurationExpr' && parts[0]?.name === 'UnaryOp') {
      const inner = this.duration(parts[1]);
      return this.src(parts[0]) === '-' ? -inner : inner;
    }
    if (parts.length !== 1 || !parts[0].name.startsWith('NumberDurationLiteral')) {
      throw unsupported(`the duration expression "${this.src(node)}"`);
    }
    return parseDuration(this.src(parts[0]));
  }

  private grouping(node: SyntaxNode): string[] {
    return children(node).map((label) =>
      label.name === 'QuotedLabelName' ? parseString(this.src(label)) : this.src(label)
    );
  }

  private selector(node: SyntaxNode): SelectorExpr {
    const matchers: Matcher[] = [];
    for (const part of children(node)) {
      if (part.name === 'Identifier') {
        matchers.push(makeMatcher(NAME, '=', this.src(part)));
      } else if (part.name === 'LabelMatchers') {
        for (const matcher of children(part)) {
          const [name, op, value] = children(matcher);
          const label = name.name === 'QuotedLabelName' ? parseString(this.src(name)) : this.src(name);
          if (!op || !value) {
            // `{"metric_name"}`: a quoted metric name on its own
            matchers.push(makeMatcher(NAME, '=', parseString(this.src(name))));
            continue;
          }
          matchers.push(makeMatcher(label, MATCH_OPS[op.firstChild?.name ?? ''], parseString(this.src(value))));
        }
      }
    }
    if (!matchers.some((matcher) => !matcher.test(''))) {
      throw new DemoQueryError('vector selector must contain at least one non-empty matcher');
    }
    return { type: 'selector', matchers, offset: 0 };
  }

  expr(node: SyntaxNode): Expr {
    const parts = children(node);
    switch (node.name) {
      case 'ParenExpr':
        return this.expr(parts[0]);
      case 'NumberDurationLiteral':
        return { type: 'number', value: parseNumber(this.src(node)) };
      case 'StringLiteral':
        return { type: 'string', value: parseString(this.src(node)) };
      case 'VectorSelector':
        return this.selector(node);
      case 'MatrixSelector': {
        const inner = this.expr(parts[0]);
        if (inner.type !== 'selector') {
          throw new DemoQueryError('ranges only allowed for vector selectors');
        }
        return { type: 'matrix', selector: inner, range: this.duration(parts[1]) };
      }
      case 'OffsetExpr': {
        const inner = this.expr(parts[0]);
        const offset = this.duration(parts[2]);
        if (inner.type === 'selector') {
          return { ...inner, offset };
        }
        if (inner.type === 'matrix') {
          return { ...inner, selector: { ...inner.selector, offset } };
        }
        if (inner.type === 'subquery') {
          return { ...inner, offset };
        }
        throw new DemoQueryError(
          'offset modifier must be preceded by an instant vector selector or range vector selector'
        );
      }
      case 'UnaryExpr':
        return { type: 'unary', op: this.src(parts[0]) === '-' ? '-' : '+', expr: this.expr(parts[1]) };
      case 'FunctionCall':
        return { type: 'call', name: this.src(parts[0]), args: children(parts[1]).map((arg) => this.expr(arg)) };
      case 'AggregateExpr':
        return this.aggregate(parts);
      case 'BinaryExpr':
        return this.binary(parts);
      case 'SubqueryExpr':
        return this.subquery(parts);
      case 'StepInvariantExpr':
        throw unsupported('the @ modifier');
      default:
        throw unsupported(`"${this.src(node)}" (${node.name})`);
    }
  }

  /** `expr[range:step]`: only over an instant vector, as in Prometheus. */
  private subquery(parts: SyntaxNode[]): Expr {
    const inner = this.expr(parts[0]);
    const kind = staticType(inner);
    if (kind !== 'vector') {
      throw new DemoQueryError(`subquery is only allowed on instant vector, got ${kind} instead`);
    }
    const step = parts[2] ? this.duration(parts[2]) : 0;
    return { type: 'subquery', expr: inner, range: this.duration(parts[1]), step, offset: 0 };
  }

  private aggregate(parts: SyntaxNode[]): Expr {
    const op = this.src(parts[0]);
    if (!['sum', 'avg', 'min', 'max', 'count', 'topk', 'bottomk', 'group'].includes(op)) {
      throw unsupported(`the aggregation ${op}`);
    }
    const modifier = parts.find((part) => part.name === 'AggregateModifier');
    const body = parts.find((part) => part.name === 'FunctionCallBody');
    const args = body ? children(body).map((arg) => this.expr(arg)) : [];
    const needsParam = op === 'topk' || op === 'bottomk';
    if (args.length !== (needsParam ? 2 : 1)) {
      throw new DemoQueryError(
        `wrong number of arguments for aggregate expression provided, expected ${needsParam ? 2 : 1}, got ${args.length}`
      );
    }
    const grouping = modifier ? this.grouping(children(modifier)[1]) : undefined;
    const without = modifier ? children(modifier)[0].name === 'Without' : false;
    return {
      type: 'aggregate',
      op,
      without,
      grouping,
      param: needsParam ? args[0] : undefined,
      expr: args[args.length - 1],
    };
  }

  private binary(parts: SyntaxNode[]): Expr {
    const [lhsNode, opNode] = parts;
    const op = OPERATORS[opNode.name];
    if (!op) {
      throw unsupported(`the operator ${this.src(opNode)}`);
    }
    let bool = false;
    let matching: VectorMatching | undefined;
    for (const part of parts.slice(2, -1)) {
      if (part.name === 'BoolModifier') {
        bool = true;
      } else if (part.name === 'MatchingModifierClause') {
        const clause = children(part);
        const group = clause.find((item) => item.name === 'GroupLeft' || item.name === 'GroupRight');
        const include = group?.nextSibling?.name === 'GroupingLabels' ? this.grouping(group.nextSibling) : [];
        matching = {
          on: clause[0].name === 'On',
          labels: this.grouping(clause[1]),
          group: group ? (group.name === 'GroupLeft' ? 'left' : 'right') : undefined,
          include,
        };
      } else {
        throw unsupported(`"${this.src(part)}" in a binary expression`);
      }
    }
    if (bool && !['==', '!=', '>', '<', '>=', '<='].includes(op)) {
      throw new DemoQueryError('bool modifier can only be used on comparison operators');
    }
    return { type: 'binary', op, lhs: this.expr(lhsNode), rhs: this.expr(parts[parts.length - 1]), bool, matching };
  }
}

/** Parses a PromQL expression; throws a {@link DemoQueryError} for bad or unsupported syntax. */
export function parsePromql(text: string): Expr {
  const tree = parser.parse(text);
  let error: number | undefined;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError && error === undefined) {
        error = node.from;
      }
    },
  });
  if (error !== undefined) {
    throw new DemoQueryError(`1:${error + 1}: parse error near "${text.slice(error, error + 20)}"`);
  }
  const root = tree.topNode.firstChild;
  if (!root) {
    throw new DemoQueryError('no expression found in input');
  }
  return new Converter(text).expr(root);
}
