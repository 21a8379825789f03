import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, Stack } from '@grafana/ui';
import { ChangeKind, RegistryChange, RegistryEntity } from '../../domain/diff';
import { Problem } from '../../domain/problems';
import { testIds } from '../testIds';
import { problemText } from './problemText';

interface Props {
  changes: RegistryChange[];
  warnings: Problem[];
  saving: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** What a valid import would change, with the button that saves it. */
export function ImportPreview({ changes, warnings, saving, onConfirm, onCancel }: Props) {
  return (
    <Alert
      severity="info"
      title={t('bizowner.config.importValid', 'The YAML is valid. Saving it replaces the registry:')}
      data-testid={testIds.appConfig.importPreview}
    >
      {changes.length === 0 ? (
        <p>{t('bizowner.config.importNoChanges', 'Nothing changes.')}</p>
      ) : (
        <ul>
          {changes.map((change) => (
            <li key={`${change.entity}/${change.id}`}>{changeLabel(change)}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <p>{t('bizowner.config.importWarnings', 'Warnings:')}</p>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index}>{problemText(warning)}</li>
            ))}
          </ul>
        </>
      )}
      <Stack gap={1}>
        <Button
          onClick={onConfirm}
          disabled={saving}
          icon={saving ? 'spinner' : undefined}
          data-testid={testIds.appConfig.importConfirm}
        >
          {t('bizowner.config.importConfirm', 'Save the imported registry')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={saving}>
          {t('bizowner.config.importCancel', 'Cancel')}
        </Button>
      </Stack>
    </Alert>
  );
}

function changeLabel({ entity, id, change }: RegistryChange): string {
  const entities: Record<RegistryEntity, string> = {
    setting: t('bizowner.config.entitySetting', 'Setting'),
    person: t('bizowner.config.entityPerson', 'Person'),
    service: t('bizowner.config.entityService', 'Service'),
    slo: t('bizowner.config.entitySlo', 'SLO'),
  };
  const kinds: Record<ChangeKind, string> = {
    added: t('bizowner.config.changeAdded', 'added'),
    removed: t('bizowner.config.changeRemoved', 'removed'),
    changed: t('bizowner.config.changeChanged', 'changed'),
  };
  return t('bizowner.config.changeLine', '{{entity}} {{id}} {{change}}', {
    entity: entities[entity],
    id,
    change: kinds[change],
    interpolation: { escapeValue: false },
  });
}
