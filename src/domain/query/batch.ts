/**
 * Many labelled terms of the same shape as one query: KPIs of many services whose queries differ
 * only in the value of one label (`service="checkout"`, `service="payments"`), or not at all, are
 * evaluated once for all of them, grouped by that label, instead of once per term.
 *
 * A term's query is rewritten only when the result is provably the same, term by term:
 *
 * - every vector selector has one equality matcher on the label (`service="checkout"`), and in one
 *   term all of them have the same value, so every series read carries it and a term's series are
 *   exactly those of its value;
 * - every aggregation keeps the label (`sum(…)` becomes `sum by (service) (…)`, `sum by (le) (…)`
 *   becomes `sum by (le, service) (…)`), every function keeps the labels of its series, and binary
 *   operators match on all labels (no `on`/`ignoring`), so no step mixes series of two values;
 * - the query's result has that label alone: one series per value, as the term had one series.
 *
 * The batched query selects every value at once (`service=~"checkout|payments"`). Each term's
 * labels then come from the label itself when one of them is its value (`sloth_service` copied from
 * `service`, one value per term) and the others are the same for all terms; otherwise from a join
 * with constant series (`vector(1)` labelled per term), which also gives one value to several terms
 * (services whose KPIs read the same series): the value × 1, the same number. Anything else
 * (`on (…)`, `without`, `topk`, `label_replace`, `absent`, a selector without the label) keeps the
 * term's own query, labelled as before.
 */
import { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

import { orTerms, withLabels } from './combine';
import { escapeLabelValue, regexMatcher } from './selector';

/** A query and the constant labels its series get in the combined query. */
export interface LabelledTerm {
  expr: string;
  labels: Record<string, string>;
}

/** Internal join label: set on the batched series and their constant labels, removed from the result. */
export const BATCH_KEY = 'batch_key';

/** Aggregations whose result per group is the same when one more label groups them. */
const GROUPING_AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'count', 'group', 'stddev', 'stdvar', 'quantile']);

/** Functions that keep every label of their series but `__name__` (histogram ones drop `le`). */
const LABEL_KEEPING_FUNCTIONS = new Set([
  'abs',
  'avg_over_time',
  'ceil',
  'changes',
  'clamp',
  'clamp_max',
  'clamp_min',
  'count_over_time',
  'delta',
  'deriv',
  'exp',
  'floor',
  'histogram_avg',
  'histogram_count',
  'histogram_fraction',
  'histogram_quantile',
  'histogram_stddev',
  'histogram_stdvar',
  'histogram_sum',
  'holt_winters',
  'idelta',
  'increase',
  'irate',
  'last_over_time',
  'ln',
  'log10',
  'log2',
  'mad_over_time',
  'max_over_time',
  'min_over_time',
  'predict_linear',
  'present_over_time',
  'quantile_over_time',
  'rate',
  'resets',
  'round',
  'sgn',
  'sqrt',
  'stddev_over_time',
  'stdvar_over_time',
  'sum_over_time',
]);

/** Functions whose result no longer has `le`. */
const DROPS_LE = new Set(['histogram_quantile', 'histogram_fraction']);

/** An equality matcher of a query: its label, value and where its value literal is. */
interface Matcher {
  label: string;
  value: string;
  from: number;
  to: number;
}

/** A parsed term: its vector selectors' equality matchers, for each selector. */
interface Parsed {
  expr: string;
  root: SyntaxNode;
  selectors: Matcher[][];
}

/** A term that can be batched on `label`: its query with that label's values blanked, and the value. */
interface Candidate {
  label: string;
  key: string;
  value: string;
}

/** What an expression gives: a number, series with any labels (all carrying the label), or series with exactly `labels`. */
type Shape = { kind: 'scalar' } | { kind: 'string' } | { kind: 'series' } | { kind: 'labels'; labels: string[] };

/** An edit of the query text: replace `from`–`to` by `text`. */
interface Edit {
  from: number;
  to: number;
  text: string;
}

const children = (node: SyntaxNode): SyntaxNode[] => {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    list.push(child);
  }
  return list;
};

/** The value of a PromQL string literal, or undefined for escapes this does not read. */
function unquote(literal: string): string | undefined {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') {
    return body;
  }
  if (!body.includes('\\')) {
    return body;
  }
  if (quote !== '"') {
    return undefined;
  }
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

