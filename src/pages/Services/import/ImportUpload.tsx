import React from 'react';
import { t } from '@grafana/i18n';
import { Button, Field, FileDropzone, FileDropzoneDefaultChildren, Stack, Text } from '@grafana/ui';
import { readFileText } from '../../../components/AppConfig/downloadText';
import { testIds } from '../../../components/testIds';
import { SourceFile } from '../../../domain/io/importResult';

interface Props {
  /** Files uploaded together, imported by name. */
  uploads: SourceFile[];
  onUpload(files: SourceFile[]): void;
  onClear(): void;
}

/** Drop or choose one or more YAML files; several are listed here and imported together. */
export function ImportUpload({ uploads, onUpload, onClear }: Props) {
  const onDrop = async (files: File[]) => {
    onUpload(await Promise.all(files.map(async (file) => ({ text: await readFileText(file), file: file.name }))));
  };
  return (
    <Stack direction="column" gap={1}>
      <div data-testid={testIds.importer.file}>
        <Field label={t('bizowner.import.filesLabel', 'Files')}>
          <FileDropzone id="bizowner-import-files" options={{ multiple: true, onDrop }} fileListRenderer={() => null}>
            <FileDropzoneDefaultChildren
              primaryText={t('bizowner.import.upload', 'Upload one or more YAML files')}
              secondaryText={t('bizowner.import.uploadHint', 'Drop them here or click to choose')}
            />
          </FileDropzone>
        </Field>
      </div>
      {uploads.length > 0 && (
        <Stack gap={1} alignItems="center" data-testid={testIds.importer.files}>
          <Text>
            {t('bizowner.import.files', '{{count}} files to import: {{names}}', {
              count: uploads.length,
              names: uploads.map((upload) => upload.file).join(', '),
              interpolation: { escapeValue: false },
            })}
          </Text>
          <Button size="sm" variant="secondary" fill="text" icon="times" onClick={onClear}>
            {t('bizowner.import.clearFiles', 'Remove the files')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
