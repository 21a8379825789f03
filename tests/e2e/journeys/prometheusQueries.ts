import { expect, Page, Request } from '@playwright/test';

/** One instant PromQL query a page sent: its expression and the evaluation time, in seconds. */
export interface InstantQuery {
  expr: string;
  time: number;
}

/** The Prometheus the journeys compare with; fails the test, saying why, when it is not set. */
export function prometheusUrl(): string {
  const url = process.env.PROMETHEUS_URL;
  expect(
    url,
    'PROMETHEUS_URL must name the Prometheus the sandbox proxies to (the e2e global setup starts one)'
  ).toBeTruthy();
  return url!.replace(/\/+$/, '');
}

/**
 * Instant queries of one request: the data source proxy's `api/v1/query` (as the sandbox's data
 * source sends them, query and time in the URL or the form body) and Grafana's `/api/ds/query`
 * (expressions in the JSON body, evaluated at the range's end).
 */
function instantQueries(request: Request): InstantQuery[] {
  const url = new URL(request.url());
  if (/\/api\/datasources\/(proxy\/)?uid\/[^/]+\/(resources\/)?api\/v1\/query$/.test(url.pathname)) {
    const params = new URLSearchParams(url.search);
    new URLSearchParams(request.method() === 'POST' ? (request.postData() ?? '') : '').forEach((value, key) =>
      params.set(key, value)
    );
    const expr = params.get('query');
    const time = Number(params.get('time'));
    return expr && Number.isFinite(time) ? [{ expr, time }] : [];
  }
  if (url.pathname === '/api/ds/query' && request.method() === 'POST') {
    const body = request.postDataJSON() as { to?: string; queries?: Array<{ expr?: string; instant?: boolean }> };
    const time = Math.floor(Number(body.to) / 1000);
    return (body.queries ?? [])
      .filter((query) => query.instant && query.expr)
      .map((query) => ({ expr: query.expr!, time }));
  }
  return [];
}

/** Records every instant PromQL query the page sends from now on, oldest first. */
export function recordInstantQueries(page: Page): InstantQuery[] {
  const queries: InstantQuery[] = [];
  page.on('request', (request) => queries.push(...instantQueries(request)));
  return queries;
}

export interface PromSample {
  labels: Record<string, string>;
  value: number;
}

/** Evaluates `expr` at `time` (seconds) on the Prometheus at `baseUrl`. */
export async function queryPrometheus(baseUrl: string, expr: string, time: number): Promise<PromSample[]> {
  const response = await fetch(`${baseUrl}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: expr, time: String(time) }).toString(),
  });
  const answer = (await response.json()) as {
    status: string;
    error?: string;
    data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  expect(answer.status, `Prometheus refused ${expr}: ${answer.error}`).toBe('success');
  expect(answer.data.resultType).toBe('vector');
  return answer.data.result.map((series) => ({ labels: series.metric, value: Number(series.value[1]) }));
}
