import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Button, ClipboardButton, Field, Stack, TextArea } from '@grafana/ui';
import { stringifyRegistryYaml } from '../../domain/io/native';
import { RegistryDocument } from '../../domain/model';
import { testIds } from '../testIds';
import { downloadText } from './downloadText';

interface Props {
  doc: RegistryDocument;
}

/** The stored registry in the native YAML format, to copy or download; open to read-only users too. */
export function ExportYaml({ doc }: Props) {
  const yaml = useMemo(() => stringifyRegistryYaml(doc), [doc]);
  return (
    <Field
      label={t('bizowner.config.exportLabel', 'Export')}
      htmlFor="bizowner-export-yaml"
      description={t(
        'bizowner.config.exportDescription',
        'The whole registry (settings, people, services, SLOs) as native YAML, e.g. for GitOps provisioning.'
      )}
    >
      <Stack direction="column" gap={1}>
        <TextArea
          id="bizowner-export-yaml"
          readOnly
          rows={10}
          value={yaml}
          data-testid={testIds.appConfig.exportYaml}
        />
        <Stack gap={1}>
          <Button
            icon="download-alt"
            variant="secondary"
            onClick={() => downloadText('registry.yaml', yaml)}
            data-testid={testIds.appConfig.exportDownload}
          >
            {t('bizowner.config.download', 'Download registry.yaml')}
          </Button>
          <ClipboardButton icon="copy" variant="secondary" getText={() => yaml}>
            {t('bizowner.config.copy', 'Copy')}
          </ClipboardButton>
        </Stack>
      </Stack>
    </Field>
  );
}
