/**
 * The in-app counterpart of the `merge` and `organize` transformations of exported tables: joins
 * the frames of a table panel's queries into one table with the model's columns, one row per
 * distinct set of label values. It reads both shapes data sources answer with: table frames
 * (labels as string fields, the value in a number field) and series (labels on the value field,
 * the last value kept), so tables look the same whatever the data source returns.
 */
import { map } from 'rxjs';
import { DataFrame, Field, FieldType, createDataFrame } from '@grafana/data';
import type { CustomTransformOperator } from '@grafana/scenes';
import { Panel, TableColumn } from '../domain/dashboards';

type Row = { labels: Record<string, string>; values: Record<string, number | null> };

function lastValue(field: Field): number | null {
  for (let i = field.values.length - 1; i >= 0; i--) {
    const value = field.values[i];
    if (value !== null && value !== undefined && !Number.isNaN(value)) {
      return Number(value);
    }
  }
  return null;
}

/** Label values and value of each row of a frame, from either shape. */
function frameRows(frame: DataFrame): Array<{ labels: Record<string, string>; value: number | null }> {
  const numbers = frame.fields.filter((field) => field.type === FieldType.number);
  const strings = frame.fields.filter((field) => field.type === FieldType.string);
  if (strings.length === 0) {
    return numbers.map((field) => ({ labels: { ...(field.labels ?? {}) }, value: lastValue(field) }));
  }
  const value = numbers[numbers.length - 1];
  return Array.from({ length: frame.length }, (_, i) => ({
    labels: Object.fromEntries(strings.map((field) => [field.name, String(field.values[i] ?? '')])),
    value: value ? (value.values[i] ?? null) : null,
  }));
}

/** Merges the frames of `panel`'s queries into one frame with `panel.columns`. */
export function mergeTableFrames(panel: Panel, frames: DataFrame[]): DataFrame {
  const columns: TableColumn[] = panel.columns ?? [];
  const labelNames = columns.flatMap((column) => (column.kind === 'label' ? [column.label] : []));
  const rows = new Map<string, Row>();
  for (const frame of frames) {
    const refId = frame.refId ?? panel.queries[0]?.refId;
    for (const { labels, value } of frameRows(frame)) {
      const picked = Object.fromEntries(labelNames.map((name) => [name, labels[name] ?? '']));
      const key = JSON.stringify(picked);
      const row = rows.get(key) ?? { labels: picked, values: {} };
      row.values[refId ?? 'A'] = value;
      rows.set(key, row);
    }
  }
  const all = [...rows.values()];
  return createDataFrame({
    refId: panel.queries[0]?.refId,
    fields: columns.map((column) =>
      column.kind === 'label'
        ? {
            // Named by the label, so data links such as `${__data.fields.sloth_service}` find it; titled by the column.
            name: column.label,
            type: FieldType.string,
            config: { displayName: column.title },
            values: all.map((row) => row.labels[column.label]),
          }
        : { name: column.title, type: FieldType.number, values: all.map((row) => row.values[column.refId] ?? null) }
    ),
  });
}

/** A scenes transformation applying {@link mergeTableFrames}. */
export function mergeTableTransformation(panel: Panel): CustomTransformOperator {
  return () => (source) =>
    source.pipe(map((frames) => (frames.length === 0 ? frames : [mergeTableFrames(panel, frames)])));
}
