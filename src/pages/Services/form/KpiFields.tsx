import React from 'react';
import { t } from '@grafana/i18n';
import { Button, Field, FieldSet, IconButton, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import { KpiDraft } from './serviceDraft';
import { ServiceFieldsProps } from './fieldProps';

const EMPTY_KPI: KpiDraft = { id: '', name: '', query: '', unit: '', target: '', direction: 'higher' };

/** The business KPIs: id, name, PromQL query, unit, target and which direction is better. */
export function KpiFields({ draft, change, problems }: ServiceFieldsProps) {
  const update = (index: number, patch: Partial<KpiDraft>) =>
    change({ kpis: draft.kpis.map((kpi, i) => (i === index ? { ...kpi, ...patch } : kpi)) });
  const error = (index: number, key: keyof KpiDraft) => problems.at(`kpis[${index}].${key}`);
  const directionLabel = t('bizowner.form.kpiDirection', 'Better when');
  return (
    <FieldSet label={t('bizowner.form.kpis', 'Business KPIs')}>
      {draft.kpis.map((kpi, index) => (
        <Stack key={index} gap={1} alignItems="flex-start" wrap="wrap">
          <Field
            label={t('bizowner.form.kpiId', 'Id')}
            invalid={Boolean(error(index, 'id'))}
            error={error(index, 'id')}
          >
            <Input
              id={`kpi-${index}-id`}
              width={20}
              value={kpi.id}
              onChange={(event) => update(index, { id: event.currentTarget.value })}
            />
          </Field>
          <Field
            label={t('bizowner.form.kpiName', 'Name')}
            invalid={Boolean(error(index, 'name'))}
            error={error(index, 'name')}
          >
            <Input
              id={`kpi-${index}-name`}
              width={24}
              value={kpi.name}
              onChange={(event) => update(index, { name: event.currentTarget.value })}
            />
          </Field>
          <Field
            label={t('bizowner.form.kpiQuery', 'PromQL query')}
            invalid={Boolean(error(index, 'query'))}
            error={error(index, 'query')}
          >
            <Input
              id={`kpi-${index}-query`}
              width={60}
              value={kpi.query}
              onChange={(event) => update(index, { query: event.currentTarget.value })}
            />
          </Field>
          <Field
            label={t('bizowner.form.kpiUnit', 'Unit')}
            invalid={Boolean(error(index, 'unit'))}
            error={error(index, 'unit')}
          >
            <Input
              id={`kpi-${index}-unit`}
              width={16}
              placeholder={t('bizowner.form.kpiUnitExample', 'currencyUSD')}
              value={kpi.unit}
              onChange={(event) => update(index, { unit: event.currentTarget.value })}
            />
          </Field>
          <Field
            label={t('bizowner.form.kpiTarget', 'Target')}
            invalid={Boolean(error(index, 'target'))}
            error={error(index, 'target')}
          >
            <Input
              id={`kpi-${index}-target`}
              width={12}
              value={kpi.target}
              onChange={(event) => update(index, { target: event.currentTarget.value })}
            />
          </Field>
          <Field label={directionLabel}>
            <RadioButtonGroup<KpiDraft['direction']>
              aria-label={directionLabel}
              value={kpi.direction}
              onChange={(direction) => update(index, { direction })}
              options={[
                { value: 'higher', label: t('bizowner.form.kpiHigher', 'Higher') },
                { value: 'lower', label: t('bizowner.form.kpiLower', 'Lower') },
              ]}
            />
          </Field>
          <IconButton
            name="trash-alt"
            tooltip={t('bizowner.form.removeKpi', 'Remove this KPI')}
            onClick={() => change({ kpis: draft.kpis.filter((_, i) => i !== index) })}
          />
        </Stack>
      ))}
      <Button variant="secondary" icon="plus" onClick={() => change({ kpis: [...draft.kpis, { ...EMPTY_KPI }] })}>
        {t('bizowner.form.addKpi', 'Add a KPI')}
      </Button>
    </FieldSet>
  );
}
