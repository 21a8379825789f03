import React from 'react';
import { t } from '@grafana/i18n';
import { Stack, Text, TextLink } from '@grafana/ui';
import { KeyValueTable } from '../../../components/Section/KeyValueTable';
import { Section } from '../../../components/Section/Section';
import { linkTypeLabel } from '../../../components/labels';
import { LINK_TYPES, ServiceLink } from '../../../domain/model';

/** The service's links, grouped by type (runbooks first). */
export function LinksSection({ links }: { links: ServiceLink[] }) {
  const groups = LINK_TYPES.map((type) => ({ type, links: links.filter((link) => link.type === type) })).filter(
    (group) => group.links.length > 0
  );
  return (
    <Section title={t('bizowner.service.links.title', 'Links')}>
      {groups.length === 0 ? (
        <Text color="secondary">{t('bizowner.service.links.none', 'No links yet: add a runbook first.')}</Text>
      ) : (
        <KeyValueTable
          rows={groups.map((group) => ({
            key: group.type,
            label: linkTypeLabel(group.type),
            value: (
              <Stack direction="column" gap={0.5}>
                {group.links.map((link, index) => (
                  <TextLink key={index} href={link.url} external inline={false}>
                    {link.title}
                  </TextLink>
                ))}
              </Stack>
            ),
          }))}
        />
      )}
    </Section>
  );
}
