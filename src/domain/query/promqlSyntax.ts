/**
 * PromQL syntax with the Prometheus lezer grammar alone, without the language service of
 * `promql.ts` and the CodeMirror packages it loads: what the generated dashboards need, and
 * loadable wherever plain ES modules are not (test runners that import the dashboards).
 */
import { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

import { QueryProblem, withPosition } from './problem';
import { syntaxProblem } from './syntax';

/** Says "unknown function" for `foo(...)` where `foo` is no PromQL function. */
export function explainPromQLError(node: SyntaxNode, text: string): string | undefined {
  const before = node.prevSibling;
  if (text[node.from] === '(' && before?.name === 'Identifier') {
    return `unknown function "${text.slice(before.from, before.to)}"`;
  }
  return undefined;
}

/**
 * Checks the syntax of a PromQL expression only, without the type checks of {@link checkPromQL}:
 * at most one problem, the first error, with its position in `expr`. For queries that are checked
 * by the thousand, such as every query of the generated dashboards.
 */
export function checkPromQLSyntax(expr: string): QueryProblem[] {
  const problem = syntaxProblem(parser.parse(expr), expr, explainPromQLError);
  return problem ? [withPosition(problem, expr)] : [];
}
