import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { SyntaxNode } from '@lezer/common';
// The package's index does not export the parser at runtime, so import the module itself (ES build,
// so that it shares @codemirror/language with the editor in the browser bundle).
import { Parser } from '@prometheus-io/codemirror-promql/dist/esm/parser';
import { LanguageType, promQLLanguage } from '@prometheus-io/codemirror-promql/dist/esm/promql';
import { parser } from '@prometheus-io/lezer-promql';

import { mapProblem, QueryProblem, substitute, withPosition } from './positions';
import { syntaxProblem } from './syntax';

/** The placeholder a freeform SLI uses for the range of `rate()` and friends. */
export const WINDOW_PLACEHOLDER = '{{window}}';

let language: ReturnType<typeof promQLLanguage> | undefined;

/** How long the parse of one expression may take; queries are short, this only guards a runaway. */
const PARSE_TIMEOUT_MS = 10_000;

/** Says "unknown function" for `foo(...)` where `foo` is no PromQL function. */
function explainPromQLError(node: SyntaxNode, text: string): string | undefined {
  const before = node.prevSibling;
  if (text[node.from] === '(' && before?.name === 'Identifier') {
    return `unknown function "${text.slice(before.from, before.to)}"`;
  }
  return undefined;
}

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
