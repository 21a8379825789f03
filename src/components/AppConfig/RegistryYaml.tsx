import React from 'react';
import { t } from '@grafana/i18n';
import { FieldSet } from '@grafana/ui';
import { RegistryDocument } from '../../domain/model';
import { ExportYaml } from './ExportYaml';
import { ImportYaml } from './ImportYaml';

interface Props {
  doc: RegistryDocument;
}

/** The whole registry as native YAML: export for everyone, import for users who can save. */
export function RegistryYaml({ doc }: Props) {
  return (
    <FieldSet label={t('bizowner.config.yaml', 'Registry as YAML')}>
      <ExportYaml doc={doc} />
      <ImportYaml doc={doc} />
    </FieldSet>
  );
}
