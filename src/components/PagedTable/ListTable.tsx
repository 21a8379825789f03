import React, { memo, ReactNode, useCallback, useId, useMemo, useRef, useState } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Icon, IconButton, useStyles2 } from '@grafana/ui';

/** One column of a {@link ListTable}: its header and what a row shows in it. */
export interface ListColumn<T> {
  id: string;
  /** Translated by the caller. */
  header: string;
  /** Whether its header sorts the list (the sorting itself runs in the caller, on every row). */
  sortable?: boolean;
  cell(row: T): ReactNode;
}

/** A sort of the table: a sortable column and its direction. */
export interface ColumnSort {
  id: string;
  desc: boolean;
}

interface Props<T extends { id: string }> {
  columns: Array<ListColumn<T>>;
  rows: T[];
  /** The sort shown when the table mounts; later changes come from the headers. */
  initialSort: ColumnSort;
  /** Called when a header changes the sort. */
  onSort(sort: ColumnSort): void;
  /** What an expanded row shows; without it rows do not expand. */
  renderExpandedRow?(row: T): ReactNode;
}

/**
 * The sort after a click on the header of column `id`: the same column turns around, another one
 * sorts ascending (a sort is never removed), as Grafana's `InteractiveTable` does with
 * `disableSortRemove`.
 */
export function nextSort(current: ColumnSort, id: string): ColumnSort {
  return current.id === id ? { id, desc: !current.desc } : { id, desc: false };
}

type Styles = ReturnType<typeof getStyles>;

interface RowProps<T extends { id: string }> {
  row: T;
  columns: Array<ListColumn<T>>;
  styles: Styles;
  /** Set when rows expand: the id of the element an expanded row's content goes in. */
  expandedId?: string;
  expanded: boolean;
  onToggle(id: string): void;
  /** The expand button's name, translated once per table. */
  toggleLabel: string;
  renderExpandedRow?(row: T): ReactNode;
}

