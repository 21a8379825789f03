/**
 * The label functions of the demo evaluator, `label_replace` and `label_join`, with Prometheus
 * 2.x semantics: the metric name is kept, an empty result removes the destination label, and two
 * results with the same label set are an error. Regular expressions are anchored like RE2's in
 * Prometheus, and replacements expand `$1`, `${1}`, `$name`, `${name}` and `$$` as Go's
 * `Regexp.Expand` does.
 */
import { DemoQueryError, Labels, Sample, labelsKey } from './values';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function executionError(message: string): DemoQueryError {
  return new DemoQueryError(message, 'execution', 422);
}

/** Sets (or, for an empty value, removes) one label; returns a new label set. */
function withLabel(labels: Labels, name: string, value: string): Labels {
  const { [name]: _old, ...rest } = labels;
  return value === '' ? rest : { ...rest, [name]: value };
}

/** Throws when two samples share a label set, as Prometheus does for function results. */
function unique(samples: Sample[]): Sample[] {
  const seen = new Set<string>();
  for (const sample of samples) {
    const key = labelsKey(sample.labels);
    if (seen.has(key)) {
      throw executionError('vector cannot contain metrics with the same labelset');
    }
    seen.add(key);
  }
  return samples;
}

/**
 * Expands a replacement template with the groups of a match: `$$` is a dollar sign; `$name` takes
 * the longest run of letters, digits and underscores as the group's name or number (`${…}`
 * delimits it); a group that did not match, or does not exist, gives the empty string; a `$`
 * not followed by a name is kept as it is.
 */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) {
      return out + rest;
    }
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const reference = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!reference) {
      out += '$';
      continue;
    }
    rest = rest.slice(reference[0].length);
    const name = reference[1] ?? reference[2];
    if (/^\d+$/.test(name)) {
      out += match[Number(name)] ?? '';
    } else {
      out += match.groups?.[name] ?? '';
    }
  }
}

/** Compiles an RE2 pattern as Prometheus does for `label_replace` (anchored at both ends). */
function compile(pattern: string): RegExp {
  try {
    // Go names groups `(?P<name>…)`, JavaScript `(?<name>…)`
    return new RegExp(`^(?:${pattern.replace(/\(\?P</g, '(?<')})$`);
  } catch {
    throw executionError(`invalid regular expression in label_replace(): ${pattern}`);
  }
}

/**
 * `label_replace(v, dst, replacement, src, regex)`: for each sample whose `src` label (empty when
 * missing) matches `regex`, `dst` becomes the expanded `replacement`; other samples pass unchanged.
 */
export function labelReplace(
  samples: Sample[],
  dst: string,
  replacement: string,
  src: string,
  regex: string
): Sample[] {
  const pattern = compile(regex);
  if (!LABEL_NAME.test(dst)) {
    throw executionError(`invalid destination label name in label_replace(): ${dst}`);
  }
  return unique(
    samples.map((sample) => {
      const match = pattern.exec(sample.labels[src] ?? '');
      return match
        ? { labels: withLabel(sample.labels, dst, expandTemplate(replacement, match)), value: sample.value }
        : sample;
    })
  );
}

/** `label_join(v, dst, separator, src...)`: `dst` becomes the values of the `src` labels joined by `separator`. */
export function labelJoin(samples: Sample[], dst: string, separator: string, sources: string[]): Sample[] {
  if (!LABEL_NAME.test(dst)) {
    throw executionError(`invalid destination label name in label_join(): ${dst}`);
  }
  const bad = sources.find((name) => !LABEL_NAME.test(name));
  if (bad !== undefined) {
    throw executionError(`invalid source label name in label_join(): ${bad}`);
  }
  return unique(
    samples.map((sample) => ({
      labels: withLabel(sample.labels, dst, sources.map((name) => sample.labels[name] ?? '').join(separator)),
      value: sample.value,
    }))
  );
}
