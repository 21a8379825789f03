import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { config, locationService } from '@grafana/runtime';
import { Button, Field, RadioButtonGroup, Stack, TextArea } from '@grafana/ui';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { SaveFailureAlert } from '../../../components/Registry/SaveFailureAlert';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { testIds } from '../../../components/testIds';
import { checkImport, ImportCheck } from '../../../domain/io/importCheck';
import { IMPORT_FORMATS, ImportFormat } from '../../../domain/io/importers';
import { SourceFile } from '../../../domain/io/importResult';
import { RegistryDocument } from '../../../domain/model';
import { servicesUrl } from '../../../routing';
import { RegistryFailure } from '../../../storage/registryStore';
import { useRegistry } from '../../../storage/RegistryContext';
import { ImportChanges } from './ImportChanges';
import { ImportProblems } from './ImportProblems';
import { ImportReport } from './ImportReport';
import { ImportUpload } from './ImportUpload';

function formatLabel(format: ImportFormat): string {
  const labels: Record<ImportFormat, string> = {
    backstage: t('bizowner.import.backstage', 'Backstage catalog-info.yaml'),
    openslo: t('bizowner.import.openslo', 'OpenSLO v1'),
    pyrra: t('bizowner.import.pyrra', 'Pyrra ServiceLevelObjective'),
    sloth: t('bizowner.import.sloth', 'Sloth prometheus/v1'),
  };
  return labels[format];
}

/** What the import reads: the pasted (or single uploaded) text, and the files uploaded together. */
interface Sources {
  text: string;
  /** Name of the uploaded file the text came from, until it is edited. */
  file?: string;
  uploads: SourceFile[];
}

const sourceFiles = ({ text, file, uploads }: Sources): SourceFile[] =>
  text.trim() === '' ? uploads : [...uploads, { text, file }];

/** Import from Backstage, OpenSLO or Sloth: paste or upload, preview, then save. */
export function ImportPage() {
  return <RegistryLoaded>{(doc) => <Importer doc={doc} />}</RegistryLoaded>;
}

function Importer({ doc }: { doc: RegistryDocument }) {
  const { save, canWriteSettings } = useRegistry();
  const [format, setFormat] = useState<ImportFormat>('backstage');
  const [sources, setSources] = useState<Sources>({ text: '', uploads: [] });
  const [check, setCheck] = useState<ImportCheck | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<RegistryFailure | undefined>(undefined);

  const edit = (next: { sources?: Sources; format?: ImportFormat }) => {
    setSources(next.sources ?? sources);
    setFormat(next.format ?? format);
    setCheck(undefined);
    setFailure(undefined);
  };

  // One file goes into the text area, as if pasted; several are imported together, each by name.
  const upload = (files: SourceFile[]) =>
    edit({ sources: files.length === 1 ? { ...files[0], uploads: [] } : { text: '', uploads: files } });

  const runCheck = () => {
    const author = { at: new Date().toISOString(), by: config.bootData.user?.login };
    setCheck(checkImport(format, sourceFiles(sources), doc, { author, canWriteSettings }));
  };

  const formatFieldLabel = t('bizowner.import.format', 'Format');

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
      <Field label={formatFieldLabel}>
        <RadioButtonGroup<ImportFormat>
          aria-label={formatFieldLabel}
          value={format}
          onChange={(value) => edit({ format: value })}
          options={IMPORT_FORMATS.map((value) => ({ value, label: formatLabel(value) }))}
        />
      </Field>
      <Field
        label={t('bizowner.import.source', 'YAML')}
        description={t(
          'bizowner.import.sourceHint',
          'Paste the YAML (several documents separated by ---) or upload one or more files. Services, SLOs and people are created or updated by id; nothing is deleted.'
        )}
      >
        <TextArea
          id="bizowner-import-text"
          rows={14}
          value={sources.text}
          onChange={(event) => edit({ sources: { ...sources, text: event.currentTarget.value, file: undefined } })}
          data-testid={testIds.importer.text}
        />
      </Field>
      <ImportUpload
        uploads={sources.uploads}
        onUpload={upload}
        onClear={() => edit({ sources: { ...sources, uploads: [] } })}
      />
      <div>
        <Button
          variant="secondary"
          icon="check"
          onClick={runCheck}
          disabled={sourceFiles(sources).length === 0}
          data-testid={testIds.importer.check}
        >
          {t('bizowner.import.check', 'Check and preview')}
        </Button>
      </div>
      {check && !check.ok && <ImportProblems problems={check.problems} />}
      {check?.ok && <ImportChanges changes={check.changes} warnings={check.warnings} />}
      {check && <ImportReport report={check.report} />}
      {check?.ok && (
        <div>
          <WriteButton onClick={confirm} icon="save" busy={saving} data-testid={testIds.importer.confirm}>
            {t('bizowner.import.confirm', 'Save the import')}
          </WriteButton>
        </div>
      )}
      {failure && <SaveFailureAlert failure={failure} />}
    </Stack>
  );
}
