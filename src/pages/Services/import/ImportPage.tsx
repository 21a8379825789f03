import React, { FormEvent, useState } from 'react';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { Button, Field, FileUpload, RadioButtonGroup, Stack, TextArea } from '@grafana/ui';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { SaveFailureAlert } from '../../../components/Registry/SaveFailureAlert';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { servicesUrl } from '../../../routing';
import { RegistryFailure } from '../../../storage/registryStore';
import { useRegistry } from '../../../storage/RegistryContext';
import { checkImport, ImportCheck, ImportFormat } from './checkImport';
import { ImportChanges } from './ImportChanges';
import { ImportProblems } from './ImportProblems';

/** Import from Backstage, OpenSLO or Sloth: paste or upload, preview, then save. */
export function ImportPage() {
  return <RegistryLoaded>{(doc) => <Importer doc={doc} />}</RegistryLoaded>;
}

function Importer({ doc }: { doc: RegistryDocument }) {
  const { save } = useRegistry();
  const [format, setFormat] = useState<ImportFormat>('backstage');
  const [text, setText] = useState('');
  const [file, setFile] = useState<string | undefined>(undefined);
  const [check, setCheck] = useState<ImportCheck | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<RegistryFailure | undefined>(undefined);

  const edit = (next: { text?: string; format?: ImportFormat; file?: string }) => {
    setText(next.text ?? text);
    setFormat(next.format ?? format);
    setFile('file' in next ? next.file : file);
    setCheck(undefined);
    setFailure(undefined);
  };

  const upload = async (event: FormEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0];
    if (chosen) {
      edit({ text: await chosen.text(), file: chosen.name });
    }
  };

  const confirm = async () => {
    if (!check?.ok) {
      return;
    }
    setSaving(true);
    const result = await save(check.next);
    setSaving(false);
    if (result.ok) {
      locationService.push(servicesUrl());
    } else {
      setFailure(result);
    }
  };

  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <Field label={t('bizowner.import.format', 'Format')}>
        <RadioButtonGroup<ImportFormat>
          value={format}
          onChange={(value) => edit({ format: value })}
          options={[
            { value: 'backstage', label: t('bizowner.import.backstage', 'Backstage catalog-info.yaml') },
            { value: 'openslo', label: t('bizowner.import.openslo', 'OpenSLO v1') },
            { value: 'sloth', label: t('bizowner.import.sloth', 'Sloth prometheus/v1') },
          ]}
        />
      </Field>
      <Field
        label={t('bizowner.import.source', 'YAML')}
        description={t(
          'bizowner.import.sourceHint',
          'Paste the YAML (several documents separated by ---) or upload a file. Services, SLOs and people are created or updated by id; nothing is deleted.'
        )}
      >
        <TextArea
          rows={14}
          value={text}
          onChange={(event) => edit({ text: event.currentTarget.value, file: undefined })}
          data-testid={testIds.importer.text}
        />
      </Field>
      <Stack gap={1} alignItems="center">
        <FileUpload onFileUpload={upload} accept=".yaml,.yml" size="sm">
          {t('bizowner.import.upload', 'Upload a file')}
        </FileUpload>
        <Button
          variant="secondary"
          icon="check"
          onClick={() => setCheck(checkImport(format, { text, file }, doc))}
          disabled={text.trim() === ''}
          data-testid={testIds.importer.check}
        >
          {t('bizowner.import.check', 'Check and preview')}
        </Button>
      </Stack>
      {check && !check.ok && <ImportProblems problems={check.problems} />}
      {check?.ok && (
        <>
          <ImportChanges changes={check.changes} warnings={check.warnings} />
          <div>
            <WriteButton onClick={confirm} icon="save" busy={saving} data-testid={testIds.importer.confirm}>
              {t('bizowner.import.confirm', 'Save the import')}
            </WriteButton>
          </div>
        </>
      )}
      {failure && <SaveFailureAlert failure={failure} />}
    </Stack>
  );
}
