import { getBackendSrv } from '@grafana/runtime';
import { RegistryUser } from './access';
import { createGrafanaApi, GrafanaApi } from './grafana/api';
import { backendSrvTransport } from './grafana/backendSrvTransport';
import { signedInUser } from './grafana/signedInUser';
import { MigrationProgress } from './migration';
import { loadRegistry } from './registryStore';
import { LoadResult, RegistryPreview } from './types';

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
  /** The head of a large index, read before the whole, while the whole waits for it to be shown. */
  preview?: { value: RegistryPreview; shown: () => void };
  previewListener?: PreviewListener;
}

/** Shows a preview; the promise settles once it is on screen. */
export type PreviewListener = (preview: RegistryPreview) => Promise<void> | void;

/**
 * How long the whole index waits for the page to show its head when the page's code has not
 * arrived yet; after that it is decoded anyway.
 */
export const PREVIEW_WAIT_MS = 2_000;

/** A read older than this is not taken: the provider reads again rather than show old data. */
export const PRELOAD_MAX_AGE_MS = 30_000;

let preloaded: Preloaded | undefined;

/**
 * Starts reading the registry, unless a read started earlier is still waiting to be taken. Reads
 * through Grafana's API as the signed-in user unless told otherwise (tests).
 */
export function preloadRegistry(
  options: { api?: GrafanaApi; user?: RegistryUser; now?: number; preview?: boolean; previewWaitMs?: number } = {}
): void {
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
    onPreview: options.preview
      ? (preview) => showWhenTaken(entry, preview, options.previewWaitMs ?? PREVIEW_WAIT_MS)
      : undefined,
  });
  preloaded = entry;
}

function showWhenTaken(entry: Preloaded, value: RegistryPreview, waitMs: number): Promise<void> | void {
  if (entry.previewListener) {
    return entry.previewListener(value);
  }
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      entry.preview = undefined;
      resolve();
    }, waitMs);
    entry.preview = {
      value,
      shown: () => {
        clearTimeout(timer);
        resolve();
      },
    };
  });
}

/** The preloaded read, without taking it (for reads that follow it, e.g. the live values). */
export function preloadedRegistry(): Promise<LoadResult> | undefined {
  return preloaded?.result;
}

/**
 * The preloaded read, once: undefined when there is none or it is too old. `onProgress` hears
 * the migration progress so far and from now on, `onPreview` the head of a large index, if the
 * read was asked for one and the whole is not decoded yet.
 */
export function takePreloadedRegistry(
  onProgress: (progress: MigrationProgress) => void,
  onPreview?: PreviewListener,
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
  entry.previewListener = onPreview;
  const waiting = entry.preview;
  entry.preview = undefined;
  if (waiting) {
    Promise.resolve(onPreview?.(waiting.value)).then(waiting.shown, waiting.shown);
  }
  return entry.result;
}
