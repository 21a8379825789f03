/**
 * The neutral dashboard model: what a generated dashboard shows (variables, rows, panels, queries,
 * units, thresholds, links), independent of how it is drawn. Two renderers read it: the Scenes
 * factories of the in-app pages and the Grafana dashboard JSON renderer used for export and by the
 * command line, so both show the same panels and queries.
 */

export const PANEL_KINDS = ['timeseries', 'stat', 'table', 'gauge', 'logs', 'text', 'bargauge'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** Which of the app's configured data sources a query runs on (settings.prometheus/loki/billing). */
export type QueryDataSource = 'prometheus' | 'loki' | 'billing';

/** The language of a query's text, for syntax checks and for the target field it goes into. */
export type QueryLanguage = 'promql' | 'logql' | 'sql';

export interface DashboardQuery {
  refId: string;
  datasource: QueryDataSource;
  language: QueryLanguage;
  expr: string;
  /** Legend template, e.g. `{{sloth_service}}`. */
  legend?: string;
  /** One value per series at the end of the range instead of a range of values. */
  instant?: boolean;
  format?: 'time_series' | 'table' | 'logs';
  /**
   * The query's own minimum step (`5m`), on top of the panel's `minInterval`: Grafana's per-query
   * "Min step" (the target's `interval`), for a query whose values change less often than the
   * others of its panel.
   */
  minInterval?: string;
}

/** A threshold step: from `value` upwards (the first step has `null`, "from minus infinity"). */
export interface Threshold {
  value: number | null;
  /** A Grafana named colour (`green`, `orange`, `red`, …), never a hex value. */
  color: string;
}

/** A panel link: shown in the panel header's link menu. */
export interface PanelLink {
  title: string;
  url: string;
  /** Open in a new tab: external pages such as runbooks. */
  external?: boolean;
}

/**
 * A data link: attached to every value (row, point) of the panel. The URL may use Grafana's
 * data link variables, e.g. `${__field.labels.sloth_service}`, `${__data.fields.sloth_service}`
 * and `${__url_time_range}`.
 */
export interface DataLink {
  title: string;
  url: string;
  external?: boolean;
}

/** Text shown for a value, or for a range of values, of a table column or stat. */
export interface ValueMapping {
  /** Exact value, or inclusive range when `to` is set. */
  from: number;
  to?: number;
  text: string;
  color: string;
}

/**
 * A table column. Label columns name a label (`sloth_service`); value columns name the query
 * (`refId`) whose value they show. Tables with value columns merge their instant queries into one
 * row per distinct set of label values.
 */
export type TableColumn =
  | { kind: 'label'; label: string; title: string }
  | { kind: 'value'; refId: string; title: string; unit?: string; mappings?: ValueMapping[]; thresholds?: Threshold[] };

export interface Panel {
  /** Unique in the dashboard, stable across builds of the same registry. */
  id: number;
  title: string;
  kind: PanelKind;
  description?: string;
  queries: DashboardQuery[];
  /** Grafana unit id, e.g. `percentunit`, `currencyUSD`, `bytes`. */
  unit?: string;
  min?: number;
  max?: number;
  decimals?: number;
  thresholds?: Threshold[];
  /** Draw the thresholds as lines on a time series. */
  showThresholds?: boolean;
  mappings?: ValueMapping[];
  links: PanelLink[];
  dataLinks: DataLink[];
  /** Columns of a table panel, in order. */
  columns?: TableColumn[];
  /** Markdown of a text panel. */
  content?: string;
  /**
   * Lower limit of the step of the panel's range queries (Grafana's panel "Min interval"), e.g. `1h`:
   * Grafana steps by the time range over the panel's data points, but never below this. Set where
   * finer steps show nothing more (hourly data) and only multiply what the data source reads.
   */
  minInterval?: string;
  /** Width in grid columns (1–24) and height in grid rows. */
  width: number;
  height: number;
}

export interface Row {
  title: string;
  panels: Panel[];
}

export interface VariableOption {
  text: string;
  value: string;
}

/**
 * A dashboard variable. `custom` lists its options; `textbox` is free text; `query` reads its
 * options from a data source (`label_values(<selector>, <label>)` on Prometheus). Multi-value
 * variables are used inside regex matchers (`=~"$slo"`), so "All" stands for `allValue`.
 */
export interface Variable {
  name: string;
  label: string;
  kind: 'custom' | 'textbox' | 'query';
  /** The data source and query of a `query` variable. */
  datasource?: QueryDataSource;
  query?: string;
  options: VariableOption[];
  /** Selected values; `['$__all']` selects All. */
  current: string[];
  multi: boolean;
  includeAll: boolean;
  allValue?: string;
}

/** Events drawn over the time series, e.g. deploys. */
export interface Annotation {
  name: string;
  datasource: QueryDataSource;
  expr: string;
  /** Legend-style template of the event's title, e.g. `Deploy of {{service}}`. */
  title: string;
  color: string;
}

export type DashboardKind = 'executive' | 'onCall' | 'debug' | 'cost';

export interface Dashboard {
  kind: DashboardKind;
  /** Grafana dashboard uid: stable, so that saving again updates the same dashboard; at most 40 characters. */
  uid: string;
  title: string;
  description: string;
  tags: string[];
  /** The service of a service dashboard. */
  serviceId?: string;
  variables: Variable[];
  annotations: Annotation[];
  rows: Row[];
  /** Dashboard links (top right), e.g. to the service's page in the app. */
  links: PanelLink[];
  time: { from: string; to: string };
  /**
   * Time zone the time range and graphs are read in, e.g. a calendar SLO's `Europe/Berlin` so that
   * `now/M` is its month; the viewer's browser's when absent.
   */
  timezone?: string;
  /** First day of the week for `now/w`: ISO weeks start on Monday. */
  weekStart?: 'monday';
  refresh: string;
}

/** Value of a variable's "All" choice in `current`. */
export const ALL_VALUE = '$__all';
