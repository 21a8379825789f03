import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Stack, Text } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { ImportChange } from '../../../domain/io/merge';
import { formatProblem, Problem } from '../../../domain/problems';

function entityLabel(kind: ImportChange['kind']): string {
  const labels: Record<ImportChange['kind'], string> = {
    service: t('bizowner.import.kind.service', 'Service'),
    slo: t('bizowner.import.kind.slo', 'SLO'),
    person: t('bizowner.import.kind.person', 'Person'),
    setting: t('bizowner.import.kind.setting', 'Setting'),
  };
  return labels[kind];
}

function actionLabel(action: ImportChange['action']): string {
  const labels: Record<ImportChange['action'], string> = {
    create: t('bizowner.import.action.create', 'will be created'),
    update: t('bizowner.import.action.update', 'will be updated'),
    unchanged: t('bizowner.import.action.unchanged', 'stays as it is'),
  };
  return labels[action];
}

/** The preview of a valid import: what will be created or changed, and the warnings. */
export function ImportChanges({ changes, warnings }: { changes: ImportChange[]; warnings: Problem[] }) {
  const created = changes.filter((change) => change.action === 'create').length;
  const updated = changes.filter((change) => change.action === 'update').length;
  return (
    <div data-testid={testIds.importer.preview}>
      <Alert
        severity="info"
        title={t(
          'bizowner.import.preview',
          'The import is valid: {{created}} to create, {{updated}} to update. Nothing is saved until you confirm.',
          {
            created,
            updated,
          }
        )}
      >
        <Stack direction="column" gap={1}>
          <ul>
            {changes.map((change) => (
              <li key={`${change.kind}/${change.id}`}>
                {change.kind === 'setting' && change.id === 'slothSeries' ? (
                  t(
                    'bizowner.import.slothSeries',
                    "Sloth's recorded series will be turned on, so that Sloth dashboards and alert routes keep working (configuration, Recorded series)."
                  )
                ) : (
                  <>
                    {entityLabel(change.kind)} <code>{change.id}</code> {actionLabel(change.action)}
                  </>
                )}
              </li>
            ))}
          </ul>
          {warnings.length > 0 && (
            <>
              <Text weight="medium">{t('bizowner.import.warnings', 'Warnings (the import can still be saved):')}</Text>
              <ul>
                {warnings.map((warning, index) => (
                  <li key={index}>{formatProblem(warning)}</li>
                ))}
              </ul>
            </>
          )}
        </Stack>
      </Alert>
    </div>
  );
}
