/**
 * Field configuration of exported panels: unit, range, thresholds, value mappings and data links
 * as Grafana's `fieldConfig.defaults`, and per-column overrides of tables.
 */
import { DataLink, Panel, TableColumn, Threshold, ValueMapping } from '../types';

type Json = Record<string, unknown>;

export function thresholdsJson(steps: Threshold[]): Json {
  return { mode: 'absolute', steps: steps.map((step) => ({ color: step.color, value: step.value })) };
}

export function mappingsJson(mappings: ValueMapping[]): Json[] {
  return mappings.map((mapping, index) =>
    mapping.to === undefined
      ? { type: 'value', options: { [String(mapping.from)]: { text: mapping.text, color: mapping.color, index } } }
      : {
          type: 'range',
          options: { from: mapping.from, to: mapping.to, result: { text: mapping.text, color: mapping.color, index } },
        }
  );
}

export function dataLinksJson(links: DataLink[]): Json[] {
  return links.map((link) => ({ title: link.title, url: link.url, targetBlank: Boolean(link.external) }));
}

function customDefaults(item: Panel): Json | undefined {
  if (item.kind === 'timeseries') {
    return {
      drawStyle: 'line',
      lineWidth: 1,
      fillOpacity: 10,
      showPoints: 'never',
      spanNulls: false,
      thresholdsStyle: { mode: item.showThresholds ? 'line' : 'off' },
    };
  }
  if (item.kind === 'table') {
    return { align: 'auto', cellOptions: { type: 'auto' }, inspect: false };
  }
  return undefined;
}

/** `fieldConfig` of a panel. */
export function fieldConfigJson(item: Panel): Json {
  const defaults: Json = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) {
      defaults[key] = value;
    }
  };
  set('unit', item.unit);
  set('min', item.min);
  set('max', item.max);
  set('decimals', item.decimals);
  set('custom', customDefaults(item));
  defaults.thresholds = thresholdsJson(item.thresholds ?? [{ value: null, color: 'green' }]);
  defaults.mappings = mappingsJson(item.mappings ?? []);
  defaults.links = dataLinksJson(item.dataLinks);
  defaults.color = { mode: item.thresholds && item.kind !== 'timeseries' ? 'thresholds' : 'palette-classic' };
  return { defaults, overrides: (item.columns ?? []).flatMap((column) => columnOverride(item, column)) };
}

function columnOverride(item: Panel, column: TableColumn): Json[] {
  if (column.kind === 'label') {
    return [];
  }
  const properties: Json[] = [];
  if (column.unit) {
    properties.push({ id: 'unit', value: column.unit });
  }
  if (column.thresholds) {
    properties.push({ id: 'thresholds', value: thresholdsJson(column.thresholds) });
  }
  if (column.mappings) {
    properties.push({ id: 'mappings', value: mappingsJson(column.mappings) });
  }
  if (column.thresholds || column.mappings) {
    properties.push({ id: 'custom.cellOptions', value: { type: 'color-text' } });
  }
  return properties.length === 0 ? [] : [{ matcher: { id: 'byName', options: column.title }, properties }];
}
