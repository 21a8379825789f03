import { Sli } from '../model';
import { sumBy } from '../query/combine';
import { parsePromDuration } from '../query/duration';
import { formatSelector, Matcher, parseSelector, sameMatchers, Selector } from '../query/promql';
import { formatLe } from '../query/selector';
import { WINDOW_PLACEHOLDER } from '../query/sli';
import { Fields, isFields } from '../validation/checker';
import { PyrraObject, YamlPath } from './pyrraFields';
import { fields } from './sourceDoc';

/** A Pyrra indicator as the registry holds it, and the selector whose matchers Pyrra puts on its rules. */
export interface PyrraIndicator {
  sli: Sli;
  groupBy: string[];
  /** The total (or bool gauge) metric: Pyrra labels its rules with its equality matchers. */
  labelSource: Read;
  /** Writes to the migration report where each field went, under the SLO's registry path. */
  report: (slo: string) => void;
}

/** A metric field that holds a series selector, with where it was read. */
export interface Read {
  text: string;
  selector: Selector;
  path: YamlPath;
}

/** What a converter found, and the source field of each part of the SLI: `[path, field of sli, why]`. */
type Converted = Omit<PyrraIndicator, 'groupBy' | 'report'> & { sources: Array<[YamlPath, string, string?]> };
type Converter = (spec: Fields, path: YamlPath, groupBy: string[], obj: PyrraObject) => Converted | undefined;

const PATH: YamlPath = ['spec', 'indicator'];

/** `fn(<selector>[{{window}}])` summed by the grouping, as Pyrra sums every term. */
const over = (fn: string, read: Read, groupBy: string[]) =>
  sumBy(`${fn}(${read.text}[${WINDOW_PLACEHOLDER}])`, groupBy);

/** Reads `<key>.metric` (or `metric` itself without `key`): Pyrra takes only a series selector there. */
function readMetric(parent: Fields, key: string | undefined, path: YamlPath, obj: PyrraObject): Read | undefined {
  const holder = key ? fields(parent, key) : parent;
  const where = key ? [...path, key] : path;
  if (key && !holder) {
    obj.report(where, `${where.join('.')} needs a metric, e.g. { metric: http_requests_total{job="api"} }`);
    return undefined;
  }
  if (key) {
    obj.unmapped(holder, ['metric'], where);
  }
  const text = obj.text(holder, 'metric', where, true)?.trim();
  const selector = text === undefined ? undefined : parseSelector(text);
  if (text !== undefined && !selector) {
    obj.report(
      [...where, 'metric'],
      `${[...where, 'metric'].join('.')} must be a series selector such as http_requests_total{job="api"}, as Pyrra requires; got ${JSON.stringify(text)}`
    );
  }
  return text !== undefined && selector ? { text, selector, path: [...where, 'metric'] } : undefined;
}

function readGrouping(indicator: Fields, path: YamlPath, obj: PyrraObject): string[] {
  const grouping = indicator.grouping;
  if (grouping === undefined || grouping === null) {
    return [];
  }
  if (!Array.isArray(grouping)) {
    obj.report([...path, 'grouping'], `${[...path, 'grouping'].join('.')} must be a list of label names`);
    return [];
  }
  grouping.forEach((label, index) => {
    if (typeof label !== 'string') {
      obj.report([...path, 'grouping', index], `grouping entries must be label names, e.g. "handler"`);
    }
  });
  return grouping.filter((label): label is string => typeof label === 'string');
}

/** `le="0.5"` read as 0.5, when the registry's matcher for 0.5 selects exactly that bucket. */
function bucketBound(le: Matcher): number | undefined {
  const bound = Number(le.value);
  const canonical = formatLe(bound);
  const exact = le.value === canonical || (Number.isInteger(bound) && le.value === `${canonical}.0`);
  return le.op === '=' && le.value.trim() !== '' && Number.isFinite(bound) && bound > 0 && exact ? bound : undefined;
}

const withoutLe = (matchers: Matcher[]) => matchers.filter((matcher) => matcher.name !== 'le');

