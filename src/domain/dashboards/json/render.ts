/**
 * The Grafana dashboard JSON renderer: a neutral dashboard as the JSON model Grafana imports
 * (schema version 39: panels with grid positions, targets with `{type, uid}` data sources from the
 * app's settings, templating variables, annotations and links). The same uid is written every
 * time, so importing or saving again updates the dashboard instead of adding a copy.
 */
import { AppSettings } from '../../model';
import { layoutDashboard } from '../layout';
import { TIME_RANGE } from '../links';
import { dashboardDataSources, dashboardPanels } from '../queries';
import { ALL_VALUE, Annotation, Dashboard, Variable } from '../types';
import { dataSourceJson, dataSourceVariables } from './datasources';
import { panelJson } from './panel';

/** The dashboard schema version written; Grafana migrates older JSON to its current schema on load. */
export const SCHEMA_VERSION = 39;

type Json = Record<string, unknown>;

/** What `POST /api/dashboards/db` takes: the dashboard, the folder and whether to overwrite. */
export interface SaveDashboardRequest {
  dashboard: Json;
  folderUid?: string;
  overwrite: boolean;
  message: string;
}

/** A variable whose options the data source lists, read again when the time range changes. */
function queryVariableJson(variable: Variable, settings: AppSettings): Json {
  const all = variable.current.includes(ALL_VALUE);
  const current = all ? [{ text: 'All', value: ALL_VALUE }] : variable.current.map((value) => ({ text: value, value }));
  return {
    type: 'query',
    name: variable.name,
    label: variable.label,
    datasource: dataSourceJson(variable.datasource ?? 'prometheus', settings),
    query: variable.query ?? '',
    definition: variable.query ?? '',
    refresh: 2,
    sort: 1,
    multi: variable.multi,
    includeAll: variable.includeAll,
    ...(variable.allValue !== undefined ? { allValue: variable.allValue } : {}),
    current: { text: current.map((option) => option.text), value: current.map((option) => option.value) },
    options: [],
    hide: 0,
  };
}

function variableJson(variable: Variable, settings: AppSettings): Json {
  if (variable.kind === 'textbox') {
    const value = variable.current[0] ?? '';
    return {
      type: 'textbox',
      name: variable.name,
      label: variable.label,
      query: value,
      current: { text: value, value },
      hide: 0,
    };
  }
  if (variable.kind === 'query') {
    return queryVariableJson(variable, settings);
  }
  const all = variable.current.includes(ALL_VALUE);
  const selected = (value: string) => (all ? value === ALL_VALUE : variable.current.includes(value));
  const options = [...(variable.includeAll ? [{ text: 'All', value: ALL_VALUE }] : []), ...variable.options].map(
    (option) => ({ ...option, selected: selected(option.value) })
  );
  const current = options.filter((option) => option.selected);
  return {
    type: 'custom',
    name: variable.name,
    label: variable.label,
    query: variable.options.map((option) => `${option.text.replace(/[,:]/g, ' ')} : ${option.value}`).join(','),
    multi: variable.multi,
    includeAll: variable.includeAll,
    ...(variable.allValue !== undefined ? { allValue: variable.allValue } : {}),
    current: {
      text: current.map((option) => option.text),
      value: current.map((option) => option.value),
    },
    options,
    hide: 0,
  };
}

function annotationJson(annotation: Annotation, settings: AppSettings): Json {
  return {
    name: annotation.name,
    datasource: dataSourceJson(annotation.datasource, settings),
    enable: true,
    iconColor: annotation.color,
    expr: annotation.expr,
    titleFormat: annotation.title,
    step: '60s',
  };
}

const BUILT_IN_ANNOTATION = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
};

/** The Grafana dashboard JSON model of `dashboard`, reading data source uids from `settings`. */
export function renderDashboardJson(dashboard: Dashboard, settings: AppSettings): Json {
  const byId = new Map(dashboardPanels(dashboard).map((item) => [item.id, item]));
  let rowId = Math.max(0, ...byId.keys());
  const panels = layoutDashboard(dashboard).flatMap((row) => [
    { id: ++rowId, type: 'row', title: row.title, collapsed: false, gridPos: row.header, panels: [] },
    ...[...row.panels].map(([id, gridPos]) => panelJson(byId.get(id)!, gridPos, settings)),
  ]);
  return {
    uid: dashboard.uid,
    title: dashboard.title,
    description: dashboard.description,
    tags: dashboard.tags,
    editable: true,
    graphTooltip: 1,
    timezone: dashboard.timezone ?? 'browser',
    ...(dashboard.weekStart ? { weekStart: dashboard.weekStart } : {}),
    schemaVersion: SCHEMA_VERSION,
    version: 1,
    time: dashboard.time,
    refresh: dashboard.refresh,
    templating: {
      list: [
        ...dataSourceVariables(dashboardDataSources(dashboard), settings),
        ...dashboard.variables.map((variable) => variableJson(variable, settings)),
      ],
    },
    annotations: {
      list: [BUILT_IN_ANNOTATION, ...dashboard.annotations.map((annotation) => annotationJson(annotation, settings))],
    },
    // Dashboard links keep the time range with `keepTime` rather than a URL variable.
    links: dashboard.links.map((link) => ({
      title: link.title,
      url: link.url.replace(`?${TIME_RANGE}`, ''),
      type: 'link',
      icon: link.external ? 'doc' : 'dashboard',
      targetBlank: Boolean(link.external),
      keepTime: link.url.includes(TIME_RANGE),
      includeVars: false,
      asDropdown: false,
      tags: [],
    })),
    panels,
  };
}

/** The JSON text of a dashboard file: two-space indented, ending with a newline. */
export function dashboardJsonText(dashboard: Dashboard, settings: AppSettings): string {
  return `${JSON.stringify(renderDashboardJson(dashboard, settings), null, 2)}\n`;
}

/** The body of `POST /api/dashboards/db` saving `dashboard` into `folderUid`, replacing an earlier save. */
export function saveDashboardRequest(
  dashboard: Dashboard,
  settings: AppSettings,
  folderUid?: string
): SaveDashboardRequest {
  const json = { ...renderDashboardJson(dashboard, settings), id: null };
  return {
    dashboard: json,
    ...(folderUid ? { folderUid } : {}),
    overwrite: true,
    message: 'Generated by Business Owner',
  };
}
