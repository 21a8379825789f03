/**
 * Every query of a dashboard, and their syntax check. Grafana fills in variables and macros
 * (`$slo`, `$__rate_interval`) before a query reaches the data source, so the check does the same
 * with sample values first; what it then parses is what Prometheus or Loki would receive.
 */
import { checkLogQL } from '../query/logql';
import { QueryProblem } from '../query/problem';
import { checkPromQLSyntax } from '../query/promqlSyntax';
import { Dashboard, DashboardQuery, Panel, QueryDataSource, QueryLanguage } from './types';

/** A query with the panel it belongs to (annotations have panel 0). */
export interface LocatedQuery {
  panelId: number;
  panelTitle: string;
  query: DashboardQuery;
}

/** The panels of a dashboard in order, rows flattened. */
export function dashboardPanels(dashboard: Dashboard): Panel[] {
  return dashboard.rows.flatMap((row) => row.panels);
}

/** Every panel query of the dashboard, in panel order. */
export function dashboardQueries(dashboard: Dashboard): LocatedQuery[] {
  return dashboardPanels(dashboard).flatMap((item) =>
    item.queries.map((query) => ({ panelId: item.id, panelTitle: item.title, query }))
  );
}

/** The data sources a dashboard reads (panels, annotations and variables), in a fixed order. */
export function dashboardDataSources(dashboard: Dashboard): QueryDataSource[] {
  const used = new Set<QueryDataSource>([
    ...dashboardQueries(dashboard).map(({ query }) => query.datasource),
    ...dashboard.annotations.map((annotation) => annotation.datasource),
    ...dashboard.variables.flatMap((variable) => (variable.datasource ? [variable.datasource] : [])),
  ]);
  return (['prometheus', 'loki', 'billing'] as const).filter((source) => used.has(source));
}

const MACROS: Record<string, string> = {
  __rate_interval: '5m',
  __interval: '1m',
  __range: '1h',
  __auto: '1m',
};

/** Fills in Grafana macros with sample durations and variables with a sample word, as Grafana would. */
export function interpolateForCheck(expr: string): string {
  return expr.replace(
    /\$\{(\w+)(?::[\w-]+)?\}|\$(\w+)/g,
    (_match, braced: string | undefined, bare: string | undefined) => MACROS[braced ?? bare ?? ''] ?? 'x'
  );
}

/** A query of a dashboard that does not parse, and its first syntax error. */
export interface DashboardQueryProblem {
  panelId: number;
  panelTitle: string;
  refId: string;
  language: QueryLanguage;
  /** Positions refer to the query with variables and macros filled in. */
  problem: QueryProblem;
}

/** Syntax errors of every PromQL and LogQL query (panels and annotations); SQL is not checked. */
export function queryProblems(dashboard: Dashboard): DashboardQueryProblem[] {
  const annotations: LocatedQuery[] = dashboard.annotations.map((annotation, i) => ({
    panelId: 0,
    panelTitle: annotation.name,
    query: { refId: `annotation-${i}`, datasource: annotation.datasource, language: 'promql', expr: annotation.expr },
  }));
  const problems: DashboardQueryProblem[] = [];
  for (const { panelId, panelTitle, query } of [...dashboardQueries(dashboard), ...annotations]) {
    const text = interpolateForCheck(query.expr);
    const [problem] =
      query.language === 'promql' ? checkPromQLSyntax(text) : query.language === 'logql' ? checkLogQL(text) : [];
    if (problem) {
      problems.push({ panelId, panelTitle, refId: query.refId, language: query.language, problem });
    }
  }
  return problems;
}
