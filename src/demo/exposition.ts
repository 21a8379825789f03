/**
 * Text formats of the samples: the Prometheus exposition format served on `/metrics`, and
 * OpenMetrics with timestamps for backfilling history with promtool.
 */
import { DemoSample, MetricFamily, familyOf } from './families';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (value === Infinity) {
    return '+Inf';
  }
  return String(value);
}

function seriesText(sample: DemoSample): string {
  const labels = Object.entries(sample.labels)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',');
  return labels ? `${sample.name}{${labels}}` : sample.name;
}

/** Name of a family in the Prometheus text format: counters keep their `_total`. */
function textFamilyName(family: MetricFamily): string {
  return family.type === 'counter' ? `${family.name}_total` : family.name;
}

/** Samples in the Prometheus text exposition format (0.0.4), grouped by family. */
export function renderPrometheusText(samples: DemoSample[]): string {
  const byFamily = new Map<MetricFamily | undefined, DemoSample[]>();
  for (const sample of samples) {
    const family = familyOf(sample.name);
    byFamily.set(family, [...(byFamily.get(family) ?? []), sample]);
  }
  const blocks = [...byFamily].map(([family, members]) => {
    const header = family
      ? [`# HELP ${textFamilyName(family)} ${family.help}`, `# TYPE ${textFamilyName(family)} ${family.type}`]
      : [];
    return [...header, ...members.map((sample) => `${seriesText(sample)} ${formatValue(sample.value)}`)].join('\n');
  });
  return blocks.join('\n') + '\n';
}

/** The `# TYPE` and `# HELP` lines that open a family in OpenMetrics. */
export function openMetricsHeader(family: MetricFamily): string {
  return `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} ${family.type}\n`;
}

/** One OpenMetrics sample line with its timestamp in seconds. */
export function openMetricsSample(sample: DemoSample, t: number): string {
  return `${seriesText(sample)} ${formatValue(sample.value)} ${t}\n`;
}

/** The line that must end an OpenMetrics document. */
export const OPENMETRICS_EOF = '# EOF\n';
