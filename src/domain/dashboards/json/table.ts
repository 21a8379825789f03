/**
 * How a table panel's columns come out of Grafana: instant table-format queries give one frame
 * each, with the labels as columns and the value as `Value` (one query) or `Value #<refId>`
 * (several). The `merge` transformation joins the frames on equal label values and `organize`
 * orders, renames and hides the fields.
 */
import { Panel, TableColumn } from '../types';

/** The field name Grafana gives a column before it is renamed. */
export function columnFieldName(item: Panel, column: TableColumn): string {
  if (column.kind === 'label') {
    return column.label;
  }
  return item.queries.length > 1 ? `Value #${column.refId}` : 'Value';
}

/** The `merge` and `organize` transformations that turn the table's query results into its columns. */
export function tableTransformations(item: Panel): Array<Record<string, unknown>> {
  const columns = item.columns ?? [];
  const shown = new Set(columns.map((column) => columnFieldName(item, column)));
  const excludeByName: Record<string, boolean> = { Time: true };
  if (!columns.some((column) => column.kind === 'value')) {
    excludeByName.Value = true;
  }
  for (const query of item.queries) {
    const name = item.queries.length > 1 ? `Value #${query.refId}` : 'Value';
    if (!shown.has(name)) {
      excludeByName[name] = true;
    }
  }
  const indexByName: Record<string, number> = {};
  const renameByName: Record<string, string> = {};
  columns.forEach((column, index) => {
    const field = columnFieldName(item, column);
    indexByName[field] = index;
    renameByName[field] = column.title;
  });
  const organize = { id: 'organize', options: { excludeByName, indexByName, renameByName } };
  return item.queries.length > 1 ? [{ id: 'merge', options: {} }, organize] : [organize];
}
