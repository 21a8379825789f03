import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, Button, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { getBackendSrv } from '@grafana/runtime';
import { createGrafanaApi } from '../../storage/grafana/api';
import { backendSrvTransport } from '../../storage/grafana/backendSrvTransport';
import { RegistryProvider, useRegistry } from '../../storage/RegistryContext';
import { ReadOnlyNotice } from '../ReadOnlyNotice/ReadOnlyNotice';
import { testIds } from '../testIds';
import { RegistryYaml } from './RegistryYaml';
import { SettingsForm } from './SettingsForm';
import { StorageCheck } from './StorageCheck';

/** The app's `jsonData`: the app's settings under `settings`, read through the storage layer. */
type AppJsonData = Record<string, unknown>;

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppJsonData>> {}

/** The app's configuration page: data sources, defaults and the registry as YAML. */
const AppConfig = ({ plugin }: AppConfigProps) => {
  const pluginId = plugin.meta.id;
  const api = useMemo(() => createGrafanaApi(backendSrvTransport(getBackendSrv()), pluginId), [pluginId]);
  return (
    <RegistryProvider api={api}>
      <ConfigPage />
    </RegistryProvider>
  );
};

export default AppConfig;

function ConfigPage() {
  const styles = useStyles2(getStyles);
  const { doc, loading, error, reload } = useRegistry();
  if (loading && !doc) {
    return <LoadingPlaceholder text={t('bizowner.config.loading', 'Loading the registry…')} />;
  }
  return (
    <div className={styles.page} data-testid={testIds.appConfig.container}>
      <ReadOnlyNotice />
      {error && (
        <Alert
          severity="error"
          title={t('bizowner.config.loadFailed', 'The registry could not be loaded')}
          data-testid={testIds.appConfig.loadError}
        >
          <p>{error}</p>
          <Button variant="secondary" size="sm" icon="sync" onClick={reload}>
            {t('bizowner.config.retry', 'Try again')}
          </Button>
        </Alert>
      )}
      {doc && (
        <>
          <SettingsForm doc={doc} />
          <RegistryYaml doc={doc} />
          <StorageCheck />
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    maxWidth: theme.breakpoints.values.lg,
  }),
});