/**
 * The histogram and threshold when `success` is a `_bucket{le="<bound>"}` selector and `total` the
 * same histogram's `_count` (or `_bucket{le="+Inf"}`) with the same other matchers; otherwise why not.
 */
function histogramOf(success: Selector, total: Selector): { histogram: string; threshold: number } | string {
  const base = success.metric.replace(/_bucket$/, '');
  const les = success.matchers.filter((matcher) => matcher.name === 'le');
  const threshold = les.length === 1 ? bucketBound(les[0]) : undefined;
  if (base === success.metric || threshold === undefined) {
    return 'success is not a _bucket selector with one le="<seconds>" matcher';
  }
  const others = withoutLe(success.matchers);
  const totalLe = total.matchers.filter((matcher) => matcher.name === 'le');
  const isCount = total.metric === `${base}_count` && totalLe.length === 0;
  const isInf = total.metric === `${base}_bucket` && totalLe.length === 1 && totalLe[0].value === '+Inf';
  if (!isCount && !isInf) {
    return `total is not the _count of ${base}`;
  }
  if (!sameMatchers(others, withoutLe(total.matchers))) {
    return 'success and total have different matchers';
  }
  return { histogram: formatSelector(success.metric, others), threshold };
}

const convertRatio: Converter = (ratio, path, groupBy, obj) => {
  obj.unmapped(ratio, ['errors', 'total', 'grouping'], path);
  const errors = readMetric(ratio, 'errors', path, obj);
  const total = readMetric(ratio, 'total', path, obj);
  const sources: Converted['sources'] =
    errors && total
      ? [
          [errors.path, 'bad'],
          [total.path, 'total'],
        ]
      : [];
  return (
    errors && total && { sli: { kind: 'ratio', bad: errors.text, total: total.text }, labelSource: total, sources }
  );
};

const convertLatency: Converter = (latency, path, groupBy, obj) => {
  obj.unmapped(latency, ['success', 'total', 'grouping'], path);
  const success = readMetric(latency, 'success', path, obj);
  const total = readMetric(latency, 'total', path, obj);
  if (!success || !total) {
    return undefined;
  }
  const histogram = histogramOf(success.selector, total.selector);
  if (typeof histogram !== 'string') {
    const sources: Converted['sources'] = [
      [success.path, 'histogram'],
      [success.path, 'threshold', 'the le bound'],
      [total.path, 'histogram', `the rules count all events from the le="+Inf" bucket, equal to the _count`],
    ];
    return { sli: { kind: 'latency', ...histogram }, labelSource: total, sources };
  }
  const why = `${histogram}: the SLI is Pyrra's error ratio (total - success) / total, as a freeform SLI`;
  obj.report(path, why, 'warning');
  const all = over('rate', total, groupBy);
  const errorRatio = `(${all} - ${over('rate', success, groupBy)}) / ${all}`;
  const sources: Converted['sources'] = [
    [success.path, 'errorRatio', why],
    [total.path, 'errorRatio', why],
  ];
  return { sli: { kind: 'freeform', errorRatio }, labelSource: total, sources };
};

const convertLatencyNative: Converter = (native, path, groupBy, obj) => {
  obj.unmapped(native, ['latency', 'total', 'grouping'], path);
  const latency = obj.text(native, 'latency', path, true);
  const ms = latency === undefined ? undefined : parsePromDuration(latency.trim());
  if (latency !== undefined && ms === undefined) {
    obj.report(
      [...path, 'latency'],
      `${[...path, 'latency'].join('.')} must be a duration such as 200ms or 1s, got ${JSON.stringify(latency)}`
    );
  }
  const total = readMetric(native, 'total', path, obj);
  if (!total || latency === undefined || ms === undefined) {
    return undefined;
  }
  // Pyrra's burn rate: the share of the native histogram's observations above the latency.
  const errorRatio = `1 - histogram_fraction(0, ${ms / 1000}, ${over('rate', total, groupBy)})`;
  const why = 'the share of observations above the latency, histogram_fraction as Pyrra computes it';
  const sources: Converted['sources'] = [
    [total.path, 'errorRatio', why],
    [[...path, 'latency'], 'errorRatio', why],
  ];
  return { sli: { kind: 'freeform', errorRatio }, labelSource: total, sources };
};