function RowView<T extends { id: string }>({
  row,
  columns,
  styles,
  expandedId,
  expanded,
  onToggle,
  toggleLabel,
  renderExpandedRow,
}: RowProps<T>) {
  const expandable = expandedId !== undefined && renderExpandedRow !== undefined;
  return (
    <>
      <tr className={cx(styles.row, expanded && styles.expandedRow)}>
        {expandable && (
          <td className={styles.cell}>
            <div className={styles.expander}>
              <IconButton
                tooltip={toggleLabel}
                aria-controls={expanded ? expandedId : undefined}
                aria-expanded={expanded}
                name={expanded ? 'angle-down' : 'angle-right'}
                onClick={() => onToggle(row.id)}
                size="lg"
              />
            </div>
          </td>
        )}
        {columns.map((column) => (
          <td key={column.id} className={styles.cell}>
            {column.cell(row)}
          </td>
        ))}
      </tr>
      {expandable && expanded && (
        <tr id={expandedId}>
          <td className={styles.expandedContentCell} colSpan={columns.length + 1}>
            {renderExpandedRow(row)}
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * One row, rendered again only when its row, the columns or its expansion change: a row object is
 * the same until the list's rows are built again, so the table's other renders leave it alone.
 */
const Row = memo(RowView) as typeof RowView;

interface HeadersProps<T> {
  columns: Array<ListColumn<T>>;
  sort: ColumnSort;
  expandable: boolean;
  onHeader(id: string): void;
  styles: Styles;
}

/** The header row, rendered again only when the sort or the columns change, not with each page of rows. */
function HeadersView<T>({ columns, sort, expandable, onHeader, styles }: HeadersProps<T>) {
  const sortLabels = useMemo(
    () =>
      new Map(
        columns.map((column) => [
          column.id,
          t('bizowner.table.sortColumn', 'Sort column {{columnName}}', {
            columnName: column.header,
            interpolation: { escapeValue: false },
          }),
        ])
      ),
    [columns]
  );
  return (
    <tr>
      {expandable && (
        <th className={cx(styles.header, styles.disableGrow)}>
          <span className="sr-only">{t('bizowner.table.expanderHeader', 'Row expander')}</span>
        </th>
      )}
      {columns.map((column) => {
        const sorted = sort.id === column.id;
        if (!column.sortable) {
          return (
            <th key={column.id} className={styles.header}>
              {column.header}
            </th>
          );
        }
        return (
          <th
            key={column.id}
            className={cx(styles.header, styles.sortableHeader)}
            aria-sort={sorted ? (sort.desc ? 'descending' : 'ascending') : undefined}
          >
            <button type="button" aria-label={sortLabels.get(column.id)} onClick={() => onHeader(column.id)}>
              {column.header}
              {sorted && (
                <span aria-hidden="true" className={styles.sortIcon}>
                  <Icon name={sort.desc ? 'angle-down' : 'angle-up'} />
                </span>
              )}
            </button>
          </th>
        );
      })}
    </tr>
  );
}

const Headers = memo(HeadersView) as typeof HeadersView;

/**
 * A sortable table of rows, as Grafana's `InteractiveTable` shows them (its styles, header buttons,
 * names and expandable rows) without a table model: a row is one memoised component whose cells
 * call their column's `cell`, and sorting only reports the header clicked, since the lists sort all
 * their rows themselves. Rows are kept by position, so a filter's result reuses the rows' elements.
 * At 50 rows a page, `InteractiveTable` prepared every cell of every row through react-table and,
 * keyed by id, took down and built most rows again on each filter change.
 */
function ListTableView<T extends { id: string }>({ columns, rows, initialSort, onSort, renderExpandedRow }: Props<T>) {
  const styles = useStyles2(getStyles);
  const [sort, setSort] = useState(initialSort);
  const shown = useRef(initialSort);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const idPrefix = useId();
  const onToggle = useCallback(
    (id: string) =>
      setExpanded((before) => {
        const after = new Set(before);
        if (!after.delete(id)) {
          after.add(id);
        }
        return after;
      }),
    []
  );
  const onHeader = useCallback(
    (id: string) => {
      const next = nextSort(shown.current, id);
      shown.current = next;
      setSort(next);
      onSort(next);
    },
    [onSort]
  );
  const expandable = renderExpandedRow !== undefined;
  const toggleLabel = useMemo(() => t('bizowner.table.toggleRow', 'Toggle row expanded'), []);

  return (
    <div className={styles.container}>
      <table className={styles.table}>
        <thead>
          <Headers columns={columns} sort={sort} expandable={expandable} onHeader={onHeader} styles={styles} />
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // By position: another page of rows (a filter, a sort) updates the rows shown in place,
            // their elements kept, instead of taking 50 rows down and building 50 new ones.
            <Row
              key={index}
              row={row}
              columns={columns}
              styles={styles}
              expandedId={expandable ? `${idPrefix}-${row.id}`.replace(/[\s:]/g, '') : undefined}
              expanded={expanded.has(row.id)}
              onToggle={onToggle}
              toggleLabel={toggleLabel}
              renderExpandedRow={renderExpandedRow}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const ListTable = memo(ListTableView) as typeof ListTableView;

// Grafana's `InteractiveTable` styles, so that the lists look as they did.
const getStyles = (theme: GrafanaTheme2) => {
  const rowHoverBg = theme.colors.emphasize(theme.colors.background.primary, 0.03);
  return {
    container: css({
      display: 'flex',
      gap: theme.spacing(2),
      flexDirection: 'column',
      width: '100%',
      overflowX: 'auto',
    }),
    cell: css({
      padding: theme.spacing(1),
      minWidth: theme.spacing(3),
    }),
    table: css({
      borderRadius: theme.shape.radius.default,
      width: '100%',
    }),
    disableGrow: css({
      width: 0,
    }),
    header: css({
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      minWidth: theme.spacing(3),
      '&, & > button': {
        position: 'relative',
        whiteSpace: 'nowrap',
        padding: theme.spacing(1),
      },
      '& > button': {
        '&:after': {
          content: '"\\00a0"',
        },
        width: '100%',
        height: '100%',
        background: 'none',
        border: 'none',
        paddingRight: theme.spacing(2.5),
        textAlign: 'left',
        fontWeight: theme.typography.fontWeightMedium,
      },
    }),
    sortableHeader: css({
      // Takes precedence over the header's padding, as in `InteractiveTable`.
      '&&': {
        padding: 0,
      },
    }),
    sortIcon: css({
      position: 'absolute',
      top: theme.spacing(1),
    }),
    row: css({
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      '&:hover': {
        backgroundColor: rowHoverBg,
      },
      '&:last-child': {
        borderBottom: 0,
      },
    }),
    expandedRow: css({
      borderBottom: 'none',
    }),
    expandedContentCell: css({
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      position: 'relative',
      padding: theme.spacing(2, 2, 2, 5),
      '&:before': {
        content: '""',
        position: 'absolute',
        width: '1px',
        top: 0,
        left: '16px',
        bottom: theme.spacing(2),
        background: theme.colors.border.medium,
      },
    }),
    expander: css({
      display: 'flex',
      alignItems: 'center',
      height: '100%',
    }),
  };
};
