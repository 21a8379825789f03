import React, { memo, ReactNode, useCallback, useMemo } from 'react';
import { locationService } from '@grafana/runtime';
import { Column, FetchDataFunc, InteractiveTable, Pagination, Text } from '@grafana/ui';

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
  columns: Array<Column<T>>;
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

const rowId = (row: { id: string }) => row.id;

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
  const onSort = useCallback<FetchDataFunc<T>>(
    ({ sortBy }) => {
      const [first] = sortBy;
      const sort = first && (sortKeys as readonly string[]).includes(first.id) ? (first.id as K) : defaultSort;
      const desc = Boolean(first?.desc);
      const current = readSort(locationService.getSearchObject());
      if (sort !== current.sort || desc !== current.desc) {
        onSortChange({ sort, desc });
      }
    },
    [sortKeys, defaultSort, readSort, onSortChange]
  );
  const initialSortBy = useMemo(() => [{ id: initialSort.sort, desc: initialSort.desc }], []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <Text color="secondary" data-testid={countTestId}>
        {countText}
      </Text>
      <div data-testid={listTestId}>
        {result.total === 0 ? (
          <Text color="secondary">{noMatchText}</Text>
        ) : (
          <InteractiveTable<T>
            columns={columns}
            data={result.rows}
            getRowId={rowId}
            fetchData={onSort}
            initialSortBy={initialSortBy}
            disableSortRemove
            {...(renderExpandedRow ? { renderExpandedRow } : {})}
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
 * in the caller; the table only reports its sort state. Memoised: while a keystroke's results are
 * deferred, the list renders with the search box alone and the table, given the same props, stays.
 */
export const PagedTable = memo(PagedTableView) as typeof PagedTableView;
