import { APIRequestContext, expect, Locator, Page } from '@playwright/test';
import type { RegistryDocument } from '../../src/domain/model';
import pluginJson from '../../src/plugin.json';
import { readStoredRegistry } from '../../src/storage/storedRegistry';

/** Grafana's settings API of the app: the registry lives in its `jsonData`. */
export const SETTINGS_URL = `/api/plugins/${pluginJson.id}/settings`;

/** What `GET /api/plugins/<id>/settings` answers, as far as the journeys need it. */
export interface AppSettingsDto {
  enabled: boolean;
  pinned: boolean;
  jsonData: Record<string, unknown> | null;
}

export async function readSettings(request: APIRequestContext): Promise<AppSettingsDto> {
  const response = await request.get(SETTINGS_URL);
  expect(response.ok(), `GET ${SETTINGS_URL}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as AppSettingsDto;
}

/** Writes the app's settings back as they were read (the registry and everything else in `jsonData`). */
export async function writeSettings(request: APIRequestContext, settings: AppSettingsDto): Promise<void> {
  const { enabled, pinned, jsonData } = settings;
  const response = await request.post(SETTINGS_URL, { data: { enabled, pinned, jsonData } });
  expect(response.ok(), `POST ${SETTINGS_URL}: ${response.status()} ${await response.text()}`).toBe(true);
}

/** The registry document Grafana stores now. */
export async function readRegistry(request: APIRequestContext): Promise<RegistryDocument> {
  const stored = readStoredRegistry((await readSettings(request)).jsonData);
  if (!stored.ok) {
    throw new Error(`stored registry unreadable: ${stored.message}`);
  }
  return stored.doc;
}

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
