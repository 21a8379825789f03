import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor } from '@grafana/ui';
import { cached, CellStyles, nameColumn, PersonLink, useCellStyles } from '../../../components/PagedTable/columns';
import { ListColumn } from '../../../components/PagedTable/ListTable';
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

/** The alert's state; `label` names it and `freezeLabel` a release freeze, both translated once per list. */
function AlertCell({
  row,
  styles,
  label,
  freezeLabel,
}: {
  row: SloRow;
  styles: CellStyles;
  label: string;
  freezeLabel: string;
}) {
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
    <div className={styles.inline}>
      <Badge color={color} text={label} />
      {alert.freeze && <Badge color="purple" icon="lock" text={freezeLabel} />}
    </div>
  );
}

/** Columns of the SLO list; sorting runs in `querySlos` on all rows, not only the page shown. */
export function useSloColumns(): Array<ListColumn<SloRow>> {
  const styles = useCellStyles();
  return useMemo(() => {
    const dash = <span className={styles.secondary}>—</span>;
    const sourceText = cached(sourceLabel);
    const statusText = cached(statusLabel);
    const windowText = cached(windowLabel);
    const noData = t('bizowner.budgetLeft.none', 'No data');
    const alertText = cached(alertLabel, (alert) => `${alert.status}/${alert.severity}`);
    const freeze = t('bizowner.slos.alert.freeze', 'Release freeze');
    return [
      nameColumn<SloRow>(t('bizowner.slos.col.name', 'SLO'), (row) => sloUrl(row.id), styles),
      {
        id: 'service',
        header: t('bizowner.slos.col.service', 'Service'),
        sortable: true,
        cell: (row) => <RowLink href={serviceUrl(row.serviceId)}>{row.serviceName}</RowLink>,
      },
      {
        id: 'owner',
        header: t('bizowner.slos.col.owner', 'Business owner'),
        sortable: true,
        cell: (row) => (row.ownerId ? <PersonLink id={row.ownerId} name={row.ownerName} /> : dash),
      },
      {
        id: 'objective',
        header: t('bizowner.slos.col.objective', 'Objective'),
        sortable: true,
        cell: (row) => `${row.objective}%`,
      },
      {
        id: 'window',
        header: t('bizowner.slos.col.window', 'Window'),
        sortable: true,
        cell: (row) => windowText(row.window),
      },
      {
        id: 'sli',
        header: t('bizowner.slos.col.sli', 'Current SLI'),
        sortable: true,
        cell: (row) => (row.sli === undefined ? dash : formatSli(row.sli)),
      },
      {
        id: 'budget',
        header: t('bizowner.slos.col.budget', 'Budget left'),
        sortable: true,
        cell: (row) => (
          <BudgetLeft
            value={row.budgetLeft}
            noDataLabel={noData}
            missingReason={() => sourceExplanation(row.source, row.reason)}
          />
        ),
      },
      {
        id: 'burn',
        header: t('bizowner.slos.col.burn', 'Burn rate'),
        sortable: true,
        cell: (row) =>
          row.burnRate === undefined ? (
            dash
          ) : (
            <span className={row.burnRate > 1 ? styles.warning : styles.primary}>{formatBurnRate(row.burnRate)}</span>
          ),
      },
      {
        id: 'groups',
        header: t('bizowner.slos.col.groups', 'Groups'),
        // Most SLOs are not grouped: their dash without a component of its own.
        cell: (row) => (row.groupBy?.length ? <GroupsSummary groupBy={row.groupBy} summary={row.groups} /> : dash),
      },
      {
        id: 'alert',
        header: t('bizowner.slos.col.alert', 'Alert'),
        sortable: true,
        cell: (row) => <AlertCell row={row} styles={styles} label={alertText(row.alert)} freezeLabel={freeze} />,
      },
      {
        id: 'status',
        header: t('bizowner.slos.col.status', 'Status'),
        sortable: true,
        cell: (row) => (
          <div className={styles.inlineCentered}>
            {/* Without values the source badge alone says "no data", with the reason in its tooltip. */}
            {row.source !== 'none' && <Badge color={STATUS_COLORS[row.status]} text={statusText(row.status)} />}
            <SourceBadge row={row} label={sourceText(row.source)} />
          </div>
        ),
      },
    ];
  }, [styles]);
}
