import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Combobox, Field, Input, Stack, TextArea } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import { SloFieldsProps } from './fieldProps';
import { slugOf } from './sloDraft';

/** Service, name, id and description. The id of a new SLO follows its name until typed. */
export function BasicsSection({ draft, change, problems, doc, editing }: SloFieldsProps) {
  const serviceOptions = useMemo(
    () => doc.services.map((service) => ({ value: service.id, label: service.name, description: service.id })),
    [doc.services]
  );
  const followsName = !editing && (draft.id === '' || draft.id === slugOf(draft.name));
  return (
    <Section title={t('bizowner.sloEditor.basics.title', 'SLO')}>
      <Stack gap={2} wrap="wrap">
        <Field
          label={t('bizowner.sloEditor.basics.service', 'Service')}
          invalid={Boolean(problems.at('serviceId'))}
          error={problems.at('serviceId')}
        >
          <Combobox
            id="slo-service"
            options={serviceOptions}
            value={draft.serviceId || null}
            onChange={(option) => change({ serviceId: option.value })}
            width={32}
            data-testid={testIds.sloEditor.service}
          />
        </Field>
        <Field
          label={t('bizowner.sloEditor.basics.name', 'Name')}
          invalid={Boolean(problems.at('name'))}
          error={problems.at('name')}
        >
          <Input
            id="slo-name"
            width={40}
            value={draft.name}
            onChange={(event) => {
              const name = event.currentTarget.value;
              change(followsName ? { name, id: slugOf(name) } : { name });
            }}
            data-testid={testIds.sloEditor.name}
          />
        </Field>
        <Field
          label={t('bizowner.sloEditor.basics.id', 'Id')}
          description={
            editing ? t('bizowner.sloEditor.basics.idFixed', 'Rules and alerts are named after it.') : undefined
          }
          invalid={Boolean(problems.at('id'))}
          error={problems.at('id')}
        >
          <Input
            id="slo-id"
            width={32}
            value={draft.id}
            disabled={editing}
            onChange={(event) => change({ id: event.currentTarget.value })}
            data-testid={testIds.sloEditor.id}
          />
        </Field>
      </Stack>
      <Field label={t('bizowner.sloEditor.basics.description', 'Description')}>
        <TextArea
          id="slo-description"
          rows={2}
          value={draft.description ?? ''}
          onChange={(event) => change({ description: event.currentTarget.value })}
        />
      </Field>
    </Section>
  );
}
