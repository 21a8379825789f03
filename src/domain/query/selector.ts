/**
 * Building selectors as text, for PromQL and LogQL. Selectors come from users
 * (`http_requests_total{code=~"5.."}`), so they are edited textually: matchers are appended inside
 * the braces, nothing else is rewritten. Checking a selector someone typed needs the parser and is
 * in promql.ts (`checkSelector`, `checkSeriesSelector`).
 */

/** Escapes a label value for a double-quoted PromQL/LogQL string. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Formats label equality matchers in key order, e.g. `{sloth_id="checkout-availability"}`. */
export function formatMatchers(labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .sort()
    .map((name) => `${name}="${escapeLabelValue(labels[name])}"`);
  return `{${parts.join(', ')}}`;
}

/** A regex matching exactly the given values (anchored by Prometheus), metacharacters escaped. */
export function regexOf(values: string[]): string {
  return values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** `name=~"a|b"` for a PromQL or LogQL selector, the regex escaped for a double-quoted string. */
export function regexMatcher(name: string, values: string[]): string {
  return `${name}=~"${escapeLabelValue(regexOf(values))}"`;
}

/** The matchers inside a service's selector: `{service="checkout"}` gives `service="checkout"`. */
export function selectorMatchers(selector: string): string {
  const trimmed = selector.trim();
  const open = trimmed.indexOf('{');
  const close = trimmed.lastIndexOf('}');
  return open === -1 || close < open ? '' : trimmed.slice(open + 1, close).trim();
}

/** A metric selected by a service's selector plus extra matchers: `deploys_total{service="checkout"}`. */
export function metricSelector(metric: string, serviceSelector: string, extra: string[] = []): string {
  const matchers = [selectorMatchers(serviceSelector), ...extra].filter((matcher) => matcher !== '');
  return `${metric}{${matchers.join(', ')}}`;
}

/**
 * Adds matchers (already formatted, e.g. `le="0.3"`) to a selector: inside its braces when it has
 * some, in new braces otherwise.
 */
export function addMatchers(selector: string, matchers: string[]): string {
  const trimmed = selector.trim();
  if (matchers.length === 0) {
    return trimmed;
  }
  const added = matchers.join(', ');
  if (!trimmed.endsWith('}')) {
    return `${trimmed}{${added}}`;
  }
  const inner = trimmed.slice(trimmed.lastIndexOf('{') + 1, -1).trim();
  const head = trimmed.slice(0, trimmed.lastIndexOf('{'));
  const joined = inner === '' ? added : `${inner.replace(/,\s*$/, '')}, ${added}`;
  return `${head}{${joined}}`;
}

/** Turns a histogram base name or `_bucket` selector into the `_bucket` selector. */
export function bucketSelector(histogram: string): string {
  const trimmed = histogram.trim();
  const brace = trimmed.indexOf('{');
  const name = brace === -1 ? trimmed : trimmed.slice(0, brace);
  const matchers = brace === -1 ? '' : trimmed.slice(brace);
  if (name === '' || name.endsWith('_bucket')) {
    return trimmed;
  }
  return `${name}_bucket${matchers}`;
}

/**
 * The `le` matcher for a bucket bound. Go clients write whole bounds as `1` and Python/Java ones as
 * `1.0` (Prometheus 3 normalises both to `1` at scrape, 2.x keeps them as sent), so whole numbers
 * match both spellings; fractional bounds are written the same way by all clients (`0.3`).
 */
export function leMatcher(bound: number): string {
  if (bound === Infinity) {
    return 'le="+Inf"';
  }
  const text = formatLe(bound);
  if (Number.isInteger(bound) && !text.includes('e')) {
    return `le=~"${text}|${text}\\\\.0"`;
  }
  return `le="${text}"`;
}

/**
 * Formats a bucket bound the way Prometheus' Go client does: `strconv.FormatFloat(v, 'g', -1, 64)`,
 * which uses the shortest round-trip digits and switches to an exponent below 1e-4 and from 1e6.
 */
export function formatLe(bound: number): string {
  if (bound === Infinity) {
    return '+Inf';
  }
  const [mantissa, exponentText] = bound.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) {
    return String(bound);
  }
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
