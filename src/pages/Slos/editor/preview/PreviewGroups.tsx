import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Column, InteractiveTable, Text } from '@grafana/ui';
import { BudgetLeft } from '../../../../components/Status/BudgetLeft';
import { testIds } from '../../../../components/testIds';
import { formatSli } from '../../sloTexts';
import { PreviewGroup } from './readSummary';

type Row = PreviewGroup & { id: string };
type Cell = { row: { original: Row } };

/** The preview's groups of a grouped SLO over the window, the least budget left first. */
export function PreviewGroups({ groupBy, groups }: { groupBy: string[]; groups: PreviewGroup[] }) {
  const columns = useMemo<Array<Column<Row>>>(
    () => [
      ...groupBy.map((label) => ({
        id: `label-${label}`,
        header: label,
        cell: ({ row: { original } }: Cell) => original.labels[label] ?? '',
      })),
      {
        id: 'sli',
        header: t('bizowner.sloEditor.preview.groupSli', 'SLI'),
        cell: ({ row: { original } }: Cell) =>
          original.sli === undefined ? <Text color="secondary">—</Text> : formatSli(original.sli),
      },
      {
        id: 'budget',
        header: t('bizowner.sloEditor.preview.groupBudget', 'Budget left'),
        cell: ({ row: { original } }: Cell) => (
          <BudgetLeft
            value={original.budgetLeft}
            missingReason={t('bizowner.sloEditor.preview.groupNoTraffic', 'No traffic in this group over the window')}
          />
        ),
      },
    ],
    [groupBy]
  );
  const rows = useMemo(() => groups.map((group) => ({ ...group, id: JSON.stringify(group.labels) })), [groups]);
  return (
    <div data-testid={testIds.groups.preview}>
      {rows.length === 0 ? (
        <Text color="secondary">
          {t('bizowner.sloEditor.preview.noGroups', 'No series carry these labels: no group would be measured.')}
        </Text>
      ) : (
        <>
          <Text color="secondary">
            {t('bizowner.sloEditor.preview.groupCount', '{{count}} groups, the least budget left first:', {
              count: rows.length,
            })}
          </Text>
          <InteractiveTable columns={columns} data={rows} getRowId={(row) => row.id} pageSize={10} />
        </>
      )}
    </div>
  );
}
