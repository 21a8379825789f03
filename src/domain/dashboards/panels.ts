/**
 * Small constructors for panels and queries, so that the dashboard builders read as a list of
 * panels. Panel ids are handed out in order, so a dashboard built twice from the same registry has
 * the same ids.
 */
import { DashboardQuery, Panel, QueryDataSource, Threshold } from './types';

/** Hands out panel ids 1, 2, 3, … for one dashboard. */
export class PanelIds {
  private last = 0;

  next(): number {
    this.last += 1;
    return this.last;
  }
}

export type PanelSpec = Omit<Panel, 'id' | 'links' | 'dataLinks'> & Partial<Pick<Panel, 'links' | 'dataLinks'>>;

/** A panel with the next id; links default to none. */
export function panel(ids: PanelIds, spec: PanelSpec): Panel {
  return { id: ids.next(), links: [], dataLinks: [], ...spec };
}

type QueryOptions = Partial<Pick<DashboardQuery, 'legend' | 'instant' | 'format' | 'minInterval'>>;

/** A PromQL query on the Prometheus data source (or, with `datasource`, on a Prometheus-kind billing source). */
export function promQuery(
  refId: string,
  expr: string,
  options: QueryOptions = {},
  datasource: QueryDataSource = 'prometheus'
): DashboardQuery {
  return { refId, datasource, language: 'promql', expr, ...options };
}

/** An instant PromQL query in table format: one row per series, for tables. */
export function tableQuery(refId: string, expr: string): DashboardQuery {
  return promQuery(refId, expr, { instant: true, format: 'table' });
}

/** A LogQL query on the Loki data source. */
export function logQuery(refId: string, expr: string, options: QueryOptions = {}): DashboardQuery {
  return { refId, datasource: 'loki', language: 'logql', expr, ...options };
}

/**
 * Minimum step of panels drawing hourly data, such as billing exports (one figure per hour) and
 * the hourly spend and cost per request computed from them: a finer step draws the same hourly
 * figure several times and has the data source read every sample as many times (`rate(…[1h])` at
 * 10-minute steps reads each sample six times).
 */
export const HOURLY_STEP = '1h';

/** Budget left: red when spent, orange below a quarter, green above. */
export const BUDGET_THRESHOLDS: Threshold[] = [
  { value: null, color: 'red' },
  { value: 0, color: 'orange' },
  { value: 0.25, color: 'green' },
];

/** Burn rate: green while sustainable (at most 1x), red above. */
export const BURN_THRESHOLDS: Threshold[] = [
  { value: null, color: 'green' },
  { value: 1, color: 'red' },
];
