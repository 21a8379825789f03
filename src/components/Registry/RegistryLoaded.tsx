import React, { ReactNode } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, LoadingPlaceholder } from '@grafana/ui';
import { RegistryDocument } from '../../domain/model';
import { useRegistry } from '../../storage/RegistryContext';
import { testIds } from '../testIds';

/** Renders `children` with the registry once it is loaded; a spinner before, the error and a reload after a failed load. */
export function RegistryLoaded({ children }: { children: (doc: RegistryDocument) => ReactNode }) {
  const { doc, loading, error, reload, progress } = useRegistry();
  if (doc) {
    return <>{children(doc)}</>;
  }
  if (loading) {
    return (
      <div data-testid={testIds.registry.loading}>
        <LoadingPlaceholder
          text={
            progress
              ? t(
                  'bizowner.registry.moving',
                  'Moving the registry out of the plugin settings: {{done}} of {{total}} steps…',
                  {
                    done: progress.done,
                    total: progress.total,
                  }
                )
              : t('bizowner.registry.loading', 'Loading the registry…')
          }
        />
      </div>
    );
  }
  return (
    <Alert
      severity="error"
      title={t('bizowner.registry.loadFailed', 'The registry could not be loaded')}
      data-testid={testIds.registry.loadError}
    >
      <p>{error}</p>
      <Button variant="secondary" icon="sync" onClick={reload} data-testid={testIds.registry.reload}>
        {t('bizowner.registry.reload', 'Reload')}
      </Button>
    </Alert>
  );
}