/** Parses a term; undefined when it does not parse or uses syntax this does not rewrite. */
function parse(expr: string): Parsed | undefined {
  const tree = parser.parse(expr);
  const selectors: Matcher[][] = [];
  let ok = true;
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError || ref.name === 'QuotedLabelMatcher' || ref.name === 'QuotedLabelName') {
        ok = false;
      }
      if (ref.name === 'VectorSelector') {
        const matchers: Matcher[] = [];
        const list = children(ref.node).find((child) => child.name === 'LabelMatchers');
        for (const matcher of list ? children(list) : []) {
          const [name, op, literal] = children(matcher);
          if (matcher.name !== 'UnquotedLabelMatcher' || !name || !op || !literal) {
            continue;
          }
          const label = expr.slice(name.from, name.to);
          const value = unquote(expr.slice(literal.from, literal.to));
          const equality = expr.slice(op.from, op.to) === '=';
          // a label also matched otherwise (`=~`, `!=`) is never the batch label: mark it unusable
          matchers.push({
            label,
            value: equality && value !== undefined ? value : '\u0000',
            from: matcher.from,
            to: matcher.to,
          });
        }
        selectors.push(matchers);
      }
    },
  });
  return ok && selectors.length > 0 ? { expr, root: tree.topNode, selectors } : undefined;
}

/**
 * The labels a term could be batched on: each has one equality matcher in every selector, with the
 * same value throughout the term.
 */
