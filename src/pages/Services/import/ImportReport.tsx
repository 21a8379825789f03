import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor, Collapse, Column, InteractiveTable, Text } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { countOutcomes, ReportEntry, ReportOutcome } from '../../../domain/io/migrationReport';

const OUTCOME_COLORS: Record<ReportOutcome, BadgeColor> = { mapped: 'green', label: 'blue', dropped: 'orange' };

function outcomeLabel(outcome: ReportOutcome): string {
  const labels: Record<ReportOutcome, string> = {
    mapped: t('bizowner.import.report.mapped', 'Mapped'),
    label: t('bizowner.import.report.label', 'Kept as label'),
    dropped: t('bizowner.import.report.dropped', 'Dropped'),
  };
  return labels[outcome];
}

/** `checkout.yaml, line 9, document 2`: where in the source a field is. */
function whereLabel({ file, line, document }: ReportEntry): string {
  const values = { file, line, document, interpolation: { escapeValue: false } };
  return [
    file,
    line !== undefined ? t('bizowner.import.report.line', 'line {{line}}', values) : undefined,
    document !== undefined ? t('bizowner.import.report.document', 'document {{document}}', values) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

type Row = ReportEntry & { key: string };
type Cell = { row: { original: Row } };

/**
 * The migration report of an import, folded by default: per source field, where it went in the
 * registry, that it stays a label, or why it was dropped.
 */
export function ImportReport({ report }: { report: ReportEntry[] }) {
  const [open, setOpen] = useState(false);
  const counts = countOutcomes(report);
  const rows = report.map((entry, index) => ({ ...entry, key: String(index) }));
  const columns = useMemo<Array<Column<Row>>>(
    () => [
      {
        id: 'outcome',
        header: t('bizowner.import.report.col.outcome', 'Outcome'),
        cell: ({ row: { original } }: Cell) => (
          <Badge color={OUTCOME_COLORS[original.outcome]} text={outcomeLabel(original.outcome)} />
        ),
      },
      {
        id: 'source',
        header: t('bizowner.import.report.col.source', 'Source field'),
        cell: ({ row: { original } }: Cell) => (
          <div>
            <code>{original.source}</code>
            <div>
              <Text color="secondary" variant="bodySmall">
                {whereLabel(original)}
              </Text>
            </div>
          </div>
        ),
      },
      {
        id: 'target',
        header: t('bizowner.import.report.col.target', 'In the registry'),
        cell: ({ row: { original } }: Cell) => (
          <div>
            {original.target && <code>{original.target}</code>}
            {original.reason && <div>{original.reason}</div>}
          </div>
        ),
      },
    ],
    []
  );
  if (report.length === 0) {
    return null;
  }
  return (
    <div data-testid={testIds.importer.report}>
      <Collapse
        label={t(
          'bizowner.import.report.title',
          'Migration report: {{mapped}} mapped, {{label}} kept as labels, {{dropped}} dropped',
          counts
        )}
        isOpen={open}
        onToggle={() => setOpen(!open)}
      >
        <InteractiveTable columns={columns} data={rows} getRowId={(row: Row) => row.key} />
      </Collapse>
    </div>
  );
}
