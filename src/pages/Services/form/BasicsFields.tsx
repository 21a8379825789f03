import React from 'react';
import { t } from '@grafana/i18n';
import { Checkbox, Field, FieldSet, Input, RadioButtonGroup, Stack, TextArea } from '@grafana/ui';
import { lifecycleLabel, tierLabel } from '../../../components/labels';
import { ImpactFlags, LIFECYCLES, Lifecycle, Tier } from '../../../domain/model';
import { ServiceFieldsProps } from './fieldProps';

const TIERS: Tier[] = [1, 2, 3, 4];
const FLAGS: Array<keyof ImpactFlags> = ['revenue', 'compliance', 'customerFacing', 'sla'];

function flagLabel(flag: keyof ImpactFlags): string {
  const labels: Record<keyof ImpactFlags, string> = {
    revenue: t('bizowner.form.impact.revenue', 'Revenue'),
    compliance: t('bizowner.form.impact.compliance', 'Compliance'),
    customerFacing: t('bizowner.form.impact.customerFacing', 'Customer-facing'),
    sla: t('bizowner.form.impact.sla', 'Contractual SLA'),
  };
  return labels[flag];
}

/** Id, name, description, tier, lifecycle and impact of a service. */
export function BasicsFields({ draft, change, problems, editing }: ServiceFieldsProps) {
  const tierFieldLabel = t('bizowner.form.tier', 'Tier');
  const lifecycleFieldLabel = t('bizowner.form.lifecycle', 'Lifecycle');
  const impactFieldLabel = t('bizowner.form.impact', 'Impact');
  return (
    <FieldSet label={t('bizowner.form.basics', 'Service')}>
      <Field
        label={t('bizowner.form.id', 'Id')}
        description={
          editing
            ? t('bizowner.form.idFixed', 'The id cannot change: SLOs, dependencies and rules refer to it.')
            : t(
                'bizowner.form.idHint',
                'Lower-case letters, digits and dashes, e.g. checkout-api. It cannot change later.'
              )
        }
        invalid={Boolean(problems.at('id'))}
        error={problems.at('id')}
      >
        <Input
          id="service-id"
          value={draft.id}
          disabled={editing}
          onChange={(event) => change({ id: event.currentTarget.value })}
        />
      </Field>
      <Field label={t('bizowner.form.name', 'Name')} invalid={Boolean(problems.at('name'))} error={problems.at('name')}>
        <Input id="service-name" value={draft.name} onChange={(event) => change({ name: event.currentTarget.value })} />
      </Field>
      <Field
        label={t('bizowner.form.description', 'Description')}
        invalid={Boolean(problems.at('description'))}
        error={problems.at('description')}
      >
        <TextArea
          id="service-description"
          rows={2}
          value={draft.description}
          onChange={(event) => change({ description: event.currentTarget.value })}
        />
      </Field>
      <Field
        label={tierFieldLabel}
        description={t(
          'bizowner.form.tierHint',
          'Tier 1 is the most critical. Tier 1 and 2 services must name a business owner.'
        )}
        invalid={Boolean(problems.at('tier'))}
        error={problems.at('tier')}
      >
        <RadioButtonGroup<Tier>
          aria-label={tierFieldLabel}
          options={TIERS.map((tier) => ({ value: tier, label: tierLabel(tier) }))}
          value={draft.tier}
          onChange={(tier) => change({ tier })}
        />
      </Field>
      <Field label={lifecycleFieldLabel} invalid={Boolean(problems.at('lifecycle'))} error={problems.at('lifecycle')}>
        <RadioButtonGroup<Lifecycle>
          aria-label={lifecycleFieldLabel}
          options={LIFECYCLES.map((value) => ({ value, label: lifecycleLabel(value) }))}
          value={draft.lifecycle}
          onChange={(lifecycle) => change({ lifecycle })}
        />
      </Field>
      <Field label={impactFieldLabel} invalid={Boolean(problems.under('impact'))} error={problems.under('impact')}>
        {/* Field puts `invalid` on an element child; a fragment keeps it off the group's div */}
        <>
          <div role="group" aria-label={impactFieldLabel}>
            <Stack gap={2} wrap="wrap">
              {FLAGS.map((flag) => (
                <Checkbox
                  key={flag}
                  label={flagLabel(flag)}
                  value={draft.impact[flag]}
                  onChange={(event) => change({ impact: { ...draft.impact, [flag]: event.currentTarget.checked } })}
                />
              ))}
            </Stack>
          </div>
        </>
      </Field>
    </FieldSet>
  );
}