function candidates(parsed: Parsed): Candidate[] {
  const labels = new Set(parsed.selectors[0].map((matcher) => matcher.label));
  const found: Candidate[] = [];
  for (const label of labels) {
    if (label.startsWith('__') || label === BATCH_KEY) {
      continue;
    }
    const matchers = parsed.selectors.map((selector) => selector.filter((matcher) => matcher.label === label));
    const values = new Set(matchers.flat().map((matcher) => matcher.value));
    const [value] = [...values];
    if (matchers.some((list) => list.length !== 1) || values.size !== 1 || value === '\u0000' || value === '') {
      continue;
    }
    let key = '';
    let at = 0;
    for (const matcher of matchers.flat().sort((a, b) => a.from - b.from)) {
      key += `${parsed.expr.slice(at, matcher.from)}\u0000`;
      at = matcher.to;
    }
    found.push({ label, key: `${label}\u0001${key}${parsed.expr.slice(at)}`, value });
  }
  return found;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((label) => b.includes(label));

/**
 * The shape of `node` once batched on `label`, collecting the edits that add the label to its
 * aggregations; undefined when the rewrite would not give each term its own result.
 */
function shape(node: SyntaxNode, expr: string, label: string, edits: Edit[]): Shape | undefined {
  const parts = children(node);
  const text = (part: SyntaxNode) => expr.slice(part.from, part.to);
  switch (node.name) {
    case 'PromQL':
    case 'ParenExpr':
    case 'UnaryExpr':
    case 'MatrixSelector':
    case 'SubqueryExpr':
    case 'OffsetExpr':
    case 'StepInvariantExpr': {
      // the expression is the first child; the others are durations, offsets and `@` times
      const inner = parts.find(isExpr);
      return inner ? shape(inner, expr, label, edits) : undefined;
    }
    case 'NumberDurationLiteral':
    case 'NumberLiteral':
      return { kind: 'scalar' };
    case 'StringLiteral':
      return { kind: 'string' };
    case 'VectorSelector':
      // every selector was checked to have the label (candidates)
      return { kind: 'series' };
    case 'FunctionCall': {
      const name = text(parts[0]);
      const body = parts.find((part) => part.name === 'FunctionCallBody');
      if (!LABEL_KEEPING_FUNCTIONS.has(name) || !body) {
        return undefined;
      }
      const args = children(body).filter(isExpr);
      const shapes = args.map((arg) => shape(arg, expr, label, edits));
      const vectors = shapes.filter((item) => item?.kind === 'series' || item?.kind === 'labels');
      if (shapes.some((item) => item === undefined) || vectors.length !== 1) {
        return undefined;
      }
      const [vector] = vectors;
      return vector?.kind === 'labels' && DROPS_LE.has(name)
        ? { kind: 'labels', labels: vector.labels.filter((item) => item !== 'le') }
        : vector;
    }
    case 'AggregateExpr': {
      const op = parts.find((part) => part.name === 'AggregateOp');
      const modifier = parts.find((part) => part.name === 'AggregateModifier');
      const body = parts.find((part) => part.name === 'FunctionCallBody');
      if (!op || !body || !GROUPING_AGGREGATIONS.has(text(op))) {
        return undefined;
      }
      const args = children(body).filter(isExpr);
      const shapes = args.map((arg) => shape(arg, expr, label, edits));
      const vector = shapes[shapes.length - 1];
      const scalars = shapes.slice(0, -1);
      if ((vector?.kind !== 'series' && vector?.kind !== 'labels') || scalars.some((item) => item?.kind !== 'scalar')) {
        return undefined;
      }
      if (!modifier) {
        edits.push({ from: op.to, to: op.to, text: ` by (${label})` });
        return { kind: 'labels', labels: [label] };
      }
      const [keyword, grouping] = children(modifier);
      if (keyword?.name !== 'By' || grouping?.name !== 'GroupingLabels') {
        return undefined;
      }
      const grouped = children(grouping).map(text);
      if (!grouped.includes(label)) {
        edits.push({ from: grouping.from, to: grouping.to, text: `(${[...grouped, label].join(', ')})` });
      }
      return { kind: 'labels', labels: [...new Set([...grouped, label])] };
    }
    case 'BinaryExpr': {
      if (parts.some((part) => part.name === 'MatchingModifierClause')) {
        return undefined;
      }
      const sides = parts.filter(isExpr);
      if (sides.length !== 2) {
        return undefined;
      }
      const [left, right] = sides.map((side) => shape(side, expr, label, edits));
      if (!left || !right || left.kind === 'string' || right.kind === 'string') {
        return undefined;
      }
      if (left.kind === 'scalar') {
        return right;
      }
      if (right.kind === 'scalar') {
        return left;
      }
      if (left.kind === 'series' && right.kind === 'series') {
        return left;
      }
      if (left.kind === 'labels' && right.kind === 'labels' && sameSet(left.labels, right.labels)) {
        return left;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Whether a child node is an expression (not a keyword, operator or modifier). */
function isExpr(node: SyntaxNode): boolean {
  return [
    'AggregateExpr',
    'BinaryExpr',
    'FunctionCall',
    'MatrixSelector',
    'NumberDurationLiteral',
    'NumberLiteral',
    'OffsetExpr',
    'ParenExpr',
    'StepInvariantExpr',
    'StringLiteral',
    'SubqueryExpr',
    'UnaryExpr',
    'VectorSelector',
  ].includes(node.name);
}

/**
 * The query of a group of terms batched on `label`, one series per value carrying the label alone;
 * undefined when the shape does not allow it.
 */
function batchedQuery(parsed: Parsed, label: string, values: string[]): string | undefined {
  const edits: Edit[] = [];
  const result = shape(parsed.root, parsed.expr, label, edits);
  if (result?.kind !== 'labels' || !sameSet(result.labels, [label])) {
    return undefined;
  }
  const regex = regexMatcher(label, values);
  for (const selector of parsed.selectors) {
    const matcher = selector.find((item) => item.label === label)!;
    edits.push({ from: matcher.from, to: matcher.to, text: regex });
  }
  return edits
    .sort((a, b) => b.from - a.from || b.to - a.to)
    .reduce((text, edit) => text.slice(0, edit.from) + edit.text + text.slice(edit.to), parsed.expr);
}

/** `label_replace(inner, "name", "value", "", "")`: sets a constant label (`$` escaped as the replacement wants). */
const labelled = (inner: string, name: string, value: string) =>
  `label_replace(${inner}, "${name}", "${escapeLabelValue(value.replace(/\$/g, '$$$$'))}", "", "")`;

/**
 * One constant series (`vector(1)`) per row of labels, as few nodes as it takes: rows are grouped
 * by their first label's value, which is set once per group, and so on. With the labels that vary
 * least first, a row costs about three nodes (its `vector(1)`, the label only it has, an `or`): each
 * node costs Prometheus tens of microseconds, whatever it does.
 */
function constants(rows: Array<Array<[string, string]>>): string {
  if (rows[0].length === 0) {
    return 'vector(1)';
  }
  const name = rows[0][0][0];
  const byValue = new Map<string, Array<Array<[string, string]>>>();
  for (const row of rows) {
    const rest = byValue.get(row[0][1]) ?? [];
    rest.push(row.slice(1));
    byValue.set(row[0][1], rest);
  }
  return orTerms([...byValue].map(([value, rest]) => labelled(constants(rest), name, value)));
}

interface Member {
  term: LabelledTerm;
  parsed: Parsed;
  option: Candidate;
}

/**
 * When one label of the terms is the batch label's value (`sloth_service="checkout"` for
 * `service="checkout"`), one for each term, and every other label is the same for all of them: the
 * batched query labelled without constant series. The batch label is removed, as the terms' own
 * results do not have it.
 */
function copiedLabels(query: string, label: string, members: Member[]): string | undefined {
  const names = Object.keys(members[0].term.labels);
  const copied = names.find((name) => members.every((member) => member.term.labels[name] === member.option.value));
  const values = new Set(members.map((member) => member.option.value));
  const same = (name: string) => members.every((member) => member.term.labels[name] === members[0].term.labels[name]);
  const sameNames = members.every(
    (member) =>
      Object.keys(member.term.labels).length === names.length && names.every((name) => name in member.term.labels)
  );
  if (
    copied === undefined ||
    values.size !== members.length ||
    !sameNames ||
    !names.every((name) => name === copied || same(name))
  ) {
    return undefined;
  }
  const withCopy = `label_join(${query}, "${copied}", "", "${label}")`;
  const constant = names
    .filter((name) => name !== copied)
    .reduce((inner, name) => labelled(inner, name, members[0].term.labels[name]), withCopy);
  return `label_replace(${constant}, "${label}", "", "", "")`;
}

/**
 * One query for all `terms`, each term's series labelled with its `labels` (at most one series per
 * term when batched, as the term's own result). Terms of the same shape are evaluated once per
 * shape; the others are joined as they are (`withLabels`), after the batched ones, with `or`. Terms
 * whose labels repeat an earlier term's stay last, so that the earlier one wins as with `or`.
 */
export function combineLabelled(terms: LabelledTerm[]): string {
  const parsed = terms.map((term) => parse(term.expr));
  const options = parsed.map((item) => (item ? candidates(item) : []));
  // each term goes to its label that the most terms share the blanked query of, the first one on a tie
  const shared = new Map<string, number>();
  options.flat().forEach((option) => shared.set(option.key, (shared.get(option.key) ?? 0) + 1));
  const seen = new Set<string>();
  const groups = new Map<string, Member[]>();
  const unbatched: LabelledTerm[] = [];
  terms.forEach((term, i) => {
    const id = JSON.stringify(Object.entries(term.labels).sort());
    const option = [...options[i]].sort((a, b) => (shared.get(b.key) ?? 0) - (shared.get(a.key) ?? 0))[0];
    const sameNames = Object.keys(term.labels).sort().join() === Object.keys(terms[0].labels).sort().join();
    if (seen.has(id) || !option || option.label in term.labels || !sameNames) {
      unbatched.push(term);
    } else {
      const members = groups.get(option.key) ?? [];
      members.push({ term, parsed: parsed[i]!, option });
      groups.set(option.key, members);
    }
    seen.add(id);
  });
  const copied: string[] = [];
  const keyed: string[] = [];
  const rows: Array<Record<string, string>> = [];
  [...groups.values()].forEach((members, index) => {
    const { label } = members[0].option;
    const values = [...new Set(members.map((member) => member.option.value))];
    const query = batchedQuery(members[0].parsed, label, values);
    if (query === undefined) {
      unbatched.push(...members.map((member) => member.term));
      return;
    }
    const labels = copiedLabels(query, label, members);
    if (labels !== undefined) {
      copied.push(labels);
      return;
    }
    // `<group>:<value>`, joined from the labels (without `$1`, which Grafana would read as a variable)
    keyed.push(
      `label_join(label_replace(${query}, "${BATCH_KEY}", "${index}", "", ""), "${BATCH_KEY}", ":", "${BATCH_KEY}", "${label}")`
    );
    rows.push(...members.map((member) => ({ [BATCH_KEY]: `${index}:${member.option.value}`, ...member.term.labels })));
  });
  const order = new Map(terms.map((term, i) => [term, i]));
  unbatched.sort((a, b) => order.get(a)! - order.get(b)!);
  const plain = unbatched.map((term) => withLabels(term.expr, term.labels));
  const joined: string[] = [];
  if (keyed.length > 0) {
    // the labels that vary least first, so that each is set once for many rows
    const distinct = (name: string) => new Set(rows.map((row) => row[name])).size;
    const names = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort((a, b) => distinct(a) - distinct(b));
    const table = constants(rows.map((row) => names.map((name): [string, string] => [name, row[name]])));
    joined.push(
      `label_replace((${orTerms(keyed)}) * on (${BATCH_KEY}) group_right () (${table}), "${BATCH_KEY}", "", "", "")`
    );
  }
  return orTerms([...copied, ...joined, ...plain]);
}
