/**
 * Data source references of the exported dashboard. A data source chosen on the configuration page
 * is referenced by its uid; one that is not configured becomes a data source variable, so the
 * dashboard still imports and asks for the data source instead of pointing at nothing.
 */
import { AppSettings } from '../../model';
import { billingOf } from '../billing';
import { QueryDataSource } from '../types';

export interface DataSourceJson {
  type: string;
  uid: string;
}

/** Plugin type each of the app's data sources is expected to have when the settings do not say. */
function defaultType(source: QueryDataSource, settings: AppSettings): string {
  if (source === 'billing') {
    return billingOf(settings).kind === 'sql' ? 'grafana-postgresql-datasource' : 'prometheus';
  }
  return source;
}

/** Name of the variable standing in for an unconfigured data source, e.g. `ds_loki`. */
export function dataSourceVariableName(source: QueryDataSource): string {
  return `ds_${source}`;
}

/** The configured data source, or a reference to its stand-in variable. */
export function dataSourceJson(source: QueryDataSource, settings: AppSettings): DataSourceJson {
  const ref = settings[source];
  const type = ref?.type ?? defaultType(source, settings);
  return ref?.uid ? { type, uid: ref.uid } : { type, uid: `\${${dataSourceVariableName(source)}}` };
}

/** Templating entries for the data sources that are used but not configured. */
export function dataSourceVariables(sources: QueryDataSource[], settings: AppSettings): Array<Record<string, unknown>> {
  return sources
    .filter((source) => !settings[source]?.uid)
    .map((source) => ({
      type: 'datasource',
      name: dataSourceVariableName(source),
      label: `${source[0].toUpperCase()}${source.slice(1)} data source`,
      query: defaultType(source, settings),
      hide: 0,
      current: {},
      options: [],
      refresh: 1,
      regex: '',
    }));
}
