/**
 * What opening one page of the app fetches from Grafana's API in Chromium: every request under
 * `/api/` with its response body size, from a new browser context (nothing cached), counted until
 * the page is ready and no request has started or been in flight for a second.
 */
import { Browser, Request } from 'playwright-core';

/** The endpoints the registry's storage calls: plugin settings, folders, dashboards, search. */
const REGISTRY_API = /^\/api\/(plugins|folders|dashboards|search)(\/|$)/;

export interface ApiRequest {
  method: string;
  path: string;
  status: number;
  bytes: number;
}

export interface PageRequests {
  url: string;
  /** Milliseconds from navigation start until the ready selector was visible. */
  readyMs: number;
  registry: ApiRequest[];
  /** Other `/api/` requests (data source queries, the data source list). */
  other: ApiRequest[];
  registryBytes: number;
}

const QUIET_MS = 1000;

export async function pageRequests(
  browser: Browser,
  baseURL: string,
  url: string,
  readySelector: string
): Promise<PageRequests> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const pending = new Set<Request>();
    const done: Array<Promise<ApiRequest>> = [];
    let lastActivity = Date.now();
    const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
    page.on('request', (request) => {
      if (isApi(request)) {
        pending.add(request);
        lastActivity = Date.now();
      }
    });
    const finish = (request: Request) => {
      if (!pending.delete(request)) {
        return;
      }
      lastActivity = Date.now();
      done.push(
        (async () => {
          const response = await request.response();
          const sizes = await request.sizes();
          return {
            method: request.method(),
            path: new URL(request.url()).pathname,
            status: response?.status() ?? 0,
            bytes: sizes.responseBodySize,
          };
        })()
      );
    };
    page.on('requestfinished', finish);
    page.on('requestfailed', finish);
    await page.goto(`${baseURL}${url}`, { waitUntil: 'commit' });
    await page.locator(readySelector).first().waitFor({ state: 'visible', timeout: 60_000 });
    const readyMs = await page.evaluate(() => performance.now());
    while (pending.size > 0 || Date.now() - lastActivity < QUIET_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const requests = await Promise.all(done);
    const registry = requests.filter((request) => REGISTRY_API.test(request.path));
    return {
      url,
      readyMs,
      registry,
      other: requests.filter((request) => !REGISTRY_API.test(request.path)),
      registryBytes: registry.reduce((sum, request) => sum + request.bytes, 0),
    };
  } finally {
    await context.close();
  }
}
