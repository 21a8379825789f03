import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, FieldSet, Stack, Text } from '@grafana/ui';
import { REGISTRY_FOLDER } from '../../storage/documents/layout';
import { useRegistry } from '../../storage/RegistryContext';
import { StorageCheckResult } from '../../storage/repair';
import { testIds } from '../testIds';

/**
 * Where the registry is stored, and a check that rebuilds the index from the documents when a
 * save stopped half-way (the save then said so).
 */
export function StorageCheck() {
  const { canWrite, checkStorage } = useRegistry();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<StorageCheckResult>();

  const run = async () => {
    setRunning(true);
    setResult(await checkStorage());
    setRunning(false);
  };

  return (
    <FieldSet label={t('bizowner.config.storage', 'Storage')}>
      <Stack direction="column" gap={1}>
        <Text color="secondary">
          {t(
            'bizowner.config.storageWhere',
            'The registry is kept as dashboards in the "{{folder}}" folder: one per service, one for the people and an index. Folder permissions decide who may edit it.',
            { folder: REGISTRY_FOLDER.title, interpolation: { escapeValue: false } }
          )}
        </Text>
        <div>
          <Button
            variant="secondary"
            icon="check"
            onClick={run}
            disabled={!canWrite || running}
            data-testid={testIds.appConfig.checkStorage}
          >
            {running ? t('bizowner.config.checking', 'Checking…') : t('bizowner.config.check', 'Check storage')}
          </Button>
        </div>
        {result && <CheckOutcome result={result} />}
      </Stack>
    </FieldSet>
  );
}

function CheckOutcome({ result }: { result: StorageCheckResult }) {
  if (!result.ok) {
    return (
      <Alert
        severity="error"
        title={t('bizowner.config.checkFailed', 'Check failed')}
        data-testid={testIds.appConfig.checkOutcome}
      >
        {result.message}
      </Alert>
    );
  }
  const { checked, repaired, problems } = result.report;
  return (
    <Alert
      severity={problems.length > 0 ? 'warning' : 'success'}
      title={t('bizowner.config.checked', '{{count}} documents checked', { count: checked })}
      data-testid={testIds.appConfig.checkOutcome}
    >
      <p>
        {repaired.length === 0
          ? t('bizowner.config.indexCurrent', 'The index was up to date.')
          : t('bizowner.config.indexRepaired', 'The index was brought up to date: {{list}}.', {
              list: repaired.join(', '),
              interpolation: { escapeValue: false },
            })}
      </p>
      {problems.map((problem) => (
        <p key={problem}>{problem}</p>
      ))}
    </Alert>
  );
}
