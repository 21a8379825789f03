/**
 * Checking and reading PromQL, as typed in the editor or imported: syntax with the Prometheus
 * lezer grammar, then types with the PromQL language service; and the selectors SLIs and services
 * are made of, checked or split into metric name and matchers. Every problem carries its position
 * in the text as given.
 */
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { SyntaxNode } from '@lezer/common';
// The package's index does not export the parser at runtime, so import the module itself (ES build,
// so that it shares @codemirror/language with the editor in the browser bundle).
import { Parser } from '@prometheus-io/codemirror-promql/dist/esm/parser';
import { LanguageType, promQLLanguage } from '@prometheus-io/codemirror-promql/dist/esm/promql';
import { parser } from '@prometheus-io/lezer-promql';

import { mapProblem, QueryProblem, substitute, withPosition } from './problem';
import { WINDOW_PLACEHOLDER } from './sli';
export { checkPromQLSyntax } from './promqlSyntax';
import { explainPromQLError } from './promqlSyntax';
import { syntaxProblem } from './syntax';

let language: ReturnType<typeof promQLLanguage> | undefined;

/** How long the parse of one expression may take; queries are short, this only guards a runaway. */
const PARSE_TIMEOUT_MS = 10_000;

/** Type errors found by the PromQL language service, e.g. `rate()` over an instant vector. */
function semanticProblems(text: string): QueryProblem[] {
  language ??= promQLLanguage(LanguageType.PromQL);
  const created = EditorState.create({ doc: text, extensions: [language] });
  // A new state parses for a few milliseconds only (made for editors, which parse on in the
  // background); on a busy machine the analysis would then read half a tree and report errors
  // that are not there. Parse the whole text first; the next state carries the full tree.
  ensureSyntaxTree(created, text.length, PARSE_TIMEOUT_MS);
  const analyzer = new Parser(created.update({}).state);
  analyzer.analyze();
  return analyzer.getDiagnostics().map((diagnostic) => ({
    message: diagnostic.message,
    from: diagnostic.from,
    to: Math.max(diagnostic.to, diagnostic.from + 1),
    severity: diagnostic.severity === 'error' ? 'error' : 'warning',
  }));
}

/**
 * Checks a PromQL expression: the first syntax error, or else type errors such as `rate()` over an
 * instant vector. `{{window}}` placeholders are read as `5m`. Offsets and the column in each
 * message refer to `expr` as given, so an editor can underline them as the user types.
 */
export function checkPromQL(expr: string): QueryProblem[] {
  return checkPromQLTemplate(expr, WINDOW_PLACEHOLDER, '5m');
}

/**
 * Checks a PromQL template whose `placeholder` stands for `value`, e.g. the billing query's
 * `$costTags` for a service's cost matchers; `{{window}}` still reads as `5m`. Offsets and columns
 * refer to the template as given.
 */
export function checkPromQLTemplate(expr: string, placeholder: string, value: string): QueryProblem[] {
  const outer = substitute(expr, placeholder, value);
  const inner = substitute(outer.text, WINDOW_PLACEHOLDER, '5m');
  const text = inner.text;
  const toSource = (offset: number) => outer.toSource(inner.toSource(offset));
  const syntax = syntaxProblem(parser.parse(text), text, explainPromQLError);
  const problems = syntax ? [syntax] : semanticProblems(text);
  return problems.map((problem) => withPosition(mapProblem(problem, toSource), expr));
}

/** Node names of one matcher: `a="b"`, `"a.b"="c"` and a bare quoted metric name `{"a.b"}`. */
const MATCHER_NODES = ['UnquotedLabelMatcher', 'QuotedLabelMatcher', 'QuotedLabelName'];

/** The node of the one vector selector that `text` is, or a problem saying what else was found. */
function vectorSelectorNode(text: string, what: string): { node: SyntaxNode } | { problem: QueryProblem } {
  const tree = parser.parse(text);
  const syntax = syntaxProblem(tree, text);
  if (syntax) {
    return { problem: withPosition(syntax, text) };
  }
  const top = tree.topNode.firstChild;
  if (!top || top.name !== 'VectorSelector') {
    return {
      problem: { message: `must be ${what}, without functions, operators or ranges`, from: 0, to: text.length },
    };
  }
  return { node: top };
}

/** The one vector selector of `text`: whether it names a metric and how many matchers it has. */
function parseVectorSelector(
  text: string,
  what: string
): { problem?: QueryProblem; hasName: boolean; matchers: number } {
  const found = vectorSelectorNode(text, what);
  if ('problem' in found) {
    return { problem: found.problem, hasName: false, matchers: 0 };
  }
  const labelMatchers = found.node.getChild('LabelMatchers');
  const matchers = MATCHER_NODES.reduce((count, name) => count + (labelMatchers?.getChildren(name).length ?? 0), 0);
  return { hasName: found.node.getChild('Identifier') !== null, matchers };
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
  const found = vectorSelectorNode(text, 'a series selector');
  if ('problem' in found) {
    return undefined;
  }
  const top = found.node;
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
