import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Column, EmptyState, InteractiveTable, Stack, Text, TextLink } from '@grafana/ui';
import { usePageLive } from '../../../components/LiveValues/liveState';
import { BudgetLeft } from '../../../components/Status/BudgetLeft';
import { LiveDataNotice } from '../../../components/Status/LiveDataNotice';
import { SloHealthBadge } from '../../../components/Status/SloHealthBadge';
import { liveStateReason } from '../../../components/LiveValues/liveTexts';
import { sloStatusExplanation } from '../../../components/labels';
import { testIds } from '../../../components/testIds';
import { RegistryDocument, Service, Slo } from '../../../domain/model';
import { sloStatus, SloStatus } from '../../../domain/registryView/sloStatus';
import { sloUrl } from '../../../routing';

interface SloRow {
  slo: Slo;
  status: SloStatus;
}

type Cell = { row: { original: SloRow } };

function policyOf(slo: Slo): string {
  const policy = slo.budgetPolicy;
  if (!policy?.enabled) {
    return t('bizowner.service.slos.noPolicy', 'None');
  }
  const parts = [
    policy.freezeBurnRate !== undefined
      ? t('bizowner.service.slos.freezeBurn', 'freeze above {{rate}}x burn', { rate: policy.freezeBurnRate })
      : undefined,
    policy.freezeBudgetLeftPercent !== undefined
      ? t('bizowner.service.slos.freezeBudget', 'freeze below {{percent}}% left', {
          percent: policy.freezeBudgetLeftPercent,
        })
      : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : t('bizowner.service.slos.policyNoThreshold', 'On, no freeze threshold');
}

/** The SLOs tab: each SLO with its objective, window, SLI kind, status and budget policy. */
export function ServiceSlos({ service, doc }: { service: Service; doc: RegistryDocument }) {
  const { live, state, dataSource } = usePageLive(doc.settings.prometheus);
  const reason = liveStateReason(state, dataSource);
  const rows = useMemo(
    () =>
      doc.slos
        .filter((slo) => slo.serviceId === service.id)
        .map((slo) => ({ slo, status: sloStatus(slo, live?.slos?.[slo.id]) })),
    [doc.slos, service.id, live]
  );
  const columns = useMemo<Array<Column<SloRow>>>(
    () => [
      {
        id: 'name',
        header: t('bizowner.service.slos.name', 'SLO'),
        cell: ({ row: { original } }: Cell) => (
          <Stack direction="column" gap={0}>
            <TextLink href={sloUrl(original.slo.id)} inline={false}>
              {original.slo.name}
            </TextLink>
            <Text variant="bodySmall" color="secondary">
              {original.slo.id}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'objective',
        header: t('bizowner.service.slos.objective', 'Objective'),
        cell: ({ row: { original } }: Cell) => `${original.slo.objective}%`,
      },
      {
        id: 'window',
        header: t('bizowner.service.slos.window', 'Window'),
        cell: ({ row: { original } }: Cell) => original.slo.window,
      },
      {
        id: 'sli',
        header: t('bizowner.service.slos.sli', 'SLI'),
        cell: ({ row: { original } }: Cell) => original.slo.sli.kind,
      },
      {
        id: 'status',
        header: t('bizowner.service.slos.status', 'Status'),
        cell: ({ row: { original } }: Cell) => (
          <SloHealthBadge
            health={original.status.health}
            reason={original.status.reason}
            tooltip={sloStatusExplanation(original.slo, original.status) ?? reason}
          />
        ),
      },
      {
        id: 'budget',
        header: t('bizowner.service.slos.budget', 'Budget left'),
        cell: ({ row: { original } }: Cell) => <BudgetLeft value={original.status.budgetLeft} missingReason={reason} />,
      },
      {
        id: 'policy',
        header: t('bizowner.service.slos.policy', 'Budget policy'),
        cell: ({ row: { original } }: Cell) => policyOf(original.slo),
      },
    ],
    [reason]
  );
  if (rows.length === 0) {
    return (
      <EmptyState variant="call-to-action" message={t('bizowner.service.slos.none', 'No SLOs for this service yet')}>
        {t('bizowner.service.slos.noneHint', 'SLOs are written in the SLO editor, or imported from OpenSLO or YAML.')}
      </EmptyState>
    );
  }
  return (
    <Stack direction="column" gap={2}>
      <LiveDataNotice state={state} dataSource={dataSource} />
      <div data-testid={testIds.services.sloTable}>
        <InteractiveTable columns={columns} data={rows} getRowId={(row: SloRow) => row.slo.id} />
      </div>
    </Stack>
  );
}
