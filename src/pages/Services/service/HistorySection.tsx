import React from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Stack, Text } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { roleLabel } from '../../../components/labels';
import { OwnerChange, RegistryDocument } from '../../../domain/model';

function nameOf(id: string | undefined, doc: RegistryDocument): string {
  if (!id) {
    return t('bizowner.service.history.nobody', 'nobody');
  }
  return doc.people.find((person) => person.id === id)?.name ?? id;
}

/** Who owned the service when: every owner change, newest first (stable for changes made at the same time). */
export function HistorySection({ history, doc }: { history: OwnerChange[]; doc: RegistryDocument }) {
  const changes = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <Section title={t('bizowner.service.history.title', 'Owner history')}>
      {changes.length === 0 ? (
        <Text color="secondary">{t('bizowner.service.history.none', 'No owner changes recorded yet.')}</Text>
      ) : (
        <Stack direction="column" gap={0.5}>
          {changes.map((change, index) => (
            <div key={index}>
              <Text>
                {t('bizowner.service.history.line', '{{at}}: {{role}} {{from}} → {{to}}', {
                  at: dateTimeFormat(change.at),
                  role: roleLabel(change.role),
                  from: nameOf(change.from, doc),
                  to: nameOf(change.to, doc),
                  interpolation: { escapeValue: false },
                })}
              </Text>{' '}
              {change.by && (
                <Text color="secondary">
                  {t('bizowner.service.history.by', '(by {{by}})', {
                    by: change.by,
                    interpolation: { escapeValue: false },
                  })}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Section>
  );
}
