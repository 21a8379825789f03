/**
 * Combining query expressions: sums by labels, and per-service terms (KPIs, billing) labelled and
 * joined into one query.
 */
import { escapeLabelValue } from './selector';

/** `sum by (a, b) (inner)`, or `sum(inner)` without grouping. */
export function sumBy(inner: string, groupBy: string[]): string {
  return groupBy.length === 0 ? `sum(${inner})` : `sum by (${groupBy.join(', ')}) (${inner})`;
}

/**
 * Adds constant labels to every series of `expr` with `label_replace`, so that terms of different
 * services stay apart when combined with `or`.
 */
export function withLabels(expr: string, labels: Record<string, string>): string {
  return Object.entries(labels).reduce(
    (inner, [name, value]) =>
      `label_replace(${inner}, "${name}", "${escapeLabelValue(value.replace(/\$/g, '$$$$'))}", "", "")`,
    `(${expr})`
  );
}

/**
 * One query from several labelled terms, grouped as a balanced tree: `(a or b) or (c or d)`.
 *
 * `or` is associative, labels and order included: the union keeps every series of its left side,
 * then those of its right side whose labels (without the metric name) are not on the left, so any
 * grouping gives the chain's result `a or b or c or d`. But Prometheus evaluates the chain as
 * `((a or b) or c) or d`, each level going over all the series of the levels below it at every
 * step, which grows with the square of the term count (one term per service); a balanced tree
 * goes over each series once per level, log₂ of the term count.
 */
export function orTerms(terms: string[]): string {
  if (terms.length <= 2) {
    return terms.join(' or ');
  }
  const middle = Math.ceil(terms.length / 2);
  const group = (part: string[]) => (part.length > 1 ? `(${orTerms(part)})` : part[0]);
  return `${group(terms.slice(0, middle))} or ${group(terms.slice(middle))}`;
}
