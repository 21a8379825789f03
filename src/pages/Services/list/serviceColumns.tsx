import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Badge } from '@grafana/ui';
import { cached, nameColumn, PersonLink, useCellStyles } from '../../../components/PagedTable/columns';
import { ListColumn } from '../../../components/PagedTable/ListTable';
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

/**
 * Columns of the services list. Every column sorts (the sorting itself happens in
 * `queryServices`, on all rows, not only the page shown); `missingReason` explains empty live values.
 * The status names the rule behind it and its tooltip the SLO and values that set it.
 *
 * Badges in cells carry no icon: Grafana's icons are SVG files parsed again for every instance, and a
 * page of 50 services without an owner or needing attention spent 38 ms parsing them (CPU profile of the
 * "Without a business owner" filter at 5,000 services). Their colour and word say the same.
 */
export function useServiceColumns(missingReason: string): Array<ListColumn<ServiceRow>> {
  const styles = useCellStyles();
  return useMemo(() => {
    const tierText = cached(tierLabel);
    const lifecycleText = cached(lifecycleLabel);
    const levelText = cached(levelLabel);
    const statusText = cached(sloStatusLabel, (health, reason) => `${health}/${reason}`);
    const noOwner = t('bizowner.services.noOwner', 'None');
    const noSlos = t('bizowner.services.noSlos', 'No SLOs yet');
    const attention = t('bizowner.services.attentionBadge', 'Attention');
    const noData = t('bizowner.budgetLeft.none', 'No data');
    return [
      nameColumn<ServiceRow>(t('bizowner.services.col.name', 'Service'), (row) => serviceUrl(row.id), styles),
      {
        id: 'tier',
        header: t('bizowner.services.col.tier', 'Tier'),
        sortable: true,
        cell: (row) => <Badge color={row.tier <= 2 ? 'orange' : 'blue'} text={tierText(row.tier)} />,
      },
      {
        id: 'lifecycle',
        header: t('bizowner.services.col.lifecycle', 'Lifecycle'),
        sortable: true,
        cell: (row) => lifecycleText(row.lifecycle),
      },
      {
        id: 'owner',
        header: t('bizowner.services.col.owner', 'Business owner'),
        sortable: true,
        cell: (row) =>
          row.businessOwnerId ? (
            <PersonLink id={row.businessOwnerId} name={row.businessOwnerName} />
          ) : (
            <Badge color="red" text={noOwner} />
          ),
      },
      {
        id: 'team',
        header: t('bizowner.services.col.team', 'Team'),
        sortable: true,
        cell: (row) => row.team ?? <span className={styles.secondary}>—</span>,
      },
      {
        id: 'slos',
        header: t('bizowner.services.col.slos', 'SLOs'),
        sortable: true,
        cell: (row) => row.sloCount,
      },
      {
        id: 'status',
        header: t('bizowner.services.col.status', 'SLO status'),
        sortable: true,
        cell: (row) => {
          const { decisive, sloHealth } = row;
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
        sortable: true,
        cell: (row) => (
          <BudgetLeft
            value={row.budgetLeft}
            noDataLabel={noData}
            missingReason={row.sloCount === 0 ? noSlos : missingReason}
            about={
              row.lowestBudgetSloId
                ? () =>
                    t('bizowner.services.budgetOf', 'Budget left of {{slo}}, the lowest of the service’s SLOs', {
                      slo: row.lowestBudgetSloId,
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
        sortable: true,
        cell: (row) => (
          <div className={styles.inlineCentered}>
            <LevelBadge level={row.level} label={levelText(row.level)} />
            {row.needsAttention && <Badge color="red" text={attention} />}
          </div>
        ),
      },
    ];
  }, [missingReason, styles]);
}
