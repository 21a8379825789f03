import React from 'react';
import { t } from '@grafana/i18n';
import { Field, InlineField, InlineSwitch, Input, Stack, Text, TextLink } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import { BudgetPolicy } from '../../../domain/model';
import { personUrl } from '../../../routing';
import { SloFieldsProps } from './fieldProps';
import { numberFromText } from './sloDraft';

const OFF: BudgetPolicy = { enabled: false, escalateToBusinessOwner: true };

function BusinessOwner({ draft, doc }: Pick<SloFieldsProps, 'draft' | 'doc'>) {
  const service = doc.services.find((item) => item.id === draft.serviceId);
  const ownerId = service?.owners.businessOwner;
  const owner = ownerId ? doc.people.find((person) => person.id === ownerId) : undefined;
  if (!ownerId) {
    return (
      <Text color="warning">
        {t('bizowner.sloEditor.policy.noOwner', 'The service has no business owner: nobody would be told of a freeze.')}
      </Text>
    );
  }
  return (
    <Text>
      {t('bizowner.sloEditor.policy.owner', 'Escalates to the business owner of the service:')}{' '}
      <TextLink href={personUrl(ownerId)} inline>
        {owner ? `${owner.name} <${owner.email}>` : ownerId}
      </TextLink>
    </Text>
  );
}

/** The error-budget release policy: freeze thresholds and escalation to the business owner. */
export function PolicySection({ draft, change, problems, doc }: SloFieldsProps) {
  const policy = draft.budgetPolicy ?? OFF;
  const set = (patch: Partial<BudgetPolicy>) => change({ budgetPolicy: { ...policy, ...patch } });
  return (
    <Section title={t('bizowner.sloEditor.policy.title', 'Budget policy')}>
      <div data-testid={testIds.sloEditor.policy}>
        <Stack direction="column" gap={1}>
          <InlineField label={t('bizowner.sloEditor.policy.enabled', 'Freeze releases')} transparent>
            <InlineSwitch
              id="slo-policy-freeze"
              value={policy.enabled}
              onChange={() => set({ enabled: !policy.enabled })}
            />
          </InlineField>
          <Stack gap={2} wrap="wrap" alignItems="flex-start">
            <Field
              label={t('bizowner.sloEditor.policy.burn', 'When the burn rate is above')}
              description={t('bizowner.sloEditor.policy.burnHelp', 'A multiple of the sustainable rate, e.g. 2.')}
              invalid={Boolean(problems.at('budgetPolicy.freezeBurnRate'))}
              error={problems.at('budgetPolicy.freezeBurnRate')}
              disabled={!policy.enabled}
            >
              <Input
                id="slo-policy-burn-rate"
                width={12}
                defaultValue={policy.freezeBurnRate === undefined ? '' : String(policy.freezeBurnRate)}
                onChange={(event) => set({ freezeBurnRate: numberFromText(event.currentTarget.value) })}
              />
            </Field>
            <Field
              label={t('bizowner.sloEditor.policy.left', 'Or when less budget is left than (%)')}
              invalid={Boolean(problems.at('budgetPolicy.freezeBudgetLeftPercent'))}
              error={problems.at('budgetPolicy.freezeBudgetLeftPercent')}
              disabled={!policy.enabled}
            >
              <Input
                id="slo-policy-budget-left"
                width={12}
                defaultValue={
                  policy.freezeBudgetLeftPercent === undefined ? '' : String(policy.freezeBudgetLeftPercent)
                }
                onChange={(event) => set({ freezeBudgetLeftPercent: numberFromText(event.currentTarget.value) })}
              />
            </Field>
          </Stack>
          {problems.at('budgetPolicy') && <Text color="error">{problems.at('budgetPolicy') ?? ''}</Text>}
          <InlineField label={t('bizowner.sloEditor.policy.escalate', 'Escalate to the business owner')} transparent>
            <InlineSwitch
              id="slo-policy-escalate"
              value={policy.escalateToBusinessOwner}
              disabled={!policy.enabled}
              onChange={() => set({ escalateToBusinessOwner: !policy.escalateToBusinessOwner })}
            />
          </InlineField>
          <div data-testid={testIds.sloEditor.businessOwner}>
            <BusinessOwner draft={draft} doc={doc} />
          </div>
        </Stack>
      </div>
    </Section>
  );
}
