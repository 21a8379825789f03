import React, { FormEvent, useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, Field, FileUpload, Stack, TextArea } from '@grafana/ui';
import { checkReplace } from '../../domain/io/importCheck';
import { RegistryDocument } from '../../domain/model';
import { testIds } from '../testIds';
import { readFileText } from './downloadText';
import { ImportPreview } from './ImportPreview';
import { problemText } from './problemText';
import { SaveOutcome } from './SaveOutcome';
import { useSave } from './useSave';

interface Props {
  doc: RegistryDocument;
}

interface Source {
  text: string;
  fileName?: string;
}

/**
 * Replaces the whole registry from native YAML, pasted or uploaded. The input is checked first;
 * while it has errors nothing can be saved, and a valid import is saved only on confirmation.
 */
export function ImportYaml({ doc }: Props) {
  const { canWrite, disabled, saving, result, clearResult, save, reloadLatest } = useSave();
  const [source, setSource] = useState<Source>({ text: '' });
  const [checked, setChecked] = useState<Source>();
  // Re-checked against the latest registry, so the preview never shows changes against an old one.
  const check = useMemo(() => checked && checkReplace(checked.text, checked.fileName, doc), [checked, doc]);

  const startCheck = (next: Source) => {
    clearResult();
    setChecked(next);
  };
  const onText = (text: string) => {
    setSource({ text });
    setChecked(undefined);
  };
  const onFile = async (event: FormEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (file) {
      const next = { text: await readFileText(file), fileName: file.name };
      setSource(next);
      startCheck(next);
    }
  };
  const onConfirm = async () => {
    if (!check?.ok) {
      return;
    }
    const outcome = await save(check.doc);
    if (outcome.ok) {
      setSource({ text: '' });
      setChecked(undefined);
    }
  };

  return (
    <Field
      label={t('bizowner.config.importLabel', 'Import')}
      htmlFor="bizowner-import-yaml"
      description={t(
        'bizowner.config.importDescription',
        'Paste native YAML or choose a file. It is checked before anything is saved, and replaces the whole registry.'
      )}
    >
      <Stack direction="column" gap={1}>
        <TextArea
          id="bizowner-import-yaml"
          rows={8}
          value={source.text}
          disabled={disabled}
          placeholder={t('bizowner.config.importPlaceholder', 'schemaVersion: 1\nservices: …')}
          onChange={(event) => onText(event.currentTarget.value)}
          data-testid={testIds.appConfig.importText}
        />
        <Stack gap={1}>
          <Button
            variant="secondary"
            disabled={disabled || source.text.trim() === ''}
            onClick={() => startCheck(source)}
            data-testid={testIds.appConfig.importCheck}
          >
            {t('bizowner.config.importCheck', 'Check')}
          </Button>
          {canWrite && (
            <div data-testid={testIds.appConfig.importFile}>
              <FileUpload accept=".yaml,.yml" onFileUpload={onFile}>
                {t('bizowner.config.importFile', 'Upload a YAML file')}
              </FileUpload>
            </div>
          )}
        </Stack>
        {check && !check.ok && (
          <Alert
            severity="error"
            title={t('bizowner.config.importInvalid', 'The YAML has {{count}} problems; nothing was saved', {
              count: check.problems.length,
            })}
          >
            <ul data-testid={testIds.appConfig.importProblems}>
              {check.problems.map((problem, index) => (
                <li key={index}>{problemText(problem)}</li>
              ))}
            </ul>
          </Alert>
        )}
        {check?.ok && !result?.ok && (
          <ImportPreview
            changes={check.changes}
            warnings={check.warnings}
            saving={saving}
            onConfirm={onConfirm}
            onCancel={() => setChecked(undefined)}
          />
        )}
        <SaveOutcome result={result} onReload={reloadLatest} />
      </Stack>
    </Field>
  );
}
