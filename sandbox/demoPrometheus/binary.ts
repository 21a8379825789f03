/**
 * Binary operators with Prometheus' vector matching: arithmetic and comparisons (filtering or
 * `bool`) between scalars and vectors, one-to-one and `group_left`/`group_right` matching with
 * `on`/`ignoring`, and the set operators `and`, `or`, `unless`.
 */
import { BinaryOp, VectorMatching } from './ast';
import { DemoQueryError, Labels, NAME, Sample, dropName, labelsKey } from './values';

const ARITHMETIC = new Set<BinaryOp>(['+', '-', '*', '/', '%', '^']);
const COMPARISON = new Set<BinaryOp>(['==', '!=', '>', '<', '>=', '<=']);

/** Whether an operator is a set operator (`and`, `or`, `unless`). */
export function isSetOperator(op: BinaryOp): boolean {
  return op === 'and' || op === 'or' || op === 'unless';
}

/** `lhs op rhs` on numbers: the arithmetic result, or for comparisons the lhs and whether it holds. */
function operate(op: BinaryOp, lhs: number, rhs: number): { value: number; keep: boolean } {
  switch (op) {
    case '+':
      return { value: lhs + rhs, keep: true };
    case '-':
      return { value: lhs - rhs, keep: true };
    case '*':
      return { value: lhs * rhs, keep: true };
    case '/':
      return { value: lhs / rhs, keep: true };
    case '%':
      return { value: lhs % rhs, keep: true };
    case '^':
      return { value: Math.pow(lhs, rhs), keep: true };
    case '==':
      return { value: lhs, keep: lhs === rhs };
    case '!=':
      return { value: lhs, keep: lhs !== rhs };
    case '>':
      return { value: lhs, keep: lhs > rhs };
    case '<':
      return { value: lhs, keep: lhs < rhs };
    case '>=':
      return { value: lhs, keep: lhs >= rhs };
    case '<=':
      return { value: lhs, keep: lhs <= rhs };
    default:
      throw new DemoQueryError(`set operator "${op}" not allowed in binary scalar expression`);
  }
}

/** `scalar op scalar`; comparisons must use `bool`. */
export function scalarBinary(op: BinaryOp, lhs: number, rhs: number, bool: boolean): number {
  if (COMPARISON.has(op) && !bool) {
    throw new DemoQueryError('comparisons between scalars must use BOOL modifier');
  }
  const { value, keep } = operate(op, lhs, rhs);
  return COMPARISON.has(op) ? (keep ? 1 : 0) : value;
}

/** `vector op scalar` (or `scalar op vector` when `scalarOnLeft`). */
export function vectorScalarBinary(
  op: BinaryOp,
  samples: Sample[],
  scalar: number,
  scalarOnLeft: boolean,
  bool: boolean
): Sample[] {
  if (isSetOperator(op)) {
    throw new DemoQueryError(`set operator "${op}" not allowed in binary scalar expression`);
  }
  const out: Sample[] = [];
  for (const sample of samples) {
    const result = scalarOnLeft ? operate(op, scalar, sample.value) : operate(op, sample.value, scalar);
    const value = COMPARISON.has(op) ? sample.value : result.value;
    if (bool) {
      out.push({ labels: dropName(sample.labels), value: result.keep ? 1 : 0 });
    } else if (result.keep) {
      out.push({ labels: ARITHMETIC.has(op) ? dropName(sample.labels) : sample.labels, value });
    }
  }
  return out;
}

/** The matching signature of a series: its `on` labels, or all but the `ignoring` ones and the name. */
function signature(labels: Labels, matching: VectorMatching | undefined): string {
  const picked: Labels = {};
  for (const [name, value] of Object.entries(labels)) {
    const listed = matching?.labels.includes(name) ?? false;
    if (matching?.on ? listed : !listed && name !== NAME) {
      picked[name] = value;
    }
  }
  return labelsKey(picked);
}

function setOperation(op: BinaryOp, lhs: Sample[], rhs: Sample[], matching: VectorMatching | undefined): Sample[] {
  const rightSignatures = new Set(rhs.map((sample) => signature(sample.labels, matching)));
  if (op === 'and') {
    return lhs.filter((sample) => rightSignatures.has(signature(sample.labels, matching)));
  }
  if (op === 'unless') {
    return lhs.filter((sample) => !rightSignatures.has(signature(sample.labels, matching)));
  }
  const leftSignatures = new Set(lhs.map((sample) => signature(sample.labels, matching)));
  return [...lhs, ...rhs.filter((sample) => !leftSignatures.has(signature(sample.labels, matching)))];
}

/** The labels of a result: the "many" side's, reduced for one-to-one matching, plus `group_x` labels from the "one" side. */
function resultLabels(
  many: Labels,
  one: Labels,
  op: BinaryOp,
  matching: VectorMatching | undefined,
  bool: boolean
): Labels {
  let labels: Labels = ARITHMETIC.has(op) || bool ? dropName(many) : { ...many };
  if (!matching?.group) {
    const listed = matching?.labels ?? [];
    labels = Object.fromEntries(
      Object.entries(labels).filter(([name]) => (matching?.on ? listed.includes(name) : !listed.includes(name)))
    );
  }
  for (const name of matching?.include ?? []) {
    if (one[name]) {
      labels[name] = one[name];
    } else {
      delete labels[name];
    }
  }
  return labels;
}

/** `vector op vector` with vector matching. */
export function vectorBinary(
  op: BinaryOp,
  lhs: Sample[],
  rhs: Sample[],
  matching: VectorMatching | undefined,
  bool: boolean
): Sample[] {
  if (isSetOperator(op)) {
    if (matching?.group) {
      throw new DemoQueryError(`no grouping allowed for "${op}" operation`);
    }
    return setOperation(op, lhs, rhs, matching);
  }
  const groupRight = matching?.group === 'right';
  const [many, one] = groupRight ? [rhs, lhs] : [lhs, rhs];
  const ones = new Map<string, Sample>();
  for (const sample of one) {
    const sig = signature(sample.labels, matching);
    if (ones.has(sig)) {
      const side = groupRight ? 'left' : 'right';
      throw new DemoQueryError(
        `found duplicate series for the match group ${sig} on the ${side} hand-side of the operation; ` +
          'many-to-many matching not allowed: matching labels must be unique on one side',
        'execution',
        422
      );
    }
    ones.set(sig, sample);
  }
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const sample of many) {
    const sig = signature(sample.labels, matching);
    const partner = ones.get(sig);
    if (!partner) {
      continue;
    }
    const [left, right] = groupRight ? [partner, sample] : [sample, partner];
    const { value, keep } = operate(op, left.value, right.value);
    if (!bool && !keep) {
      continue;
    }
    const labels = resultLabels(sample.labels, partner.labels, op, matching, bool);
    const key = matching?.group ? labelsKey(labels) : sig;
    if (seen.has(key)) {
      throw new DemoQueryError(
        matching?.group
          ? 'multiple matches for labels: grouping labels must ensure unique matches'
          : 'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
        'execution',
        422
      );
    }
    seen.add(key);
    out.push({ labels, value: bool ? (keep ? 1 : 0) : value });
  }
  return out;
}
