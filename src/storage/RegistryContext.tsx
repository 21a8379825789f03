import React, { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { t } from '@grafana/i18n';
import { config } from '@grafana/runtime';
import { RegistryDocument } from '../domain/model';
import { canWriteRegistry, RegistryUser } from './access';
import { createGrafanaSettingsApi } from './grafanaSettingsApi';
import { LoadedRegistry, loadRegistry, readOnlyMessage, saveRegistry, SaveResult } from './registryStore';
import { SettingsApi } from './settingsApi';

export interface RegistryContextValue {
  /** The registry as last loaded or saved; undefined while loading or after a failed load. */
  doc?: RegistryDocument;
  loading: boolean;
  /** Why the registry could not be loaded. */
  error?: string;
  canWrite: boolean;
  /** Why the user cannot save, when `canWrite` is false. */
  readOnlyReason?: string;
  /** Saves over the registry as last loaded; on a conflict nothing changes here until `reload()`. */
  save(next: RegistryDocument): Promise<SaveResult>;
  reload(): Promise<void>;
}

const RegistryContext = createContext<RegistryContextValue | undefined>(undefined);

export interface RegistryProviderProps {
  children: ReactNode;
  /** Defaults to Grafana's plugin settings API for this app. */
  api?: SettingsApi;
  /** Defaults to the signed-in user, `config.bootData.user`. */
  user?: RegistryUser;
}

interface State {
  loaded?: LoadedRegistry;
  loading: boolean;
  error?: string;
}

/** Loads the registry once and shares it, with save and reload, with every page below it. */
export function RegistryProvider({ children, api, user }: RegistryProviderProps) {
  const settingsApi = useMemo(() => api ?? createGrafanaSettingsApi(), [api]);
  const currentUser = user ?? config.bootData.user;
  const canWrite = canWriteRegistry(currentUser);
  const [state, setState] = useState<State>({ loading: true });
  // The baseline a save compares against; a ref so that a save never sees a stale closure.
  const baseline = useRef<LoadedRegistry | undefined>(undefined);

  const reload = useCallback(async () => {
    setState((previous) => ({ ...previous, loading: true }));
    const result = await loadRegistry(settingsApi);
    baseline.current = result.ok ? result : undefined;
    setState(result.ok ? { loaded: result, loading: false } : { loading: false, error: result.message });
  }, [settingsApi]);

  useEffect(() => {
    reload();
  }, [reload]);

  const save = useCallback(
    async (next: RegistryDocument): Promise<SaveResult> => {
      if (!baseline.current) {
        return { ok: false, kind: 'error', message: state.error ?? t('bizowner.storage.notLoaded', 'The registry is not loaded yet.') };
      }
      const result = await saveRegistry(baseline.current, next, { api: settingsApi, user: currentUser });
      if (result.ok) {
        baseline.current = { doc: result.doc, writeId: result.writeId };
        setState({ loaded: baseline.current, loading: false });
      }
      return result;
    },
    [settingsApi, currentUser, state.error]
  );

  const value = useMemo<RegistryContextValue>(
    () => ({
      doc: state.loaded?.doc,
      loading: state.loading,
      error: state.error,
      canWrite,
      readOnlyReason: canWrite ? undefined : readOnlyMessage(),
      save,
      reload,
    }),
    [state, canWrite, save, reload]
  );

  return <RegistryContext.Provider value={value}>{children}</RegistryContext.Provider>;
}

/** The registry shared by the nearest `RegistryProvider`. */
export function useRegistry(): RegistryContextValue {
  const value = useContext(RegistryContext);
  if (!value) {
    throw new Error('useRegistry() needs a RegistryProvider above it');
  }
  return value;
}