/** Pyrra's bool gauge burn rate: the share of samples that are not 1, `(count - sum) / count`. */
const convertBoolGauge: Converter = (gauge, path, groupBy, obj) => {
  obj.unmapped(gauge, ['metric', 'grouping'], path);
  const metric = readMetric(gauge, undefined, path, obj);
  if (!metric) {
    return undefined;
  }
  const count = over('count_over_time', metric, groupBy);
  const errorRatio = `(${count} - ${over('sum_over_time', metric, groupBy)}) / ${count}`;
  const why = 'the share of samples that are not 1, (count - sum) / count as Pyrra computes it';
  return { sli: { kind: 'freeform', errorRatio }, labelSource: metric, sources: [[metric.path, 'errorRatio', why]] };
};

const CONVERTERS: Record<string, Converter> = {
  ratio: convertRatio,
  latency: convertLatency,
  latencyNative: convertLatencyNative,
  bool_gauge: convertBoolGauge,
  boolGauge: convertBoolGauge,
};

/** Indicator kinds as the CRD spells them; `boolGauge` is read too, with a warning. */
const KINDS = Object.keys(CONVERTERS);

/** The one indicator kind the SLO names, or `undefined` (reported) for none or several. */
function indicatorKind(indicator: Fields | undefined, obj: PyrraObject): string | undefined {
  const kinds = KINDS.filter((kind) => indicator?.[kind] !== undefined && indicator?.[kind] !== null);
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? 'none is set' : `found ${kinds.join(' and ')}`;
    obj.report(
      kinds.length > 1 ? [...PATH, kinds[1]] : PATH,
      `spec.indicator needs one of ratio, latency, latencyNative or bool_gauge; ${found}`
    );
    return undefined;
  }
  if (!isFields(indicator?.[kinds[0]])) {
    obj.report([...PATH, kinds[0]], `spec.indicator.${kinds[0]} must be an object`);
    return undefined;
  }
  if (kinds[0] === 'boolGauge') {
    obj.report(
      [...PATH, 'boolGauge'],
      'Pyrra reads this indicator only as bool_gauge (Kubernetes drops boolGauge); imported as bool_gauge',
      'warning'
    );
  }
  return kinds[0];
}

/**
 * Converts `spec.indicator` of a Pyrra SLO. `ratio` becomes a ratio SLI (errors are the bad
 * events); `latency` a latency SLI when it reads one classic histogram (threshold from `le`), else
 * a freeform SLI with Pyrra's exact error ratio; `latencyNative` and `bool_gauge` freeform SLIs
 * with the error ratio Pyrra's burn-rate rules compute (slo/rules.go), `{{window}}` as the range.
 * `grouping` becomes `groupBy` and, in freeform SLIs, the `sum by` of every term, as in Pyrra.
 */
export function convertPyrraIndicator(indicator: Fields | undefined, obj: PyrraObject): PyrraIndicator | undefined {
  obj.unmapped(indicator, KINDS, PATH);
  const kind = indicatorKind(indicator, obj);
  const spec = kind ? fields(indicator, kind) : undefined;
  if (!kind || !spec) {
    return undefined;
  }
  const path = [...PATH, kind];
  const groupBy = readGrouping(spec, path, obj);
  const converted = CONVERTERS[kind](spec, path, groupBy, obj);
  if (!converted) {
    return undefined;
  }
  const { sli, labelSource, sources } = converted;
  const report = (slo: string) => {
    sources.forEach(([at, field, reason]) => obj.mapped(at, `${slo}.sli.${field}`, reason));
    if (groupBy.length > 0) {
      obj.mapped([...path, 'grouping'], `${slo}.groupBy`);
    }
  };
  return { sli, groupBy, labelSource, report };
}
