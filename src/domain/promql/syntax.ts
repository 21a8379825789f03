/**
 * Syntax checks for generated queries. Lezer parsers never throw: they recover and mark the bad
 * spans with error nodes, so a query is valid only when its tree has none.
 */
import { parser as logqlParser } from '@grafana/lezer-logql';
import type { LRParser } from '@lezer/lr';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';

/** A syntax error: where in the query text, and the text the parser could not read. */
export interface SyntaxErrorSpan {
  from: number;
  to: number;
  text: string;
}

/** Syntax errors of a PromQL expression; empty when it parses cleanly. */
export function promqlSyntaxErrors(expr: string): SyntaxErrorSpan[] {
  return syntaxErrors(promqlParser, expr);
}

/** Syntax errors of a LogQL expression; empty when it parses cleanly. */
export function logqlSyntaxErrors(expr: string): SyntaxErrorSpan[] {
  return syntaxErrors(logqlParser, expr);
}

function syntaxErrors(parser: LRParser, expr: string): SyntaxErrorSpan[] {
  const errors: SyntaxErrorSpan[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) {
        errors.push({ from: node.from, to: node.to, text: expr.slice(Math.max(0, node.from - 10), node.to + 10) });
      }
    },
  });
  return errors;
}
