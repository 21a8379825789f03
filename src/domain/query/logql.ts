import { parser } from '@grafana/lezer-logql';

import { QueryProblem, withPosition } from './positions';
import { syntaxProblem } from './syntax';

/**
 * Checks the syntax of a LogQL query (log or metric query) and returns at most one problem, the
 * first error, with its position in `expr`.
 */
export function checkLogQL(expr: string): QueryProblem[] {
  const problem = syntaxProblem(parser.parse(expr), expr);
  return problem ? [withPosition(problem, expr)] : [];
}
