import { getBackendSrv } from '@grafana/runtime';
import { RegistryUser } from './access';
import { createGrafanaApi, GrafanaApi } from './grafana/api';
import { backendSrvTransport } from './grafana/backendSrvTransport';
import { signedInUser } from './grafana/signedInUser';
import { MigrationProgress } from './migration';
import { loadRegistry } from './registryStore';
import { LoadResult } from './types';

/**
 * The registry's first read, started by module.tsx when one of the app's pages opens, while the
 * app's code is still on its way; `RegistryProvider` takes it instead of starting the same read
 * once that code has arrived. It reads as the provider would: Grafana's API, the signed-in user.
 */
interface Preloaded {
  startedAt: number;
  result: Promise<LoadResult>;
  /** The last progress of a migration the read runs, and who hears about the next. */
  progress?: MigrationProgress;
  listener?: (progress: MigrationProgress) => void;
}

/** A read older than this is not taken: the provider reads again rather than show old data. */
export const PRELOAD_MAX_AGE_MS = 30_000;

let preloaded: Preloaded | undefined;

/**
 * Starts reading the registry, unless a read started earlier is still waiting to be taken. Reads
 * through Grafana's API as the signed-in user unless told otherwise (tests).
 */
export function preloadRegistry(options: { api?: GrafanaApi; user?: RegistryUser; now?: number } = {}): void {
  const now = options.now ?? Date.now();
  if (preloaded && now - preloaded.startedAt < PRELOAD_MAX_AGE_MS) {
    return;
  }
  const api = options.api ?? createGrafanaApi(backendSrvTransport(getBackendSrv()));
  const entry: Preloaded = { startedAt: now, result: Promise.resolve({ ok: false, kind: 'error', message: '' }) };
  entry.result = loadRegistry(api, options.user ?? signedInUser(), {
    onProgress: (progress) => {
      entry.progress = progress;
      entry.listener?.(progress);
    },
  });
  preloaded = entry;
}

/** The preloaded read, without taking it (for reads that follow it, e.g. the live values). */
export function preloadedRegistry(): Promise<LoadResult> | undefined {
  return preloaded?.result;
}

/**
 * The preloaded read, once: undefined when there is none or it is too old. `onProgress` hears
 * the migration progress so far and from now on.
 */
export function takePreloadedRegistry(
  onProgress: (progress: MigrationProgress) => void,
  now = Date.now()
): Promise<LoadResult> | undefined {
  const entry = preloaded;
  preloaded = undefined;
  if (!entry || now - entry.startedAt >= PRELOAD_MAX_AGE_MS) {
    return undefined;
  }
  entry.listener = onProgress;
  if (entry.progress) {
    onProgress(entry.progress);
  }
  return entry.result;
}
