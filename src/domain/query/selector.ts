import { parser } from '@prometheus-io/lezer-promql';

import { QueryProblem, withPosition } from './positions';
import { syntaxProblem } from './syntax';

/** Node names of one matcher: `a="b"`, `"a.b"="c"` and a bare quoted metric name `{"a.b"}`. */
const MATCHER_NODES = ['UnquotedLabelMatcher', 'QuotedLabelMatcher', 'QuotedLabelName'];

/** The one vector selector of `text`, or a problem saying what else was found. */
function parseVectorSelector(
  text: string,
  what: string
): { problem?: QueryProblem; hasName: boolean; matchers: number } {
  const tree = parser.parse(text);
  const syntax = syntaxProblem(tree, text);
  if (syntax) {
    return { problem: withPosition(syntax, text), hasName: false, matchers: 0 };
  }
  const top = tree.topNode.firstChild;
  if (!top || top.name !== 'VectorSelector') {
    return {
      problem: { message: `must be ${what}, without functions, operators or ranges`, from: 0, to: text.length },
      hasName: false,
      matchers: 0,
    };
  }
  const labelMatchers = top.getChild('LabelMatchers');
  const matchers = MATCHER_NODES.reduce((count, name) => count + (labelMatchers?.getChildren(name).length ?? 0), 0);
  return { hasName: top.getChild('Identifier') !== null, matchers };
}

/**
 * Checks a service selector: label matchers in braces with no metric name, e.g.
 * `{service="checkout", env="prod"}`, usable in both PromQL and LogQL.
 */
export function checkSelector(selector: string): QueryProblem[] {
  const what = 'label matchers in braces, e.g. {service="checkout"}';
  const text = selector.trim();
  if (!text.startsWith('{')) {
    return [{ message: `must be ${what}`, from: 0, to: selector.length }];
  }
  const parsed = parseVectorSelector(selector, what);
  if (parsed.problem) {
    return [parsed.problem];
  }
  if (parsed.matchers === 0) {
    return [{ message: `needs at least one label matcher, e.g. {service="checkout"}`, from: 0, to: selector.length }];
  }
  return [];
}

/**
 * Checks a series selector such as a counter of a ratio SLI: a metric name and/or label matchers,
 * e.g. `http_requests_total{service="checkout"}`, with no function or range around it.
 */
export function checkSeriesSelector(selector: string): QueryProblem[] {
  const what = 'a series selector, e.g. http_requests_total{service="checkout"}';
  const parsed = parseVectorSelector(selector, what);
  if (parsed.problem) {
    return [parsed.problem];
  }
  if (!parsed.hasName && parsed.matchers === 0) {
    return [
      {
        message: `must name a metric or match labels, e.g. http_requests_total{service="checkout"}`,
        from: 0,
        to: selector.length,
      },
    ];
  }
  return [];
}
