import React, { ReactNode } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, LoadingPlaceholder } from '@grafana/ui';
import { RegistryDocument } from '../../domain/model';
import { useRegistry } from '../../storage/RegistryContext';
import { RegistryPreview } from '../../storage/types';
import { testIds } from '../testIds';

/**
 * Renders `children` with the registry once it is loaded; a spinner before, the error and a reload
 * after a failed load. A page that can show a large registry's head while the rest is decoded
 * renders it with `preview`, in the same place, so that the whole registry updates it in place.
 */
export function RegistryLoaded({
  children,
  preview: renderPreview,
}: {
  children: (doc: RegistryDocument) => ReactNode;
  preview?: (preview: RegistryPreview) => ReactNode;
}) {
  const { doc, loading, error, reload, progress, preview } = useRegistry();
  if (doc) {
    return <>{children(doc)}</>;
  }
  if (preview && renderPreview) {
    return <>{renderPreview(preview)}</>;
  }
  if (loading) {
    return (
      <RegistryLoading
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
            : undefined
        }
      />
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

/** The spinner shown while the registry loads. */
export function RegistryLoading({ text }: { text?: string }) {
  return (
    <div data-testid={testIds.registry.loading}>
      <LoadingPlaceholder text={text ?? t('bizowner.registry.loading', 'Loading the registry…')} />
    </div>
  );
}
