import { BillingKind } from '../../domain/model';
import { DEFAULT_BILLING_QUERY } from '../../domain/registry';

/** Data source types that can hold cost metrics (Prometheus) or a cost table (SQL). */
const SQL_DATASOURCE_TYPES = ['grafana-postgresql-datasource', 'postgres', 'mysql', 'mssql'];
export const BILLING_DATASOURCE_TYPES = ['prometheus', ...SQL_DATASOURCE_TYPES];

/**
 * Daily cost from a table with one row per billing line item and one column per cost tag key.
 * `$__timeGroup` and `$__timeFilter` are Grafana's SQL macros; `$costTags` becomes the service's
 * cost tags as a condition, e.g. `cost_center = 'checkout' AND env = 'prod'`.
 */
export const DEFAULT_SQL_BILLING_QUERY = [
  "SELECT $__timeGroup(time, '1d') AS time, sum(amount_usd) AS cost_usd",
  'FROM billing_line_items',
  'WHERE $__timeFilter(time) AND $costTags',
  'GROUP BY 1',
  'ORDER BY 1',
].join('\n');

/** Which query language a billing data source of this plugin type speaks. */
export function billingKindOf(dataSourceType: string | undefined): BillingKind {
  return dataSourceType && SQL_DATASOURCE_TYPES.includes(dataSourceType) ? 'sql' : 'prometheus';
}

/** The query a billing data source of this kind starts with. */
export function defaultBillingQuery(kind: BillingKind): string {
  return kind === 'sql' ? DEFAULT_SQL_BILLING_QUERY : DEFAULT_BILLING_QUERY;
}

/** Whether `query` is one of the defaults, so that switching kinds may replace it. */
export function isDefaultBillingQuery(query: string): boolean {
  return query.trim() === '' || query === DEFAULT_SQL_BILLING_QUERY || query === DEFAULT_BILLING_QUERY;
}
