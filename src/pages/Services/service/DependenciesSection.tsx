import React from 'react';
import { t } from '@grafana/i18n';
import { Stack, Text, TextLink } from '@grafana/ui';
import { KeyValueTable } from '../../../components/Section/KeyValueTable';
import { Section } from '../../../components/Section/Section';
import { RegistryDocument, Service } from '../../../domain/model';
import { dependentsOf } from '../../../domain/registryView/edits';
import { serviceUrl } from '../../../routing';

function ServiceLinks({ ids, doc }: { ids: string[]; doc: RegistryDocument }) {
  if (ids.length === 0) {
    return <Text color="secondary">—</Text>;
  }
  return (
    <Stack gap={1.5} wrap="wrap">
      {ids.map((id) => (
        <TextLink key={id} href={serviceUrl(id)} inline={false}>
          {doc.services.find((service) => service.id === id)?.name ?? id}
        </TextLink>
      ))}
    </Stack>
  );
}

/** What the service depends on, and what depends on it. */
export function DependenciesSection({ service, doc }: { service: Service; doc: RegistryDocument }) {
  const usedBy = dependentsOf(doc, service.id).map((item) => item.id);
  return (
    <Section title={t('bizowner.service.deps.title', 'Dependencies')}>
      <KeyValueTable
        rows={[
          {
            key: 'dependsOn',
            label: t('bizowner.service.deps.dependsOn', 'Depends on'),
            value: <ServiceLinks ids={service.dependsOn} doc={doc} />,
          },
          {
            key: 'usedBy',
            label: t('bizowner.service.deps.usedBy', 'Used by'),
            value: <ServiceLinks ids={usedBy} doc={doc} />,
          },
        ]}
      />
    </Section>
  );
}
