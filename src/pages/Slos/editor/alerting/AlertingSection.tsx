import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Field, InlineField, InlineSwitch, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { Section } from '../../../../components/Section/Section';
import { testIds } from '../../../../components/testIds';
import { isProblem, parseSloWindow, ruleWindowDays } from '../../../../domain/budget';
import { Alerting, AlertPreset } from '../../../../domain/model';
import { BURN_ALERT } from '../../../../domain/rules/names';
import { summarizeTiers } from '../../../../domain/windows';
import { SloFieldsProps } from '../fieldProps';
import { numberFromText } from '../sloDraft';
import { LabelsField } from './LabelsField';
import { TierTable } from './TierTable';

/** Burn-rate alerting: preset tiers as a table, per-tier switches, routing labels, runbook, low-traffic guard. */
export function AlertingSection({ draft, change, problems, doc }: SloFieldsProps) {
  const alerting = draft.alerting;
  const set = (patch: Partial<Alerting>) => change({ alerting: { ...alerting, ...patch } });
  const window = parseSloWindow(draft.window);
  const periodDays = isProblem(window) ? 30 : ruleWindowDays(window);
  const tiers = useMemo(() => summarizeTiers(alerting, periodDays), [alerting, periodDays]);
  const runbookFallback = doc.services
    .find((service) => service.id === draft.serviceId)
    ?.links.find((link) => link.type === 'runbook')?.url;
  const presets: Array<{ value: AlertPreset; label: string }> = [
    { value: 'google-30d', label: t('bizowner.sloEditor.alerting.google30', 'SRE workbook, 30 days') },
    { value: 'google-28d', label: t('bizowner.sloEditor.alerting.google28', 'SRE workbook, 28 days') },
  ];
  if (alerting.preset === 'custom') {
    presets.push({ value: 'custom', label: t('bizowner.sloEditor.alerting.custom', 'Custom windows') });
  }
  const toggle = (tier: string, on: boolean) => {
    const disabled = new Set(alerting.disabledTiers ?? []);
    if (on) {
      disabled.delete(tier);
    } else {
      disabled.add(tier);
    }
    set({ disabledTiers: disabled.size > 0 ? [...disabled] : undefined });
  };
  return (
    <Section title={t('bizowner.sloEditor.alerting.title', 'Alerting')}>
      <Stack gap={2} alignItems="center" wrap="wrap">
        <InlineField label={t('bizowner.sloEditor.alerting.enabled', 'Burn-rate alerts')} transparent>
          <InlineSwitch
            id="slo-alerting-enabled"
            value={alerting.enabled}
            onChange={() => set({ enabled: !alerting.enabled })}
          />
        </InlineField>
        <RadioButtonGroup
          aria-label={t('bizowner.sloEditor.alerting.preset', 'Alert windows')}
          options={presets}
          value={alerting.preset}
          onChange={(preset) => set({ preset })}
          disabled={!alerting.enabled}
        />
      </Stack>
      <Text color="secondary">
        {t(
          'bizowner.sloEditor.alerting.tiersHelp',
          'Each tier fires when both its long and short windows burn faster than its factor; factors are scaled to the SLO window.'
        )}
      </Text>
      <TierTable tiers={tiers} enabled={alerting.enabled} onToggle={toggle} />
      <Stack gap={2} wrap="wrap" alignItems="flex-start">
        <LabelsField
          label={t('bizowner.sloEditor.alerting.pageLabels', 'Labels of paging alerts')}
          labels={alerting.pageLabels ?? {}}
          onChange={(pageLabels) => set({ pageLabels })}
          error={problems.under('alerting.pageLabels')}
        />
        <LabelsField
          label={t('bizowner.sloEditor.alerting.ticketLabels', 'Labels of ticket alerts')}
          labels={alerting.ticketLabels ?? {}}
          onChange={(ticketLabels) => set({ ticketLabels })}
          error={problems.under('alerting.ticketLabels')}
        />
      </Stack>
      <Stack gap={2} wrap="wrap" alignItems="flex-start">
        <Field
          label={t('bizowner.sloEditor.alerting.runbook', 'Runbook URL')}
          description={
            runbookFallback
              ? t('bizowner.sloEditor.alerting.runbookFallback', "Empty uses the service's runbook: {{url}}", {
                  url: runbookFallback,
                  interpolation: { escapeValue: false },
                })
              : t('bizowner.sloEditor.alerting.runbookHelp', 'An http:// or https:// address.')
          }
          invalid={Boolean(problems.at('alerting.runbookUrl'))}
          error={problems.at('alerting.runbookUrl')}
        >
          <Input
            id="slo-runbook"
            width={48}
            value={alerting.runbookUrl ?? ''}
            onChange={(event) => set({ runbookUrl: event.currentTarget.value })}
            data-testid={testIds.sloEditor.runbook}
          />
        </Field>
        <Field
          label={t('bizowner.sloEditor.alerting.name', 'Alert name')}
          description={t(
            'bizowner.sloEditor.alerting.nameHelp',
            'The alertname of the burn-rate alerts, e.g. the one your routes and silences match on. Empty uses {{name}}.',
            { name: BURN_ALERT }
          )}
          invalid={Boolean(problems.at('alerting.name'))}
          error={problems.at('alerting.name')}
        >
          <Input
            id="slo-alert-name"
            width={32}
            value={alerting.name ?? ''}
            placeholder={BURN_ALERT}
            onChange={(event) => set({ name: event.currentTarget.value.trim() || undefined })}
            data-testid={testIds.sloEditor.alertName}
          />
        </Field>
        <Field
          label={t('bizowner.sloEditor.alerting.minEvents', 'Minimum events')}
          description={t(
            'bizowner.sloEditor.alerting.minEventsHelp',
            'Hold alerts back while the long window saw fewer events.'
          )}
          invalid={Boolean(problems.at('alerting.minEvents'))}
          error={problems.at('alerting.minEvents')}
        >
          <Input
            id="slo-min-events"
            width={14}
            defaultValue={alerting.minEvents === undefined ? '' : String(alerting.minEvents)}
            onChange={(event) => set({ minEvents: numberFromText(event.currentTarget.value) })}
            data-testid={testIds.sloEditor.minEvents}
          />
        </Field>
      </Stack>
    </Section>
  );
}
