import React, { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { getBackendSrv } from '@grafana/runtime';
import { RegistryDocument } from '../domain/model';
import { canPushAlertRules, canPushNotifications, RegistryUser } from './access';
import { createGrafanaApi, GrafanaApi } from './grafana/api';
import { backendSrvTransport } from './grafana/backendSrvTransport';
import { signedInUser } from './grafana/signedInUser';
import { HistoryResult, loadServiceHistory, RestoreResult, restoreServiceVersion } from './history';
import { MigrationProgress } from './migration';
import { PREVIEW_WAIT_MS, PreviewListener, takePreloadedRegistry } from './preload';
import { loadRegistry, saveRegistry } from './registryStore';
import { checkStorage as checkDocuments, StorageCheckResult } from './repair';
import { SaveResult } from './save/saveRegistry';
import { LoadedRegistry, LoadResult, RegistryPreview, StorageNotice } from './types';

export interface RegistryContextValue {
  /** The registry as last loaded or saved; undefined while loading or after a failed load. */
  doc?: RegistryDocument;
  loading: boolean;
  /**
   * While a large registry loads, the head of its index (documents/indexHead.ts), for a page that
   * can show its first rows from it: the services list.
   */
  preview?: RegistryPreview;
  /**
   * Called by the page showing `preview` once it is on screen (or once it knows it cannot show it):
   * the whole registry is decoded after that, so that its work does not come before the first rows.
   */
  previewShown(): void;
  /** How far moving a registry out of the plugin settings has come, while it runs. */
  progress?: MigrationProgress;
  /** Why the registry could not be loaded. */
  error?: string;
  canWrite: boolean;
  /** Why the user cannot save, when `canWrite` is false. */
  readOnlyReason?: string;
  /** Whether the user may change the app's settings (data sources, billing, defaults). */
  canWriteSettings: boolean;
  /** Whether the user may push alert rules through Grafana's alerting provisioning API. */
  canPushAlerts: boolean;
  /** Whether the user may push contact points and notification policies through the same API. */
  canPushNotifications: boolean;
  /** What storage wants people to know: a registry just moved, an old copy ignored. */
  notices: StorageNotice[];
  /** The last save's warning, e.g. an index that lags behind. */
  warning?: string;
  /**
   * Saves `next` over the registry this value was rendered with; on a conflict nothing changes
   * here until `reload()`.
   */
  save(next: RegistryDocument): Promise<SaveResult>;
  reload(): Promise<void>;
  history(serviceId: string): Promise<HistoryResult>;
  /** Brings back a service's values of `version` as a new version. */
  restore(serviceId: string, version: number): Promise<RestoreResult>;
  /** Rebuilds the index from the documents where it lags behind, then reloads. */
  checkStorage(): Promise<StorageCheckResult>;
}

const RegistryContext = createContext<RegistryContextValue | undefined>(undefined);

export interface RegistryProviderProps {
  children: ReactNode;
  /** Defaults to Grafana's HTTP API through `getBackendSrv()`. */
  api?: GrafanaApi;
  /** Defaults to the signed-in user (Grafana's `config.bootData.user`). */
  user?: RegistryUser;
  /** Whether the page opened first shows a large registry's head while the rest is decoded. */
  wantsPreview?: boolean;
}

interface State {
  /** The registry as last read or written: what pages show and what the next save compares against. */
  loaded?: LoadedRegistry;
  loading: boolean;
  preview?: { value: RegistryPreview; shown: () => void };
  progress?: MigrationProgress;
  error?: string;
  warning?: string;
}

/** Loads the registry once and shares it, with save and reload, with every page below it. */
export function RegistryProvider({ children, api, user, wantsPreview = false }: RegistryProviderProps) {
  const grafana = useMemo(() => api ?? createGrafanaApi(backendSrvTransport(getBackendSrv())), [api]);
  const currentUser = useMemo(() => user ?? signedInUser(), [user]);
  const canPushAlerts = canPushAlertRules(currentUser);
  const canPushPolicies = canPushNotifications(currentUser);
  const [state, setState] = useState<State>({ loading: true });

  const load = useCallback(
    (onPreview?: PreviewListener) =>
      loadRegistry(grafana, currentUser, {
        onProgress: (progress) => setState((previous) => ({ ...previous, progress })),
        onPreview,
      }),
    [grafana, currentUser]
  );

  useEffect(() => {
    let current = true;
    // The whole registry is decoded once the page says the preview is on screen, or after a while
    // if no page does (its code still loading, say).
    const showPreview: PreviewListener | undefined = wantsPreview
      ? (preview) =>
          new Promise<void>((resolve) => {
            if (!current) {
              return resolve();
            }
            const timer = setTimeout(shown, PREVIEW_WAIT_MS);
            function shown() {
              clearTimeout(timer);
              resolve();
            }
            setState((previous) => (previous.loading ? { ...previous, preview: { value: preview, shown } } : previous));
          })
      : undefined;
    // The read module.tsx started while this code loaded, when it reads what this provider would.
    const preloaded =
      api || user
        ? undefined
        : takePreloadedRegistry(
            (progress) => current && setState((previous) => ({ ...previous, progress })),
            showPreview
          );
    (preloaded ?? load(showPreview))
      .catch((error: Error): LoadResult => ({ ok: false, kind: 'error', message: error.message }))
      .then((result) => current && setState(stateAfterLoad(result)));
    return () => {
      current = false;
    };
  }, [load, api, user, wantsPreview]);

  const reload = useCallback(async () => {
    setState((previous) => ({ ...previous, loading: true }));
    setState(stateAfterLoad(await load()));
  }, [load]);

  // `save` compares against the registry rendered with it, never a newer one read in between: a
  // page still showing an older registry gets a conflict instead of overwriting what it has not seen.
  const { loaded, error } = state;
  const notLoaded = useCallback(
    (): SaveResult => ({
      ok: false,
      kind: 'error',
      message: error ?? t('bizowner.storage.notLoaded', 'The registry is not loaded yet.'),
    }),
    [error]
  );
  const afterSave = useCallback(<R extends RestoreResult>(result: R): R => {
    if (result.ok) {
      setState({ loaded: result.loaded, loading: false, warning: result.warning });
    }
    return result;
  }, []);
  const save = useCallback(
    async (next: RegistryDocument): Promise<SaveResult> =>
      loaded ? afterSave(await saveRegistry(loaded, next, { api: grafana, user: currentUser })) : notLoaded(),
    [grafana, currentUser, loaded, notLoaded, afterSave]
  );
  const restore = useCallback(
    async (serviceId: string, version: number): Promise<RestoreResult> =>
      loaded
        ? afterSave(await restoreServiceVersion(loaded, serviceId, version, { api: grafana, user: currentUser }))
        : notLoaded(),
    [grafana, currentUser, loaded, notLoaded, afterSave]
  );
  const canRestore = loaded?.access.canWrite ?? false;
  const history = useCallback(
    (serviceId: string) => loadServiceHistory(grafana, serviceId, canRestore),
    [grafana, canRestore]
  );

  const checkStorage = useCallback(async () => {
    const result = await checkDocuments(grafana, currentUser?.login ?? 'unknown');
    await reload();
    return result;
  }, [grafana, currentUser, reload]);

  const value = useMemo<RegistryContextValue>(() => {
    const preview = state.loading && !state.loaded ? state.preview : undefined;
    const access = state.loaded?.access ?? preview?.value.access;
    return {
      doc: state.loaded?.doc,
      loading: state.loading,
      preview: preview?.value,
      previewShown: preview?.shown ?? noop,
      progress: state.progress,
      error: state.error,
      canWrite: access?.canWrite ?? false,
      readOnlyReason: access?.canWrite ? undefined : access?.reason,
      canWriteSettings: access?.canWriteSettings ?? false,
      canPushAlerts,
      canPushNotifications: canPushPolicies,
      notices: state.loaded?.notices ?? [],
      warning: state.warning,
      save,
      reload,
      history,
      restore,
      checkStorage,
    };
  }, [state, canPushAlerts, canPushPolicies, save, reload, history, restore, checkStorage]);

  return <RegistryContext.Provider value={value}>{children}</RegistryContext.Provider>;
}

function stateAfterLoad(result: LoadResult): State {
  return result.ok ? { loaded: result, loading: false } : { loading: false, error: result.message };
}

/** The registry shared by the nearest `RegistryProvider`. */
export function useRegistry(): RegistryContextValue {
  const value = useContext(RegistryContext);
  if (!value) {
    throw new Error('useRegistry() needs a RegistryProvider above it');
  }
  return value;
}

function noop() {}
