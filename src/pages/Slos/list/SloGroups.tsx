import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, Column, InteractiveTable, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import { BudgetLeft } from '../../../components/Status/BudgetLeft';
import { testIds } from '../../../components/testIds';
import { DataSourceRef, Slo } from '../../../domain/model';
import { formatBurnRate, formatSli, statusLabel } from '../sloTexts';
import { GroupSummary, groupText, GroupValues, groupValueQueries, readGroupValues } from './groupValues';
import { STATUS_COLORS } from './statusColors';
import { useInstantAnswer } from '../../../api/prometheus/useInstantAnswer';

type Cell = { row: { original: GroupValues & { id: string } } };

const dash = <Text color="secondary">—</Text>;

/** The list's groups cell: how many groups a grouped SLO has and which has the least budget left. */
export function GroupsSummary({ groupBy, summary }: { groupBy?: string[]; summary?: GroupSummary }) {
  if (!groupBy?.length) {
    return dash;
  }
  const labels = groupBy.join(', ');
  return (
    <span data-testid={testIds.groups.summary}>
      {summary ? (
        <Text>
          {summary.worst
            ? t('bizowner.slos.groups.summaryWorst', '{{count}} groups, worst: {{worst}}', {
                count: summary.count,
                worst: groupText(summary.worst.labels),
                interpolation: { escapeValue: false },
              })
            : t('bizowner.slos.groups.summary', '{{count}} groups by {{labels}}', {
                count: summary.count,
                labels,
                interpolation: { escapeValue: false },
              })}
        </Text>
      ) : (
        <Text color="secondary">
          {t('bizowner.slos.groups.by', 'By {{labels}}', { labels, interpolation: { escapeValue: false } })}
        </Text>
      )}
    </span>
  );
}

function groupColumns(slo: Slo): Array<Column<GroupValues & { id: string }>> {
  return [
    ...(slo.groupBy ?? []).map((label) => ({
      id: `label-${label}`,
      header: label,
      cell: ({ row: { original } }: Cell) => original.labels[label] || dash,
    })),
    {
      id: 'budget',
      header: t('bizowner.slos.col.budget', 'Budget left'),
      cell: ({ row: { original } }: Cell) => (
        <BudgetLeft
          value={original.budgetLeft}
          missingReason={t('bizowner.slos.groups.noBudget', 'No budget recorded for this group')}
        />
      ),
    },
    {
      id: 'sli',
      header: t('bizowner.slos.col.sli', 'Current SLI'),
      cell: ({ row: { original } }: Cell) => (original.sli === undefined ? dash : formatSli(original.sli)),
    },
    {
      id: 'burn',
      header: t('bizowner.slos.col.burn', 'Burn rate'),
      cell: ({ row: { original } }: Cell) =>
        original.burnRate === undefined ? dash : formatBurnRate(original.burnRate),
    },
    {
      id: 'firing',
      header: t('bizowner.slos.groups.firing', 'Firing alerts'),
      cell: ({ row: { original } }: Cell) => String(original.firing),
    },
    {
      id: 'status',
      header: t('bizowner.slos.col.status', 'Status'),
      cell: ({ row: { original } }: Cell) => (
        <Badge color={STATUS_COLORS[original.status]} text={statusLabel(original.status)} />
      ),
    },
  ];
}

/**
 * The groups of one grouped SLO, the worst first, read when its row is expanded: four queries for
 * this SLO alone, whatever the size of the registry.
 */
function GroupsTable({ slo, datasource }: { slo: Slo; datasource: DataSourceRef }) {
  const queries = useMemo(() => groupValueQueries(slo), [slo]);
  const groups = useInstantAnswer(datasource, queries, (results) => readGroupValues(slo, results), slo);
  const columns = useMemo(() => groupColumns(slo), [slo]);
  const rows = useMemo(() => groups?.map((group) => ({ ...group, id: JSON.stringify(group.labels) })), [groups]);
  if (!rows) {
    return <LoadingPlaceholder text={t('bizowner.slos.groups.loading', 'Reading the groups…')} />;
  }
  if (rows.length === 0) {
    return (
      <Text color="secondary">
        {t('bizowner.slos.groups.none', 'No group has recorded values yet: are the rules loaded?')}
      </Text>
    );
  }
  return <InteractiveTable columns={columns} data={rows} getRowId={(row) => row.id} />;
}

/** What an expanded row of the SLO list shows: the SLO's groups, or that it has none. */
export function ExpandedGroups({ slo, datasource }: { slo?: Slo; datasource?: DataSourceRef }) {
  const styles = useStyles2(getStyles);
  if (!slo?.groupBy?.length) {
    return (
      <div className={styles.expanded} data-testid={testIds.groups.notGrouped}>
        <Text color="secondary">
          {t('bizowner.slos.groups.notGrouped', 'Not grouped: the SLO measures all its events as one.')}
        </Text>
      </div>
    );
  }
  return (
    <div className={styles.expanded} data-testid={testIds.groups.list}>
      {datasource?.uid ? (
        <GroupsTable slo={slo} datasource={datasource} />
      ) : (
        <Text color="secondary">
          {t(
            'bizowner.slos.groups.noDataSource',
            'Choose a Prometheus data source on the configuration page to see the groups.'
          )}
        </Text>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  expanded: css({
    padding: theme.spacing(1, 2, 2, 4),
  }),
});
