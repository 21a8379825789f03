import { parser } from '@grafana/lezer-logql';

import { QueryProblem, withPosition } from './problem';
import { syntaxProblem } from './syntax';

/**
 * Checks the syntax of a LogQL query (log or metric query) and returns at most one problem, the
 * first error, with its position in `expr`.
 */
export function checkLogQL(expr: string): QueryProblem[] {
  const problem = syntaxProblem(parser.parse(expr), expr);
  return problem ? [withPosition(problem, expr)] : [];
}

/**
 * Checks a LogQL *log* query (stream selector and pipeline, no metric function), as log-ratio SLIs
 * take: they count the lines themselves.
 */
export function checkLogQuery(expr: string): QueryProblem[] {
  const syntax = checkLogQL(expr);
  if (syntax.length > 0) {
    return syntax;
  }
  const top = parser.parse(expr).topNode.firstChild?.firstChild;
  if (top?.name !== 'LogExpr') {
    return [
      {
        message:
          'must be a log query such as {service="checkout"} |= "error", not a metric query: the SLI counts the lines itself',
        from: 0,
        to: expr.length,
      },
    ];
  }
  return [];
}
