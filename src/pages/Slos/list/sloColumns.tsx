import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor, Column, Stack, Text } from '@grafana/ui';
import { cached, nameColumn, PersonLink } from '../../../components/PagedTable/columns';
import { RowLink } from '../../../components/PagedTable/RowLink';
import { BudgetLeft } from '../../../components/Status/BudgetLeft';
import { testIds } from '../../../components/testIds';
import { DeferredTooltip } from '../../../components/Tooltip/DeferredTooltip';
import { serviceUrl, sloUrl } from '../../../routing';
import {
  alertLabel,
  formatBurnRate,
  formatSli,
  sourceExplanation,
  sourceLabel,
  statusLabel,
  windowLabel,
} from '../sloTexts';
import { GroupsSummary } from './SloGroups';
import { SloRow } from './sloRows';
import { STATUS_COLORS } from './statusColors';

type Cell = { row: { original: SloRow } };

const dash = <Text color="secondary">—</Text>;

/** Where the values come from; the explanation is made when its tooltip shows. */
function SourceBadge({ row, label }: { row: SloRow; label: string }) {
  const color: BadgeColor = row.source === 'recorded' ? 'green' : row.source === 'raw' ? 'blue' : 'darkgrey';
  return (
    <span data-testid={testIds.slos.source}>
      <DeferredTooltip content={() => sourceExplanation(row.source, row.reason)}>
        <Badge color={color} text={label} />
      </DeferredTooltip>
    </span>
  );
}

function AlertCell({ row }: { row: SloRow }) {
  const { alert } = row;
  const color: BadgeColor =
    alert.status === 'firing'
      ? alert.severity === 'page'
        ? 'red'
        : 'orange'
      : alert.status === 'pending'
        ? 'orange'
        : 'darkgrey';
  return (
    <Stack gap={0.5}>
      <Badge color={color} text={alertLabel(alert)} />
      {alert.freeze && <Badge color="purple" icon="lock" text={t('bizowner.slos.alert.freeze', 'Release freeze')} />}
    </Stack>
  );
}

/** Columns of the SLO list; sorting runs in `querySlos` on all rows, not only the page shown. */
export function useSloColumns(): Array<Column<SloRow>> {
  return useMemo(() => {
    const sourceText = cached(sourceLabel);
    const statusText = cached(statusLabel);
    const windowText = cached(windowLabel);
    return [
      nameColumn<SloRow>(t('bizowner.slos.col.name', 'SLO'), (row) => sloUrl(row.id)),
      {
        id: 'service',
        header: t('bizowner.slos.col.service', 'Service'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => (
          <RowLink href={serviceUrl(original.serviceId)}>{original.serviceName}</RowLink>
        ),
      },
      {
        id: 'owner',
        header: t('bizowner.slos.col.owner', 'Business owner'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) =>
          original.ownerId ? <PersonLink id={original.ownerId} name={original.ownerName} /> : dash,
      },
      {
        id: 'objective',
        header: t('bizowner.slos.col.objective', 'Objective'),
        sortType: 'number',
        cell: ({ row: { original } }: Cell) => `${original.objective}%`,
      },
      {
        id: 'window',
        header: t('bizowner.slos.col.window', 'Window'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => windowText(original.window),
      },
      {
        id: 'sli',
        header: t('bizowner.slos.col.sli', 'Current SLI'),
        sortType: 'number',
        cell: ({ row: { original } }: Cell) => (original.sli === undefined ? dash : formatSli(original.sli)),
      },
      {
        id: 'budget',
        header: t('bizowner.slos.col.budget', 'Budget left'),
        sortType: 'number',
        cell: ({ row: { original } }: Cell) => (
          <BudgetLeft
            value={original.budgetLeft}
            missingReason={() => sourceExplanation(original.source, original.reason)}
          />
        ),
      },
      {
        id: 'burn',
        header: t('bizowner.slos.col.burn', 'Burn rate'),
        sortType: 'number',
        cell: ({ row: { original } }: Cell) =>
          original.burnRate === undefined ? (
            dash
          ) : (
            <Text color={original.burnRate > 1 ? 'warning' : 'primary'}>{formatBurnRate(original.burnRate)}</Text>
          ),
      },
      {
        id: 'groups',
        header: t('bizowner.slos.col.groups', 'Groups'),
        cell: ({ row: { original } }: Cell) => <GroupsSummary groupBy={original.groupBy} summary={original.groups} />,
      },
      {
        id: 'alert',
        header: t('bizowner.slos.col.alert', 'Alert'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => <AlertCell row={original} />,
      },
      {
        id: 'status',
        header: t('bizowner.slos.col.status', 'Status'),
        sortType: 'string',
        cell: ({ row: { original } }: Cell) => (
          <Stack gap={0.5} alignItems="center">
            {/* Without values the source badge alone says "no data", with the reason in its tooltip. */}
            {original.source !== 'none' && (
              <Badge color={STATUS_COLORS[original.status]} text={statusText(original.status)} />
            )}
            <SourceBadge row={original} label={sourceText(original.source)} />
          </Stack>
        ),
      },
    ];
  }, []);
}
