/**
 * PromQL functions of the demo evaluator, with Prometheus 2.x semantics: the range functions
 * (`rate`, `increase`, `delta`, `irate`, `*_over_time`) over the points of one series, and the
 * instant ones over vectors and scalars.
 */
import { DemoQueryError, Labels, NAME, Sample, Series, dropName } from './values';

/** Which points of a window a range function needs: both ends, the last two, the last, or all of them. */
export type RangeNeed = 'ends' | 'lastTwo' | 'last' | 'all';

/** A function of one series' points in `[t - range, t]`; `undefined` drops the series. */
export interface RangeFunction {
  need: RangeNeed;
  apply(points: Array<[number, number]>, windowStart: number, windowEnd: number): number | undefined;
}

/**
 * Prometheus' `extrapolatedRate`: the change between the first and last point (counter resets
 * added back), extrapolated towards the window ends when the points stop within 1.1 average
 * intervals of them (and never below a counter's zero), otherwise by half an interval.
 */
function extrapolated(isCounter: boolean, isRate: boolean): RangeFunction['apply'] {
  return (points, start, end) => {
    if (points.length < 2) {
      return undefined;
    }
    const [firstT, firstV] = points[0];
    const [lastT, lastV] = points[points.length - 1];
    let change = lastV - firstV;
    if (isCounter) {
      for (let i = 1; i < points.length; i++) {
        change += points[i][1] < points[i - 1][1] ? points[i - 1][1] : 0;
      }
    }
    const sampled = lastT - firstT;
    const average = sampled / (points.length - 1);
    let toStart = firstT - start;
    const toEnd = end - lastT;
    if (isCounter && change > 0 && firstV >= 0) {
      toStart = Math.min(toStart, sampled * (firstV / change));
    }
    const threshold = average * 1.1;
    const covered = sampled + (toStart < threshold ? toStart : average / 2) + (toEnd < threshold ? toEnd : average / 2);
    const value = change * (covered / sampled);
    return isRate ? value / (end - start) : value;
  };
}

function lastTwo(isRate: boolean): RangeFunction['apply'] {
  return (points) => {
    if (points.length < 2) {
      return undefined;
    }
    const [previousT, previousV] = points[points.length - 2];
    const [lastT, lastV] = points[points.length - 1];
    if (!isRate) {
      return lastV - previousV;
    }
    const change = lastV < previousV ? lastV : lastV - previousV;
    return lastT === previousT ? undefined : change / (lastT - previousT);
  };
}

function overTime(reduce: (values: number[]) => number): RangeFunction {
  return {
    need: 'all',
    apply: (points) => (points.length === 0 ? undefined : reduce(points.map(([, value]) => value))),
  };
}

const maxOf = (values: number[]) => values.reduce((max, v) => (v > max || Number.isNaN(max) ? v : max), values[0]);
const minOf = (values: number[]) => values.reduce((min, v) => (v < min || Number.isNaN(min) ? v : min), values[0]);
const sumOf = (values: number[]) => values.reduce((sum, v) => sum + v, 0);

/** The supported functions that take a range vector. */
export const RANGE_FUNCTIONS: Record<string, RangeFunction> = {
  rate: { need: 'ends', apply: extrapolated(true, true) },
  increase: { need: 'ends', apply: extrapolated(true, false) },
  delta: { need: 'ends', apply: extrapolated(false, false) },
  irate: { need: 'lastTwo', apply: lastTwo(true) },
  idelta: { need: 'lastTwo', apply: lastTwo(false) },
  sum_over_time: overTime(sumOf),
  avg_over_time: overTime((values) => sumOf(values) / values.length),
  min_over_time: overTime(minOf),
  max_over_time: overTime(maxOf),
  count_over_time: overTime((values) => values.length),
  last_over_time: { need: 'last', apply: (points) => points[points.length - 1]?.[1] },
  present_over_time: overTime(() => 1),
};

/** Applies a range function to every series; all but `last_over_time` drop the metric name. */
export function applyRangeFunction(name: string, series: Series[], start: number, end: number): Sample[] {
  const fn = RANGE_FUNCTIONS[name];
  const out: Sample[] = [];
  for (const { labels, points } of series) {
    const value = fn.apply(points, start, end);
    if (value !== undefined) {
      out.push({ labels: name === 'last_over_time' ? labels : dropName(labels), value });
    }
  }
  return out;
}

const MATH: Record<string, (value: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: Math.sign,
};

