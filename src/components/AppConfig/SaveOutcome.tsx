import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button } from '@grafana/ui';
import { SaveResult } from '../../storage/registryStore';
import { testIds } from '../testIds';

interface Props {
  result?: SaveResult;
  onReload(): void;
}

/** What became of the last save: the new revision, a conflict to reload from, or the error. */
export function SaveOutcome({ result, onReload }: Props) {
  if (!result) {
    return null;
  }
  if (result.ok) {
    return (
      <Alert
        severity="success"
        title={t('bizowner.config.saved', 'Saved as revision {{revision}}', { revision: result.doc.revision })}
        data-testid={testIds.appConfig.saveOutcome}
      />
    );
  }
  const title =
    result.kind === 'conflict'
      ? t('bizowner.config.conflictTitle', 'Not saved: the registry changed since you loaded it')
      : t('bizowner.config.saveFailedTitle', 'Not saved');
  return (
    <Alert
      severity={result.kind === 'conflict' ? 'warning' : 'error'}
      title={title}
      data-testid={testIds.appConfig.saveOutcome}
    >
      <p>{result.message}</p>
      {result.kind === 'conflict' && (
        <Button variant="secondary" size="sm" icon="sync" onClick={onReload} data-testid={testIds.appConfig.reload}>
          {t('bizowner.config.reload', 'Reload the latest registry')}
        </Button>
      )}
    </Alert>
  );
}
