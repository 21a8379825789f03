import React from 'react';
import { t } from '@grafana/i18n';
import { Alert } from '@grafana/ui';
import { useRegistry } from '../../storage/RegistryContext';
import { testIds } from '../testIds';

/** Tells a user without `plugins:write` that the registry is read-only for them; renders nothing otherwise. */
export function ReadOnlyNotice() {
  const { canWrite, readOnlyReason } = useRegistry();
  if (canWrite) {
    return null;
  }
  return (
    <Alert
      severity="info"
      title={t('bizowner.readOnly.title', 'Read-only access')}
      data-testid={testIds.appConfig.readOnlyNotice}
    >
      {readOnlyReason}
    </Alert>
  );
}
