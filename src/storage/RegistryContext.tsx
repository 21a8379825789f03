import React, { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { config } from '@grafana/runtime';
import { RegistryDocument } from '../domain/model';
import { canPushAlertRules, canWriteRegistry, RegistryUser } from './access';
import { createGrafanaSettingsApi } from './grafanaSettingsApi';
import { LoadedRegistry, loadRegistry, LoadResult, readOnlyMessage, saveRegistry, SaveResult } from './registryStore';
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
  /** Whether the user may push alert rules through Grafana's alerting provisioning API. */
  canPushAlerts: boolean;
  /**
   * Saves `next` over the registry this value was rendered with; on a conflict nothing changes
   * here until `reload()`.
   */
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
  /** The registry as last read or written: what pages show and what the next save compares against. */
  loaded?: LoadedRegistry;
  loading: boolean;
  error?: string;
}

/** Loads the registry once and shares it, with save and reload, with every page below it. */
export function RegistryProvider({ children, api, user }: RegistryProviderProps) {
  const settingsApi = useMemo(() => api ?? createGrafanaSettingsApi(), [api]);
  const currentUser = user ?? config.bootData.user;
  const canWrite = canWriteRegistry(currentUser);
  const canPushAlerts = canPushAlertRules(currentUser);
  const [state, setState] = useState<State>({ loading: true });

  useEffect(() => {
    let current = true;
    loadRegistry(settingsApi).then((result) => current && setState(stateAfterLoad(result)));
    return () => {
      current = false;
    };
  }, [settingsApi]);

  const reload = useCallback(async () => {
    setState((previous) => ({ ...previous, loading: true }));
    setState(stateAfterLoad(await loadRegistry(settingsApi)));
  }, [settingsApi]);

  // `save` compares against the registry rendered with it, never a newer one read in between: a
  // page still showing an older registry gets a conflict instead of overwriting what it has not seen.
  const { loaded, error } = state;
  const save = useCallback(
    async (next: RegistryDocument): Promise<SaveResult> => {
      if (!loaded) {
        return {
          ok: false,
          kind: 'error',
          message: error ?? t('bizowner.storage.notLoaded', 'The registry is not loaded yet.'),
        };
      }
      const result = await saveRegistry(loaded, next, { api: settingsApi, user: currentUser });
      if (result.ok) {
        setState({ loaded: { doc: result.doc, writeId: result.writeId }, loading: false });
      }
      return result;
    },
    [settingsApi, currentUser, loaded, error]
  );

  const value = useMemo<RegistryContextValue>(
    () => ({
      doc: state.loaded?.doc,
      loading: state.loading,
      error: state.error,
      canWrite,
      readOnlyReason: canWrite ? undefined : readOnlyMessage(),
      canPushAlerts,
      save,
      reload,
    }),
    [state, canWrite, canPushAlerts, save, reload]
  );

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
