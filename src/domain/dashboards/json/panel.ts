/**
 * One neutral panel as a Grafana panel: type, data source and targets, field configuration,
 * options of its visualisation, links and, for tables, the transformations that build the columns.
 */
import { AppSettings } from '../../model';
import { GridPos } from '../layout';
import { DashboardQuery, Panel } from '../types';
import { dataSourceJson } from './datasources';
import { fieldConfigJson } from './fieldConfig';
import { tableTransformations } from './table';

type Json = Record<string, unknown>;

/** Grafana's mixed data source: each target names its own. */
const MIXED = { type: 'datasource', uid: '-- Mixed --' };

const REDUCE = { calcs: ['lastNotNull'], fields: '', values: false };

/** The target of a query in the field names of its data source's plugin. */
export function targetJson(query: DashboardQuery, settings: AppSettings): Json {
  const datasource = dataSourceJson(query.datasource, settings);
  if (query.language === 'sql') {
    return {
      refId: query.refId,
      datasource,
      rawSql: query.expr,
      rawQuery: true,
      editorMode: 'code',
      format: query.format ?? 'time_series',
    };
  }
  const target: Json = { refId: query.refId, datasource, expr: query.expr, editorMode: 'code' };
  if (query.legend) {
    target.legendFormat = query.legend;
  }
  if (query.language === 'logql') {
    target.queryType = query.instant ? 'instant' : 'range';
    return target;
  }
  target.instant = Boolean(query.instant);
  target.range = !query.instant;
  target.format = query.format ?? 'time_series';
  if (query.minInterval) {
    target.interval = query.minInterval;
  }
  return target;
}

function optionsJson(item: Panel): Json {
  switch (item.kind) {
    case 'timeseries':
      return {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'desc' },
      };
    case 'stat':
      return {
        reduceOptions: REDUCE,
        colorMode: 'value',
        graphMode: 'none',
        justifyMode: 'auto',
        textMode: 'auto',
        orientation: 'auto',
      };
    case 'gauge':
      return { reduceOptions: REDUCE, showThresholdLabels: false, showThresholdMarkers: true };
    case 'bargauge':
      return { reduceOptions: REDUCE, displayMode: 'gradient', orientation: 'horizontal', showUnfilled: true };
    case 'table':
      return { showHeader: true, cellHeight: 'sm', footer: { show: false, reducer: ['sum'], fields: '' } };
    case 'logs':
      return {
        showTime: true,
        wrapLogMessage: true,
        sortOrder: 'Descending',
        enableLogDetails: true,
        prettifyLogMessage: false,
      };
    case 'text':
      return { mode: 'markdown', content: item.content ?? '' };
  }
}

/** The Grafana panel of `item` at `gridPos`. */
export function panelJson(item: Panel, gridPos: GridPos, settings: AppSettings): Json {
  const json: Json = { id: item.id, type: item.kind, title: item.title };
  if (item.description) {
    json.description = item.description;
  }
  json.gridPos = gridPos;
  if (item.queries.length > 0) {
    const sources = new Set(item.queries.map((query) => query.datasource));
    json.datasource = sources.size === 1 ? dataSourceJson(item.queries[0].datasource, settings) : MIXED;
    json.targets = item.queries.map((query) => targetJson(query, settings));
    if (item.minInterval) {
      json.interval = item.minInterval;
    }
  }
  json.fieldConfig = fieldConfigJson(item);
  json.options = optionsJson(item);
  json.links = item.links.map((link) => ({ title: link.title, url: link.url, targetBlank: Boolean(link.external) }));
  if (item.columns) {
    json.transformations = tableTransformations(item);
  }
  return json;
}
