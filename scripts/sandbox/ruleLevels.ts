/**
 * Dependency levels of recording rules, for backfilling them over a history: a rule can only be
 * evaluated over the past once the series it reads are there, so rules are backfilled level by
 * level. Level 0 reads none of the recorded names (only raw series or constants); a rule's level
 * is one more than the highest level of the recorded names its expression reads, and a name's
 * level is the highest level of the rules recording it.
 */
import { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

import { RecordingRule } from '../../src/domain/rules';

/** The text of a PromQL string literal: `"a\"b"` → `a"b`. */
function stringValue(literal: string): string {
  if (literal.startsWith('`')) {
    return literal.slice(1, -1);
  }
  try {
    return JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/"/g, '\\"')}"` : literal);
  } catch {
    return literal.slice(1, -1);
  }
}

/** `__name__="x"` (or a bare quoted name `{"x"}`) in the label matchers of a selector. */
function nameFromMatchers(matchers: SyntaxNode, expr: string): string[] {
  const names: string[] = [];
  for (let matcher = matchers.firstChild; matcher; matcher = matcher.nextSibling) {
    const text = (node: SyntaxNode | null) => (node ? expr.slice(node.from, node.to) : undefined);
    if (matcher.name === 'QuotedLabelName') {
      // `{"metric.name"}`: a quoted name on its own is the metric name
      names.push(stringValue(text(matcher.getChild('StringLiteral')) ?? ''));
      continue;
    }
    if (matcher.name !== 'UnquotedLabelMatcher' && matcher.name !== 'QuotedLabelMatcher') {
      continue;
    }
    const label = matcher.getChild('LabelName') ?? matcher.getChild('QuotedLabelName');
    const labelText = label?.name === 'QuotedLabelName' ? stringValue(text(label.firstChild) ?? '') : text(label);
    const value = matcher.getChild('StringLiteral');
    if (labelText === '__name__' && text(matcher.getChild('MatchOp')) === '=' && value) {
      names.push(stringValue(text(value) ?? ''));
    }
  }
  return names;
}

/**
 * Metric names that the vector selectors of a PromQL expression select by equality, e.g.
 * `["slo:sli_error:ratio_rate5m", "slo:error_budget:ratio"]` for a burn rate. Label names, function
 * names and string arguments are not metric names; regular-expression matches on `__name__` are
 * not followed. Throws on a syntax error, so that a bad expression is not read as reading nothing.
 */
export function metricNamesRead(expr: string): string[] {
  const tree = parser.parse(expr);
  const names = new Set<string>();
  let error: number | undefined;
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError) {
        error ??= ref.from;
        return false;
      }
      if (ref.name !== 'VectorSelector') {
        return undefined;
      }
      const node = ref.node;
      const identifier = node.getChild('Identifier');
      if (identifier) {
        names.add(expr.slice(identifier.from, identifier.to));
      }
      const matchers = node.getChild('LabelMatchers');
      if (matchers) {
        nameFromMatchers(matchers, expr).forEach((name) => names.add(name));
      }
      return false;
    },
  });
  if (error !== undefined) {
    throw new Error(`cannot parse PromQL at offset ${error}: ${expr}`);
  }
  return [...names];
}

/**
 * `items` (recording rules, or anything carrying one) in dependency levels: level 0 first, each
 * level reading only recorded names of earlier levels. A rule keeps its position in `items` within
 * its level. Throws naming the chain when recording rules read each other in a cycle (a rule that
 * reads its own name included), as such rules cannot be backfilled from the past alone.
 */
export function recordingLevels<T>(items: T[], ruleOf: (item: T) => RecordingRule): T[][] {
  const reads = items.map((item) => metricNamesRead(ruleOf(item).expr));
  const byRecord = new Map<string, number[]>();
  items.forEach((item, index) => {
    const record = ruleOf(item).record;
    byRecord.set(record, [...(byRecord.get(record) ?? []), index]);
  });
  const nameLevel = new Map<string, number>();
  const ruleLevel = (index: number, path: string[]): number =>
    Math.max(-1, ...reads[index].filter((name) => byRecord.has(name)).map((name) => levelOf(name, path))) + 1;
  const levelOf = (record: string, path: string[]): number => {
    if (path.includes(record)) {
      const cycle = [...path.slice(path.indexOf(record)), record];
      throw new Error(`recording rules read each other in a cycle: ${cycle.join(' → ')}`);
    }
    const known = nameLevel.get(record);
    if (known !== undefined) {
      return known;
    }
    const level = Math.max(...(byRecord.get(record) ?? []).map((index) => ruleLevel(index, [...path, record])));
    nameLevel.set(record, level);
    return level;
  };
  const levels: T[][] = [];
  items.forEach((item, index) => {
    const record = ruleOf(item).record;
    levelOf(record, []);
    const level = ruleLevel(index, [record]);
    (levels[level] ??= []).push(item);
  });
  return levels;
}
