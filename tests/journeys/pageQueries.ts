import type { Page, Request } from '@playwright/test';

/** One instant PromQL query a page sent: its expression and the evaluation time, in seconds. */
export interface InstantQuery {
  expr: string;
  time: number;
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
