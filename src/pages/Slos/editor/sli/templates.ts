/**
 * SLI templates, kept as data: what metric each one starts from and how the chosen metric, label
 * matchers and status label or bucket become an SLI. The editor's pickers fill a `TemplateChoice`;
 * `sliFromTemplate` turns it into the SLI the rules are generated from.
 */
import { LatencySli, RatioSli } from '../../../../domain/model';
import { escapeLabelValue } from '../../../../domain/query/selector';

export type TemplateId = 'httpAvailability' | 'histogramLatency';

export interface SliTemplate {
  id: TemplateId;
  kind: 'ratio' | 'latency';
  /** Metric names the picker offers end with this, e.g. counters `_total`, histograms `_bucket`. */
  metricSuffix: string;
  /** Label names tried, in order, as the status-code label. */
  statusLabels?: string[];
  /** Default regular expression of error status codes. */
  errorPattern?: string;
}

export const SLI_TEMPLATES: Record<TemplateId, SliTemplate> = {
  httpAvailability: {
    id: 'httpAvailability',
    kind: 'ratio',
    metricSuffix: '_total',
    statusLabels: ['code', 'status_code', 'status', 'http_status', 'response_code'],
    errorPattern: '5..',
  },
  histogramLatency: { id: 'histogramLatency', kind: 'latency', metricSuffix: '_bucket' },
};

export interface Matcher {
  label: string;
  value: string;
}

export interface TemplateChoice {
  metric: string;
  /** Equality matchers that select the service's series, e.g. `service="checkout"`. */
  matchers: Matcher[];
  statusLabel?: string;
  errorPattern?: string;
  /** Chosen latency threshold, one of `buckets`. */
  threshold?: number;
  buckets?: number[];
}

/** `metric{a="b", c="d"}` from a metric name and equality matchers (blank ones left out). */
export function selectorOf(metric: string, matchers: Matcher[], extra: string[] = []): string {
  const parts = [
    ...matchers
      .filter((matcher) => matcher.label.trim() !== '' && matcher.value !== '')
      .map((matcher) => `${matcher.label.trim()}="${escapeLabelValue(matcher.value)}"`),
    ...extra,
  ];
  return parts.length === 0 ? metric.trim() : `${metric.trim()}{${parts.join(', ')}}`;
}

/** Equality matchers of a service selector such as `{service="checkout", env="prod"}`. */
export function matchersOfSelector(selector: string): Matcher[] {
  return [...selector.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"/g)].map((match) => ({
    label: match[1],
    value: match[2].replace(/\\(.)/g, '$1'),
  }));
}

/** The first of the template's status labels that the metric has. */
export function guessStatusLabel(template: SliTemplate, labels: string[]): string | undefined {
  return template.statusLabels?.find((label) => labels.includes(label));
}

/** Metric names the template offers: those ending in its suffix, sorted. */
export function templateMetrics(template: SliTemplate, names: string[]): string[] {
  return names.filter((name) => name.endsWith(template.metricSuffix)).sort();
}

/** The bucket closest to `preferred` seconds, to preselect a threshold (e.g. 0.5 s). */
export function closestBucket(buckets: number[], preferred = 0.5): number | undefined {
  return buckets.reduce<number | undefined>(
    (best, bound) => (best === undefined || Math.abs(bound - preferred) < Math.abs(best - preferred) ? bound : best),
    undefined
  );
}

/** Availability from a status-code label: errors are the requests whose status matches the pattern. */
export function availabilitySli(choice: TemplateChoice, template = SLI_TEMPLATES.httpAvailability): RatioSli {
  const statusLabel = choice.statusLabel?.trim() || template.statusLabels?.[0] || 'code';
  const pattern = choice.errorPattern?.trim() || template.errorPattern || '5..';
  return {
    kind: 'ratio',
    bad: selectorOf(choice.metric, choice.matchers, [`${statusLabel}=~"${escapeLabelValue(pattern)}"`]),
    total: selectorOf(choice.metric, choice.matchers),
  };
}

/** Latency from a `_bucket` histogram: requests slower than the chosen bucket are errors. */
export function latencySli(choice: TemplateChoice): LatencySli {
  return {
    kind: 'latency',
    histogram: selectorOf(choice.metric, choice.matchers),
    threshold: choice.threshold ?? Number.NaN,
    ...(choice.buckets && choice.buckets.length > 0 ? { buckets: choice.buckets } : {}),
  };
}

/** The SLI a template builds from the pickers' choice. */
export function sliFromTemplate(id: TemplateId, choice: TemplateChoice): RatioSli | LatencySli {
  return id === 'httpAvailability' ? availabilitySli(choice) : latencySli(choice);
}
