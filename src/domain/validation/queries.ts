import { BillingKind } from '../model';
import { checkLogQL, checkLogQuery } from '../query/logql';
import { QueryProblem } from '../query/problem';
import { checkPromQL, checkPromQLTemplate, checkSelector, checkSeriesSelector } from '../query/promql';
import { at, Checker, Fields } from './checker';

const CHECKS = {
  promql: { check: checkPromQL, what: 'is not valid PromQL' },
  billingPromql: { check: (expr: string) => billingQueryProblems('prometheus', expr), what: 'is not valid PromQL' },
  logql: { check: checkLogQL, what: 'is not valid LogQL' },
  logQuery: { check: checkLogQuery, what: 'is not a valid LogQL log query' },
  selector: { check: checkSelector, what: 'is not a valid selector' },
  series: { check: checkSeriesSelector, what: 'is not a valid series selector' },
} satisfies Record<string, { check: (expr: string) => QueryProblem[]; what: string }>;

export type QueryKind = keyof typeof CHECKS;

/**
 * Problems of a billing query template: a PromQL one must parse with `$costTags` standing for a
 * service's cost matchers (dashboards run it and the rules record it); SQL is left to its data
 * source.
 */
export function billingQueryProblems(kind: BillingKind, query: string): QueryProblem[] {
  return kind === 'prometheus' ? checkPromQLTemplate(query, '$costTags', 'cost_center="checkout"') : [];
}

/**
 * Reads a query field and reports what its parser found, e.g.
 * `total is not valid PromQL: unexpected ")" at column 12`. Returns the query text.
 */
export function checkQuery(
  c: Checker,
  obj: Fields,
  key: string,
  path: string,
  kind: QueryKind,
  required = true
): string | undefined {
  const expr = c.string(obj, key, path, required);
  if (expr === undefined || expr.trim() === '') {
    return expr;
  }
  const { check, what } = CHECKS[kind];
  for (const problem of check(expr)) {
    c.add(at(path, key), `${key} ${what}: ${problem.message}`, problem.severity === 'warning' ? 'warning' : undefined);
  }
  return expr;
}
