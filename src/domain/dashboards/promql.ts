/**
 * Query text shared by the dashboard builders: the recorded-series selectors of the SLO rules
 * (see rules/names.ts), a regex naming a set of services or SLOs, and the way per-service
 * expressions (KPIs, billing) are labelled and combined into one query.
 */
import { escapeLabelValue } from '../promql/selector';
import { LABEL_ID, LABEL_SERVICE } from '../rules/names';

/** Label pair identifying an SLO row in tables and legends: `sloth_id` is unique, `sloth_slo` is not. */
export const BY_SLO = `${LABEL_SERVICE}, ${LABEL_ID}`;

/** A regex matching exactly the given values (anchored by Prometheus), metacharacters escaped. */
export function regexOf(values: string[]): string {
  return values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** `name=~"a|b"` for a PromQL or LogQL selector, the regex escaped for a double-quoted string. */
export function regexMatcher(name: string, values: string[]): string {
  return `${name}=~"${escapeLabelValue(regexOf(values))}"`;
}

/** `{sloth_service=~"checkout|payments"}`: the recorded series of these services. */
export function servicesSelector(serviceIds: string[], extra: string[] = []): string {
  return `{${[regexMatcher(LABEL_SERVICE, serviceIds), ...extra].join(', ')}}`;
}

/** The matchers inside a service's selector: `{service="checkout"}` gives `service="checkout"`. */
export function selectorMatchers(selector: string): string {
  const trimmed = selector.trim();
  const open = trimmed.indexOf('{');
  const close = trimmed.lastIndexOf('}');
  return open === -1 || close < open ? '' : trimmed.slice(open + 1, close).trim();
}

/** A metric selected by a service's selector plus extra matchers: `deploys_total{service="checkout"}`. */
export function metricSelector(metric: string, serviceSelector: string, extra: string[] = []): string {
  const matchers = [selectorMatchers(serviceSelector), ...extra].filter((matcher) => matcher !== '');
  return `${metric}{${matchers.join(', ')}}`;
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
