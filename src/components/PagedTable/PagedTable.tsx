import React, { memo, ReactNode, useCallback, useState } from 'react';
import { locationService } from '@grafana/runtime';
import { Pagination, Text } from '@grafana/ui';
import { ColumnSort, ListColumn, ListTable } from './ListTable';

/** The sort a list keeps in its URL query. */
export interface TableSort<K extends string> {
  sort: K;
  desc: boolean;
}

/** One page of a filtered and sorted list. */
export interface TablePage<T> {
  rows: T[];
  /** Rows matching the filters, on every page. */
  total: number;
  pages: number;
  /** The page shown, clamped to the pages there are. */
  page: number;
}

interface Props<T extends { id: string }, K extends string> {
  columns: Array<ListColumn<T>>;
  result: TablePage<T>;
  /** The sort keys the list knows; a column sort outside them falls back to `defaultSort`. */
  sortKeys: readonly K[];
  defaultSort: NoInfer<K>;
  /** The sort when the table mounts; later changes come from the table itself. */
  initialSort: NoInfer<TableSort<K>>;
  /** Reads the sort currently in the URL; must have a stable identity. */
  readSort(params: Record<string, unknown>): NoInfer<TableSort<K>>;
  /** Writes a changed sort to the URL; must have a stable identity. */
  onSortChange(sort: NoInfer<TableSort<K>>): void;
  onNavigate(page: number): void;
  /** Translated by the caller, e.g. "3 of 10 services". */
  countText: string;
  /** Translated by the caller, shown instead of the table when no row matches. */
  noMatchText: string;
  countTestId: string;
  listTestId: string;
  /** What an expanded row shows; without it rows do not expand. */
  renderExpandedRow?(row: T): ReactNode;
}

function PagedTableView<T extends { id: string }, K extends string>({
  columns,
  result,
  sortKeys,
  defaultSort,
  initialSort,
  readSort,
  onSortChange,
  onNavigate,
  countText,
  noMatchText,
  countTestId,
  listTestId,
  renderExpandedRow,
}: Props<T, K>) {
  // The sort shown, kept for a table mounted again after a filter matched nothing.
  const [shownSort, setShownSort] = useState<ColumnSort>(() => ({ id: initialSort.sort, desc: initialSort.desc }));
  const onSort = useCallback(
    (chosen: ColumnSort) => {
      setShownSort(chosen);
      const sort = (sortKeys as readonly string[]).includes(chosen.id) ? (chosen.id as K) : defaultSort;
      const current = readSort(locationService.getSearchObject());
      if (sort !== current.sort || chosen.desc !== current.desc) {
        onSortChange({ sort, desc: chosen.desc });
      }
    },
    [sortKeys, defaultSort, readSort, onSortChange]
  );

  return (
    <>
      <Text color="secondary" data-testid={countTestId}>
        {countText}
      </Text>
      <div data-testid={listTestId}>
        {result.total === 0 ? (
          <Text color="secondary">{noMatchText}</Text>
        ) : (
          <ListTable<T>
            columns={columns}
            rows={result.rows}
            initialSort={shownSort}
            onSort={onSort}
            renderExpandedRow={renderExpandedRow}
          />
        )}
      </div>
      <Pagination currentPage={result.page} numberOfPages={result.pages} onNavigate={onNavigate} hideWhenSinglePage />
    </>
  );
}

/**
 * A count line, a sortable table of one page of rows (or a "no match" text) and pagination, for lists
 * whose filters, sort and page live in the URL. The sorting and paging themselves run over all rows
 * in the caller; the table only reports its sort state. Memoised: a render of the list that leaves
 * its page and texts as they were (a change reaching the URL after it was shown, say) leaves the
 * table alone.
 */
export const PagedTable = memo(PagedTableView) as typeof PagedTableView;
