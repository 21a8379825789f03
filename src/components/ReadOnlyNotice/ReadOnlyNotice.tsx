import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Stack } from '@grafana/ui';
import { useRegistry } from '../../storage/RegistryContext';
import { StorageNotice } from '../../storage/types';
import { testIds } from '../testIds';

/**
 * What a page should say about the registry's storage: that it is read-only for this user and why,
 * that it was just moved out of the plugin settings, that an old copy is ignored, or that the last
 * save could not update the index. Renders nothing when there is nothing to say.
 */
export function ReadOnlyNotice() {
  const { canWrite, readOnlyReason, notices, warning, doc } = useRegistry();
  const shown = notices.filter((notice) => notice.kind !== 'legacyPending');
  if ((canWrite || !doc) && shown.length === 0 && !warning) {
    return null;
  }
  return (
    <Stack direction="column" gap={1}>
      {!canWrite && doc && (
        <Alert
          severity="info"
          title={t('bizowner.readOnly.title', 'Read-only access')}
          data-testid={testIds.appConfig.readOnlyNotice}
        >
          {readOnlyReason}
        </Alert>
      )}
      {shown.map((notice) => (
        <Alert
          key={notice.kind}
          severity={notice.kind === 'legacyIgnored' ? 'warning' : 'success'}
          title={noticeTitle(notice.kind)}
          data-testid={testIds.registry.storageNotice}
        >
          {notice.message}
        </Alert>
      ))}
      {warning && (
        <Alert
          severity="warning"
          title={t('bizowner.storage.warningTitle', 'Saved with a warning')}
          data-testid={testIds.registry.storageNotice}
        >
          {warning}
        </Alert>
      )}
    </Stack>
  );
}

function noticeTitle(kind: StorageNotice['kind']): string {
  switch (kind) {
    case 'migrated':
      return t('bizowner.storage.migratedTitle', 'Registry moved');
    case 'rebuilt':
      return t('bizowner.storage.rebuiltTitle', 'Registry index rebuilt');
    default:
      return t('bizowner.storage.legacyTitle', 'Old registry copy ignored');
  }
}
