import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button } from '@grafana/ui';
import { useRegistry } from '../../storage/RegistryContext';
import { RegistryFailure } from '../../storage/registryStore';
import { testIds } from '../testIds';

/**
 * Why a save failed, from storage. A conflict (someone else saved since this page loaded) offers
 * to reload the registry; the form keeps the user's edits so they can be applied again.
 */
export function SaveFailureAlert({ failure }: { failure: RegistryFailure }) {
  const { reload } = useRegistry();
  const titles: Record<RegistryFailure['kind'], string> = {
    conflict: t('bizowner.save.conflictTitle', 'Someone else changed the registry'),
    forbidden: t('bizowner.save.forbiddenTitle', 'You cannot save the registry'),
    error: t('bizowner.save.errorTitle', 'Saving failed'),
  };
  return (
    <Alert
      severity={failure.kind === 'conflict' ? 'warning' : 'error'}
      title={titles[failure.kind]}
      data-testid={testIds.registry.saveFailure}
    >
      <p>{failure.message}</p>
      {failure.kind !== 'forbidden' && (
        <Button variant="secondary" icon="sync" onClick={reload} data-testid={testIds.registry.reload}>
          {t('bizowner.save.reload', 'Reload the registry')}
        </Button>
      )}
    </Alert>
  );
}
