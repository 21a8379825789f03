import { APIRequestContext, expect, Locator, Page } from '@playwright/test';
import pluginJson from '../../src/plugin.json';

/**
 * Grafana's settings API of the app: the app's settings (data sources, billing, defaults) live in
 * its `jsonData`; the registry lives in dashboards (see registryApi.ts).
 */
export const SETTINGS_URL = `/api/plugins/${pluginJson.id}/settings`;

/** One sample of an instant query: its labels and value. */
export interface Sample {
  metric: Record<string, string>;
  value: number;
}

/**
 * An instant PromQL query through Grafana's data source proxy, i.e. against the same Prometheus
 * the app's panels read, with the signed-in user's rights.
 */
export async function queryPrometheus(request: APIRequestContext, datasourceUid: string, expr: string) {
  const url = `/api/datasources/proxy/uid/${encodeURIComponent(datasourceUid)}/api/v1/query`;
  const response = await request.get(url, { params: { query: expr } });
  expect(response.ok(), `${url} ${expr}: ${response.status()} ${await response.text()}`).toBe(true);
  const body = (await response.json()) as {
    status: string;
    data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  expect(body.status).toBe('success');
  expect(body.data.resultType).toBe('vector');
  return body.data.result.map((sample): Sample => ({ metric: sample.metric, value: Number(sample.value[1]) }));
}

/** The closest element around `field` that also holds `message`: the message is next to the field. */
export function besideField(field: Locator, message: string | RegExp): Locator {
  return field.locator('xpath=ancestor::*').filter({ hasText: message }).last();
}

/**
 * Collects uncaught errors of the page; `assertClean` fails the test if there were any or if an
 * error boundary (Grafana's or @grafana/ui's) replaced part of the page. Console errors are not
 * counted: Grafana itself logs some that have nothing to do with the app.
 */
export function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    async assertClean() {
      await expect(page.getByText('An unexpected error happened')).toHaveCount(0);
      expect(problems).toEqual([]);
    },
  };
}

/** A name no earlier run has used, so that journeys that create things can run again. */
export function uniqueSuffix(): string {
  return Date.now().toString(36);
}
