import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Button, Field, FieldSet, IconButton, Input, MultiCombobox, Stack } from '@grafana/ui';
import { ServiceFieldsProps } from './fieldProps';

/** Telemetry selector, cost tags and dependencies. */
export function TelemetryFields({ draft, change, problems, doc }: ServiceFieldsProps) {
  const services = useMemo(
    () =>
      doc.services
        .filter((service) => service.id !== draft.id)
        .map((service) => ({ value: service.id, label: service.name, description: service.id })),
    [doc.services, draft.id]
  );
  const updateTag = (index: number, patch: Partial<{ key: string; value: string }>) =>
    change({ costTags: draft.costTags.map((tag, i) => (i === index ? { ...tag, ...patch } : tag)) });
  const costTagsLabel = t('bizowner.form.costTags', 'Cost tags');
  return (
    <FieldSet label={t('bizowner.form.telemetry', 'Telemetry, cost and dependencies')}>
      <Field
        label={t('bizowner.form.selector', 'Telemetry selector')}
        description={t(
          'bizowner.form.selectorHint',
          'Label matchers that select the service\'s metrics and logs. Left empty, it is {service="<id>"}.'
        )}
        invalid={Boolean(problems.at('selector'))}
        error={problems.at('selector')}
      >
        <Input
          id="service-selector"
          value={draft.selector}
          placeholder={t('bizowner.form.selectorExample', '{service="{{id}}"}', {
            id: draft.id || 'id',
            interpolation: { escapeValue: false },
          })}
          onChange={(event) => change({ selector: event.currentTarget.value })}
        />
      </Field>
      <Field
        label={costTagsLabel}
        description={t('bizowner.form.costTagsHint', 'Billing allocation labels, e.g. cost_center = checkout.')}
        invalid={Boolean(problems.under('costTags'))}
        error={problems.under('costTags')}
      >
        <>
          <Stack direction="column" gap={1} role="group" aria-label={costTagsLabel}>
            {draft.costTags.map((tag, index) => (
              <Stack key={index} gap={1}>
                <Input
                  aria-label={t('bizowner.form.costTagKeyOf', 'Label of cost tag {{number}}', { number: index + 1 })}
                  width={24}
                  placeholder={t('bizowner.form.costTagKey', 'label')}
                  value={tag.key}
                  onChange={(event) => updateTag(index, { key: event.currentTarget.value })}
                />
                <Input
                  aria-label={t('bizowner.form.costTagValueOf', 'Value of cost tag {{number}}', { number: index + 1 })}
                  width={24}
                  placeholder={t('bizowner.form.costTagValue', 'value')}
                  value={tag.value}
                  onChange={(event) => updateTag(index, { value: event.currentTarget.value })}
                />
                <IconButton
                  name="trash-alt"
                  tooltip={t('bizowner.form.removeCostTag', 'Remove this tag')}
                  onClick={() => change({ costTags: draft.costTags.filter((_, i) => i !== index) })}
                />
              </Stack>
            ))}
            <div>
              <Button
                variant="secondary"
                size="sm"
                icon="plus"
                onClick={() => change({ costTags: [...draft.costTags, { key: '', value: '' }] })}
              >
                {t('bizowner.form.addCostTag', 'Add a cost tag')}
              </Button>
            </div>
          </Stack>
        </>
      </Field>
      <Field
        label={t('bizowner.form.dependsOn', 'Depends on')}
        invalid={Boolean(problems.under('dependsOn'))}
        error={problems.under('dependsOn')}
      >
        <MultiCombobox<string>
          id="service-depends-on"
          options={services}
          value={draft.dependsOn}
          onChange={(options) => change({ dependsOn: options.map((option) => option.value) })}
          placeholder={t('bizowner.form.pickServices', 'Choose services')}
          width={60}
        />
      </Field>
    </FieldSet>
  );
}