/** Instant functions of one vector and scalar parameters, e.g. `clamp_min(v, 0)`. */
export function applyVectorFunction(name: string, samples: Sample[], params: number[]): Sample[] | undefined {
  const map = (fn: (value: number) => number) =>
    samples.map((s) => ({ labels: dropName(s.labels), value: fn(s.value) }));
  if (MATH[name]) {
    return map(MATH[name]);
  }
  switch (name) {
    case 'clamp_min':
      return map((value) => Math.max(value, params[0]));
    case 'clamp_max':
      return map((value) => Math.min(value, params[0]));
    case 'clamp':
      return params[1] < params[0] ? [] : map((value) => Math.max(params[0], Math.min(params[1], value)));
    case 'round': {
      const inverse = 1 / (params[0] ?? 1);
      return map((value) => Math.floor(value * inverse + 0.5) / inverse);
    }
    case 'histogram_quantile':
      return histogramQuantile(params[0], samples);
    case 'sort':
    case 'sort_desc':
      return [...samples].sort((a, b) => (name === 'sort' ? a.value - b.value : b.value - a.value));
    default:
      return undefined;
  }
}

/** Whether `name` is a supported instant function over a vector, and how many scalar parameters it takes. */
export function vectorFunctionArity(name: string): { scalarsBefore: number; scalarsAfter: number[] } | undefined {
  if (MATH[name] || name === 'sort' || name === 'sort_desc') {
    return { scalarsBefore: 0, scalarsAfter: [0] };
  }
  const table: Record<string, { scalarsBefore: number; scalarsAfter: number[] }> = {
    clamp_min: { scalarsBefore: 0, scalarsAfter: [1] },
    clamp_max: { scalarsBefore: 0, scalarsAfter: [1] },
    clamp: { scalarsBefore: 0, scalarsAfter: [2] },
    round: { scalarsBefore: 0, scalarsAfter: [0, 1] },
    histogram_quantile: { scalarsBefore: 1, scalarsAfter: [0] },
  };
  return table[name];
}

function parseBound(le: string | undefined): number {
  if (le === undefined) {
    return NaN;
  }
  return le === '+Inf' || le === 'Inf' || le === '+inf' ? Infinity : Number(le);
}

/** The φ-quantile of classic histogram buckets, interpolated linearly inside a bucket (Prometheus' `bucketQuantile`). */
export function bucketQuantile(q: number, input: Array<{ bound: number; count: number }>): number {
  if (Number.isNaN(q)) {
    return NaN;
  }
  if (q < 0 || q > 1) {
    return q < 0 ? -Infinity : Infinity;
  }
  const sorted = [...input].sort((a, b) => a.bound - b.bound);
  const buckets: Array<{ bound: number; count: number }> = [];
  for (const bucket of sorted) {
    const last = buckets[buckets.length - 1];
    if (last && last.bound === bucket.bound) {
      last.count += bucket.count;
    } else {
      buckets.push({ ...bucket });
    }
  }
  if (buckets.length < 2 || buckets[buckets.length - 1].bound !== Infinity) {
    return NaN;
  }
  for (let i = 1; i < buckets.length; i++) {
    buckets[i].count = Math.max(buckets[i].count, buckets[i - 1].count);
  }
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) {
    return NaN;
  }
  let rank = q * observations;
  const b = buckets.findIndex((bucket) => bucket.count >= rank);
  if (b === buckets.length - 1) {
    return buckets[buckets.length - 2].bound;
  }
  if (b === 0 && buckets[0].bound <= 0) {
    return buckets[0].bound;
  }
  let start = 0;
  let count = buckets[b].count;
  if (b > 0) {
    start = buckets[b - 1].bound;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return start + (buckets[b].bound - start) * (rank / count);
}

function histogramQuantile(q: number, samples: Sample[]): Sample[] {
  const groups = new Map<string, { labels: Labels; buckets: Array<{ bound: number; count: number }> }>();
  for (const sample of samples) {
    const bound = parseBound(sample.labels.le);
    if (Number.isNaN(bound)) {
      continue;
    }
    const { le: _le, [NAME]: _name, ...labels } = sample.labels;
    const key = JSON.stringify(Object.entries(labels).sort());
    const group = groups.get(key) ?? { labels, buckets: [] };
    group.buckets.push({ bound, count: sample.value });
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({ labels: group.labels, value: bucketQuantile(q, group.buckets) }));
}

/** The error Prometheus gives for an argument of the wrong type. */
export function wrongArgument(name: string, expected: string, got: string): DemoQueryError {
  return new DemoQueryError(`expected type ${expected} in call to function "${name}", got ${got}`);
}
