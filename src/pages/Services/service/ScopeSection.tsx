import React from 'react';
import { t } from '@grafana/i18n';
import { Badge, Stack, Text } from '@grafana/ui';
import { KeyValueTable } from '../../../components/Section/KeyValueTable';
import { Section } from '../../../components/Section/Section';
import { lifecycleLabel, tierLabel } from '../../../components/labels';
import { ImpactFlags, Service } from '../../../domain/model';

function impactLabels(): Record<keyof ImpactFlags, string> {
  return {
    revenue: t('bizowner.service.impact.revenue', 'Revenue'),
    compliance: t('bizowner.service.impact.compliance', 'Compliance'),
    customerFacing: t('bizowner.service.impact.customerFacing', 'Customer-facing'),
    sla: t('bizowner.service.impact.sla', 'SLA'),
  };
}

/** Tier, lifecycle, impact flags, what the business owner decides, and the telemetry selector. */
export function ScopeSection({ service }: { service: Service }) {
  const labels = impactLabels();
  const flags = (Object.keys(labels) as Array<keyof ImpactFlags>).filter((flag) => service.impact[flag]);
  const costTags = Object.entries(service.costTags);
  return (
    <Section title={t('bizowner.service.scope.title', 'Scope and impact')}>
      {service.description && <Text>{service.description}</Text>}
      <KeyValueTable
        rows={[
          { key: 'tier', label: t('bizowner.service.scope.tier', 'Tier'), value: tierLabel(service.tier) },
          {
            key: 'lifecycle',
            label: t('bizowner.service.scope.lifecycle', 'Lifecycle'),
            value: lifecycleLabel(service.lifecycle),
          },
          {
            key: 'impact',
            label: t('bizowner.service.scope.impact', 'Impact'),
            value:
              flags.length > 0 ? (
                <Stack gap={0.5} wrap="wrap">
                  {flags.map((flag) => (
                    <Badge key={flag} color="orange" text={labels[flag]} />
                  ))}
                </Stack>
              ) : (
                <Text color="secondary">{t('bizowner.service.scope.noImpact', 'None flagged')}</Text>
              ),
          },
          {
            key: 'decisionScope',
            label: t('bizowner.service.scope.decisionScope', 'Business owner decides'),
            value: service.decisionScope ?? (
              <Text color="secondary">{t('bizowner.service.scope.noDecisionScope', 'Not written down yet')}</Text>
            ),
          },
          {
            key: 'selector',
            label: t('bizowner.service.scope.selector', 'Telemetry selector'),
            value: <code>{service.selector}</code>,
          },
          {
            key: 'costTags',
            label: t('bizowner.service.scope.costTags', 'Cost tags'),
            value:
              costTags.length > 0 ? (
                <code>{costTags.map(([key, value]) => `${key}=${value}`).join(', ')}</code>
              ) : (
                <Text color="secondary">—</Text>
              ),
          },
        ]}
      />
    </Section>
  );
}
