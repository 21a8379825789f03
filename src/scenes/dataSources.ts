/**
 * Whether the data sources a dashboard reads are usable: chosen on the configuration page, and
 * known to Grafana. Panels of a missing data source are not built; the page says which setting to
 * fix instead of showing empty panels.
 */
import { getDataSourceSrv } from '@grafana/runtime';
import { AppSettings } from '../domain/model';
import { QueryDataSource } from '../domain/dashboards';

export interface DataSourceProblem {
  source: QueryDataSource;
  /** `unset`: no data source chosen; `unknown`: the chosen uid is not a data source of this Grafana. */
  reason: 'unset' | 'unknown';
  uid?: string;
}

function exists(uid: string): boolean {
  try {
    return getDataSourceSrv().getInstanceSettings(uid) !== undefined;
  } catch {
    return false;
  }
}

/** The problem of `source` in `settings`, or undefined when it can be queried. */
export function dataSourceProblem(source: QueryDataSource, settings: AppSettings): DataSourceProblem | undefined {
  const uid = settings[source]?.uid;
  if (!uid) {
    return { source, reason: 'unset' };
  }
  return exists(uid) ? undefined : { source, reason: 'unknown', uid };
}

/** Problems of every source in `sources`. */
export function dataSourceProblems(sources: QueryDataSource[], settings: AppSettings): DataSourceProblem[] {
  return sources.flatMap((source) => dataSourceProblem(source, settings) ?? []);
}
