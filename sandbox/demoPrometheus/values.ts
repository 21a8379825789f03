/**
 * Values of the demo PromQL evaluator (Prometheus' own data model, floats only), label matchers
 * and the errors it answers with.
 */

/** A label set; the metric name is the `__name__` label, as in Prometheus. */
export type Labels = Record<string, string>;

export const NAME = '__name__';

/** One element of an instant vector. */
export interface Sample {
  labels: Labels;
  value: number;
}

/** One element of a range vector: `[unix seconds, value]` points, oldest first. */
export interface Series {
  labels: Labels;
  points: Array<[number, number]>;
}

export type Value =
  | { kind: 'scalar'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'vector'; samples: Sample[] }
  | { kind: 'matrix'; series: Series[] };

/** An error answered in Prometheus' error JSON: `errorType` and the HTTP status that goes with it. */
export class DemoQueryError extends Error {
  constructor(
    message: string,
    readonly errorType: 'bad_data' | 'execution' | 'not_found' = 'bad_data',
    readonly status = 400
  ) {
    super(message);
  }
}

/** The error for PromQL (or API) the demo data source does not implement. */
export function unsupported(what: string): DemoQueryError {
  return new DemoQueryError(
    `the demo data source does not support ${what}; run npm run sandbox:prometheus for a real Prometheus`
  );
}

const keys = new WeakMap<Labels, string>();

/** A stable key of a label set, for grouping and de-duplication (remembered per label object: treat labels as immutable). */
export function labelsKey(labels: Labels): string {
  let key = keys.get(labels);
  if (key === undefined) {
    key = '';
    for (const name of Object.keys(labels).sort()) {
      key += `${name}\u0000${labels[name]}\u0001`;
    }
    keys.set(labels, key);
  }
  return key;
}

/** The labels without the metric name. */
export function dropName(labels: Labels): Labels {
  const { [NAME]: _name, ...rest } = labels;
  return rest;
}

/** Label matcher operators: `=`, `!=`, `=~`, `!~`. */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/** A label matcher; a label the series lacks reads as the empty string, as in Prometheus. */
export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  test(value: string): boolean;
}

/** Builds a matcher; regular expressions are fully anchored like Prometheus' RE2 matchers. */
export function makeMatcher(name: string, op: MatchOp, value: string): Matcher {
  let test: (candidate: string) => boolean;
  if (op === '=~' || op === '!~') {
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${value})$`, 's');
    } catch (error) {
      throw new DemoQueryError(`invalid regular expression "${value}": ${(error as Error).message}`);
    }
    test = op === '=~' ? (candidate) => pattern.test(candidate) : (candidate) => !pattern.test(candidate);
  } else {
    test = op === '=' ? (candidate) => candidate === value : (candidate) => candidate !== value;
  }
  return { name, op, value, test };
}

/** Whether a label set satisfies every matcher. */
export function matchesAll(labels: Labels, matchers: Matcher[]): boolean {
  return matchers.every((matcher) => matcher.test(labels[matcher.name] ?? ''));
}

/** Prometheus' text form of a sample value in JSON answers: `NaN`, `+Inf`, `-Inf` or the number. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (value === Infinity) {
    return '+Inf';
  }
  return value === -Infinity ? '-Inf' : String(value);
}
