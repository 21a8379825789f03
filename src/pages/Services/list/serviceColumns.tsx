import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Badge, Column, Stack, Text } from '@grafana/ui';
import { cached, nameColumn, PersonLink } from '../../../components/PagedTable/columns';
import { BudgetLeft } from '../../../components/Status/BudgetLeft';
import { LevelBadge } from '../../../components/Status/LevelBadge';
import { SloHealthBadge } from '../../../components/Status/SloHealthBadge';
import {
  levelLabel,
  lifecycleLabel,
  sloStatusExplanation,
  sloStatusLabel,
  tierLabel,
} from '../../../components/labels';
import { ServiceRow } from '../../../domain/registryView/serviceRows';
import { serviceUrl } from '../../../routing';

/** What a cell renderer reads of react-table's cell props. */
type Cell = { row: { original: ServiceRow } };

/**
 * Columns of the services list. Every column sorts (the sorting itself happens in
 * `queryServices`, on all rows, not only the page shown); `missingReason` explains empty live values.
 * The status names the rule behind it and its tooltip the SLO and values that set it.
 */
export function useServiceColumns(missingReason: string): Array<Column<ServiceRow>> {
  return useMemo(() => {
    const tierText = cached(tierLabel);
    const lifecycleText = cached(lifecycleLabel);
    const levelText = cached(levelLabel);
    const statusText = cached(sloStatusLabel, (health, reason) => `${health}/${reason}`);
    const noOwner = t('bizowner.services.noOwner', 'None');
    const noSlos = t('bizowner.services.noSlos', 'No SLOs yet');
    const attention = t('bizowner.services.attentionBadge', 'Attention');
    return [
      nameColumn<ServiceRow>(t('bizowner.services.col.name', 'Service'), (row) => serviceUrl(row.id)),
      {
        id: 'tier',
        header: t('bizowner.services.col.tier', 'Tier'),
        sortType: 'number',
        cell: ({ row: { original } }: Cell) => (
          <Badge color={original.tier <= 2 ? 'orange' : 'blue'} text={tierText(original.tier)} />
        ),
      },
      {
        id: 'lifecycle',
        header: t('bizowner.services.col.lifecycle', 'Lifecycle'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => lifecycleText(original.lifecycle),
      },
      {
        id: 'owner',
        header: t('bizowner.services.col.owner', 'Business owner'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) =>
          original.businessOwnerId ? (
            <PersonLink id={original.businessOwnerId} name={original.businessOwnerName} />
          ) : (
            <Badge color="red" icon="exclamation-triangle" text={noOwner} />
          ),
      },
      {
        id: 'team',
        header: t('bizowner.services.col.team', 'Team'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => original.team ?? <Text color="secondary">—</Text>,
      },
      {
        id: 'slos',
        header: t('bizowner.services.col.slos', 'SLOs'),
        sortType: 'number',
        cell: ({ row: { original } }: Cell) => original.sloCount,
      },
      {
        id: 'status',
        header: t('bizowner.services.col.status', 'SLO status'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => {
          const { decisive, sloHealth } = original;
          const reason = decisive?.status.reason;
          // The explanation is made when its tooltip shows: one translation fewer per row.
          const why = decisive && (() => sloStatusExplanation(decisive.slo, decisive.status) ?? '');
          return (
            <SloHealthBadge
              health={sloHealth}
              reason={reason}
              label={statusText(sloHealth, reason)}
              tooltip={sloHealth === 'noData' ? missingReason : why}
            />
          );
        },
      },
      {
        id: 'budget',
        // The lowest of the service's SLOs: the status may come from another SLO (a policy freezing on burn).
        header: t('bizowner.services.col.budget', 'Lowest budget left'),
        sortType: 'number',
        cell: ({ row: { original } }: Cell) => (
          <BudgetLeft
            value={original.budgetLeft}
            missingReason={original.sloCount === 0 ? noSlos : missingReason}
            about={
              original.lowestBudgetSloId
                ? () =>
                    t('bizowner.services.budgetOf', 'Budget left of {{slo}}, the lowest of the service’s SLOs', {
                      slo: original.lowestBudgetSloId,
                      interpolation: { escapeValue: false },
                    })
                : undefined
            }
          />
        ),
      },
      {
        id: 'level',
        header: t('bizowner.services.col.level', 'Scorecard'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => (
          <Stack gap={0.5} alignItems="center">
            <LevelBadge level={original.level} label={levelText(original.level)} />
            {original.needsAttention && <Badge color="red" icon="exclamation-circle" text={attention} />}
          </Stack>
        ),
      },
    ];
  }, [missingReason]);
}
