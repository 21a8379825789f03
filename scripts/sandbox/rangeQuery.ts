/**
 * What the history backfills (recorded series, alerts) share: asking a running Prometheus for an
 * expression over a range, and writing label sets as OpenMetrics.
 */

/** One series of a range query's answer. */
export interface RangeSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

interface PromMatrix {
  status: string;
  error?: string;
  data: { result: RangeSeries[] };
}

/** The series of `expr` evaluated at every `step` in `[start, end]` (Unix seconds); `what` names it in errors. */
export async function rangeQuery(
  url: string,
  expr: string,
  range: { start: number; end: number; step: number },
  what: string
): Promise<RangeSeries[]> {
  const params = new URLSearchParams({
    query: expr,
    start: String(range.start),
    end: String(range.end),
    step: String(range.step),
  });
  const answer = (await (
    await fetch(`${url}/api/v1/query_range`, { method: 'POST', body: params })
  ).json()) as PromMatrix;
  if (answer.status !== 'success') {
    throw new Error(`${what}: ${answer.error}`);
  }
  return answer.data.result;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `name="value",…` of an OpenMetrics sample, in name order, values escaped. */
export function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',');
}
