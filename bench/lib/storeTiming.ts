/**
 * `loadRegistry` and `saveRegistry` timed against a running sandbox over HTTP, the way the command
 * line reaches Grafana (`fetchTransport` with a token), with every request logged: its time and
 * the bytes sent and received.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GrafanaStore } from '../../sandbox/grafanaStore/store';
import { RegistryDocument } from '../../src/domain/model';
import { RegistryUser } from '../../src/storage/access';
import { createGrafanaApi } from '../../src/storage/grafana/api';
import { fetchTransport } from '../../src/storage/grafana/fetchTransport';
import { LoadedRegistry, loadRegistry, saveRegistry } from '../../src/storage/registryStore';
import { median } from './results';

export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  ms: number;
  sentBytes: number;
  receivedBytes: number;
}

export interface TimedCall {
  ms: number;
  requests: LoggedRequest[];
}

/** `fetch` that logs each request into `log`, reading the body to count it (the transport reads it anyway). */
function loggingFetch(log: LoggedRequest[]): typeof fetch {
  return (async (input: string, init?: RequestInit) => {
    const started = performance.now();
    const answer = await fetch(input, init);
    const body = Buffer.from(await answer.arrayBuffer());
    log.push({
      method: init?.method ?? 'GET',
      path: labelOf(new URL(input).pathname, init?.body),
      status: answer.status,
      ms: performance.now() - started,
      sentBytes: typeof init?.body === 'string' ? Buffer.byteLength(init.body) : 0,
      receivedBytes: body.length,
    });
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  }) as typeof fetch;
}

/** The path, and for a dashboard save the uid it writes (the command starts with the dashboard). */
function labelOf(path: string, body: unknown): string {
  const uid = typeof body === 'string' ? body.slice(0, 200).match(/"uid":"([^"]+)"/)?.[1] : undefined;
  return path === '/api/dashboards/db' && uid ? `${path} (${uid})` : path;
}

export interface StoreTimings {
  runs: number;
  load: TimedCall[];
  save: TimedCall[];
  loadMedianMs: number;
  saveMedianMs: number;
}

/**
 * `runs` rounds after one warm-up, each a `loadRegistry` and then a `saveRegistry` that changes the
 * description of `serviceId` (a new text each round, so every save writes).
 */
export async function timeStore(
  baseURL: string,
  token: string,
  user: RegistryUser,
  serviceId: string,
  runs: number
): Promise<StoreTimings> {
  const load: TimedCall[] = [];
  const save: TimedCall[] = [];
  for (let round = 0; round <= runs; round++) {
    const loadLog: LoggedRequest[] = [];
    const loadApi = createGrafanaApi(fetchTransport(baseURL, token, loggingFetch(loadLog)));
    let started = performance.now();
    const loaded = await loadRegistry(loadApi, user);
    const loadMs = performance.now() - started;
    if (!loaded.ok) {
      throw new Error(`loadRegistry: ${loaded.message}`);
    }
    const saveLog: LoggedRequest[] = [];
    const saveApi = createGrafanaApi(fetchTransport(baseURL, token, loggingFetch(saveLog)));
    const next = describe(loaded, serviceId, `Benchmark round ${round} at ${new Date().toISOString()}`);
    started = performance.now();
    const saved = await saveRegistry(loaded, next, { api: saveApi, user });
    const saveMs = performance.now() - started;
    if (!saved.ok || saved.warning) {
      throw new Error(`saveRegistry: ${saved.ok ? saved.warning : saved.message}`);
    }
    if (round > 0) {
      load.push({ ms: loadMs, requests: loadLog });
      save.push({ ms: saveMs, requests: saveLog });
    }
  }
  return {
    runs,
    load,
    save,
    loadMedianMs: median(load.map((call) => call.ms)),
    saveMedianMs: median(save.map((call) => call.ms)),
  };
}

function describe(loaded: LoadedRegistry, serviceId: string, description: string): RegistryDocument {
  if (!loaded.doc.services.some((service) => service.id === serviceId)) {
    throw new Error(`no service ${serviceId} to save`);
  }
  return {
    ...loaded.doc,
    services: loaded.doc.services.map((service) => (service.id === serviceId ? { ...service, description } : service)),
  };
}

/**
 * What the sandbox spends writing its state file, which it rewrites whole after every dashboard
 * save (Grafana updates one row): median of `runs` writes of a copy of `dashboardsPath`.
 */
export function timeSandboxPersist(dashboardsPath: string, runs = 3): { bytes: number; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bizowner-bench-persist-'));
  try {
    const copy = join(dir, 'dashboards.json');
    copyFileSync(dashboardsPath, copy);
    const store = new GrafanaStore(copy, 20);
    const times = Array.from({ length: runs }, () => {
      const started = performance.now();
      store.persist();
      return performance.now() - started;
    });
    return { bytes: statSync(copy).size, ms: median(times) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median time and bytes of each request step over the calls, keyed by method, path and occurrence. */
export function requestSteps(
  calls: TimedCall[]
): Array<{ step: string; ms: number; sentBytes: number; receivedBytes: number }> {
  const steps = new Map<string, LoggedRequest[]>();
  for (const call of calls) {
    const seen = new Map<string, number>();
    for (const request of call.requests) {
      const key = `${request.method} ${request.path}`;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      const step = nth === 1 ? key : `${key} (${nth})`;
      steps.set(step, [...(steps.get(step) ?? []), request]);
    }
  }
  return [...steps].map(([step, requests]) => ({
    step,
    ms: median(requests.map((r) => r.ms)),
    sentBytes: median(requests.map((r) => r.sentBytes)),
    receivedBytes: median(requests.map((r) => r.receivedBytes)),
  }));
}
