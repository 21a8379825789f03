import { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

import { syntaxProblem } from '../query/syntax';

/** One label matcher of a selector, e.g. `le="0.5"`; `text` is how the source wrote it. */
export interface Matcher {
  name: string;
  op: string;
  value: string;
  text: string;
}

/** A series selector split into its metric name and matchers, as Pyrra reads its `metric` fields. */
export interface Selector {
  metric: string;
  matchers: Matcher[];
}

/** The text of a PromQL string or quoted label name, without its quotes and escapes. */
function unquote(literal: string): string {
  const inner = literal.slice(1, -1);
  const json = literal.startsWith("'") ? `"${inner.replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal;
  try {
    return literal.startsWith('`') ? inner : JSON.parse(json);
  } catch {
    return inner;
  }
}

function readMatcher(node: SyntaxNode, text: string): Matcher | undefined {
  const slice = (child: SyntaxNode | null) => (child ? text.slice(child.from, child.to) : '');
  const name = node.getChild('LabelName') ?? node.getChild('QuotedLabelName');
  const value = node.getChildren('StringLiteral').pop();
  if (!name || !value || value.from < name.to) {
    return undefined;
  }
  const rawName = slice(name);
  return {
    name: name.name === 'QuotedLabelName' ? unquote(rawName) : rawName,
    op: slice(node.getChild('MatchOp')),
    value: unquote(slice(value)),
    text: slice(node),
  };
}

/**
 * Parses `metric{a="b", le="0.5"}` into its name and matchers; `undefined` for anything but one
 * vector selector (a function, an operator or a range around it, or a syntax error). A bare quoted
 * name (`{"my.metric"}`) is the metric name, as in Prometheus 3.
 */
export function parseSelector(text: string): Selector | undefined {
  const tree = parser.parse(text);
  const top = tree.topNode.firstChild;
  if (syntaxProblem(tree, text) || !top || top.name !== 'VectorSelector') {
    return undefined;
  }
  const identifier = top.getChild('Identifier');
  let metric = identifier ? text.slice(identifier.from, identifier.to) : '';
  const matchers: Matcher[] = [];
  for (let node = top.getChild('LabelMatchers')?.firstChild ?? null; node; node = node.nextSibling) {
    if (node.name === 'QuotedLabelName') {
      metric = unquote(text.slice(node.from, node.to));
    } else if (node.name === 'UnquotedLabelMatcher' || node.name === 'QuotedLabelMatcher') {
      const matcher = readMatcher(node, text);
      if (!matcher) {
        return undefined;
      }
      matchers.push(matcher);
    }
  }
  return { metric, matchers };
}

/** Writes a selector back, each matcher as the source wrote it: `metric{a="b", c=~"d"}`. */
export function formatSelector(metric: string, matchers: Matcher[]): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.map((matcher) => matcher.text).join(', ')}}`;
}

/** Whether two matcher lists select the same series: the same matchers, in any order. */
export function sameMatchers(a: Matcher[], b: Matcher[]): boolean {
  const key = (matcher: Matcher) => JSON.stringify([matcher.name, matcher.op, matcher.value]);
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((item, index) => item === right[index]);
}
