/**
 * @jest-environment jsdom
 */
/**
 * Every PromQL query the app sends for the demo registry evaluates on the embedded demo data
 * source: the generated dashboards (executive, on-call, debug, cost: panels and annotations,
 * billing queries on Prometheus), the SLO list's recorded and raw queries, and the SLO editor's
 * preview. Macros and variables are filled in by the sandbox's own interpolation with the
 * interval the scene query runners would ask for, and each query goes through the data source's
 * HTTP API layer with the parameters the sandbox's data source sends. This keeps the browser
 * smoke test honest: a query the demo evaluator refuses shows as an error panel there.
 */
import { DataQueryRequest, TimeRange, rangeUtil } from '@grafana/data';
import { recordedQueries } from '../../src/api/sloValues/recorded';
import { rawQueries } from '../../src/api/sloValues/raw';
import { sliQueryLanguage } from '../../src/domain/query/sli';
import {
  ALL_VALUE,
  Dashboard,
  Variable,
  buildCostDashboard,
  buildDebugDashboard,
  buildExecutiveDashboard,
  buildOnCallDashboard,
  dashboardPanels,
  dashboardQueries,
} from '../../src/domain/dashboards';
import type { RegistryDocument, Slo } from '../../src/domain/model';
import { previewPlan } from '../../src/pages/Slos/editor/preview/previewPlan';
import { interpolateQuery } from '../../sandbox/host/panels/interpolate';
import { DemoPrometheus } from '../../sandbox/demoPrometheus/api';
import { readDemoRegistry } from '../../scripts/demo/provisioning';

/** Panels' query runners ask for 500 points (src/scenes/buildPanel.ts), the preview's for 200. */
const PANEL_POINTS = 500;
const PREVIEW_POINTS = 200;
/**
 * Seconds one query may take on a data source that has computed nothing yet. Dashboard queries
 * take well under a second, except the first one reading the 28/30-day recorded periods (about
 * 2 s: a month of hourly rule evaluations over the demo model); the budget leaves room for slower
 * machines. The SLO list's and preview's 30-day raw queries read every minute of the model for
 * `last_over_time`: several seconds, and 28.8 s once in a CI run on a fresh clone (2 cores, cold
 * caches). Their budget only catches a runaway evaluation, so it is set well above that; how fast
 * queries are is measured in bench/ (query cost), not here. The dashboards' budget too: the
 * executive view's first period query took 5 s once on a machine busy with other work.
 */
const DASHBOARD_BUDGET_SECONDS = 15;
const SLO_BUDGET_SECONDS = 90;

/** A query as the sandbox's data source sends it. */
interface Sent {
  budget: number;
  where: string;
  expr: string;
  instant: boolean;
  range: TimeRange;
  intervalMs: number;
}

/** A scene variable as the sandbox's interpolation reads it, from the dashboard model's variable. */
function sceneVariable(variable: Variable) {
  const all = variable.current.includes(ALL_VALUE);
  return {
    state: {
      name: variable.name,
      isMulti: variable.multi,
      includeAll: variable.includeAll,
      allValue: variable.allValue,
    },
    getValue: () => (variable.multi ? variable.current : (variable.current[0] ?? '')),
    hasAllValue: () => all,
  };
}

/** The query text with macros and variables filled in, as the sandbox's `runRequest` does. */
function interpolate(expr: string, range: TimeRange, intervalMs: number, variables: Variable[]): string {
  const scene = { state: { $variables: { state: { variables: variables.map(sceneVariable) } } } };
  const request = {
    range,
    intervalMs,
    scopedVars: { __sceneObject: { value: { valueOf: () => scene } } },
  } as unknown as DataQueryRequest;
  return interpolateQuery(expr, request);
}

function timeRange(from: string, to = 'now'): TimeRange {
  return rangeUtil.convertRawToRange({ from, to });
}

/** Whether a dashboard query runs on the Prometheus data source (the billing source may be the same one). */
function onPrometheus(doc: RegistryDocument, datasource: string): boolean {
  return (
    datasource === 'prometheus' ||
    (datasource === 'billing' &&
      doc.settings.billing?.kind === 'prometheus' &&
      doc.settings.billing.uid === doc.settings.prometheus?.uid)
  );
}

function dashboardQueriesSent(doc: RegistryDocument, dashboard: Dashboard): Sent[] {
  const range = timeRange(dashboard.time.from, dashboard.time.to);
  const minIntervals = new Map(dashboardPanels(dashboard).map((item) => [item.id, item.minInterval]));
  // the panel's minimum step is the scene query runner's lower interval limit (src/scenes/buildPanel.ts)
  const sent = (where: string, expr: string, instant: boolean, minInterval?: string): Sent => {
    const { intervalMs } = rangeUtil.calculateInterval(range, PANEL_POINTS, minInterval);
    return {
      budget: DASHBOARD_BUDGET_SECONDS,
      where: `${dashboard.uid} · ${where}`,
      expr: interpolate(expr, range, intervalMs, dashboard.variables),
      instant,
      range,
      intervalMs,
    };
  };
  return [
    ...dashboardQueries(dashboard)
      .filter(({ query }) => onPrometheus(doc, query.datasource))
      .map(({ panelId, panelTitle, query }) =>
        sent(`${panelTitle} ${query.refId}`, query.expr, Boolean(query.instant), minIntervals.get(panelId))
      ),
    ...dashboard.annotations
      .filter((annotation) => onPrometheus(doc, annotation.datasource))
      .map((annotation) => sent(`annotation ${annotation.name}`, annotation.expr, false)),
  ];
}

/** An instant query at "now", as the SLO list and the preview summary send them. */
function instantNow(where: string, expr: string): Sent {
  return { budget: SLO_BUDGET_SECONDS, where, expr, instant: true, range: timeRange('now-1m'), intervalMs: 60_000 };
}

/** The SLO list's queries: the recorded values of all SLOs, and each SLO's raw fallback. */
function sloListQueriesSent(doc: RegistryDocument): Sent[] {
  return [
    ...recordedQueries(doc).map((query) => instantNow(`SLO list · ${query.refId}`, query.expr)),
    ...doc.slos
      .filter((slo) => sliQueryLanguage(slo.sli) === 'promql')
      .flatMap((slo) =>
        rawQueries(slo).map((query) => instantNow(`SLO list raw · ${slo.id} ${query.refId}`, query.expr))
      ),
  ];
}

/** The SLO editor preview's queries of one SLO: the charts' range queries and the summary. */
function previewQueriesSent(slo: Slo, now: Date): Sent[] {
  const plan = previewPlan(slo, now);
  if (!plan) {
    return [];
  }
  const range = timeRange(plan.from);
  const { intervalMs } = rangeUtil.calculateInterval(range, PREVIEW_POINTS, plan.bucket);
  const charts: Array<[string, string | undefined]> = [
    ['sli', plan.sliExpr],
    ['errors', plan.errorsExpr],
    ['total', plan.totalExpr],
  ];
  return [
    ...charts
      .filter((chart): chart is [string, string] => chart[1] !== undefined)
      .map(([refId, expr]) => ({
        budget: SLO_BUDGET_SECONDS,
        where: `preview · ${slo.id} ${refId}`,
        expr,
        instant: false,
        range,
        intervalMs,
      })),
    ...plan.summary.map((query) => instantNow(`preview summary · ${slo.id} ${query.refId}`, query.expr)),
  ];
}

/** Sends a query the way sandbox/host/prometheusDataSource.ts does. */
function send(demo: DemoPrometheus, query: Sent): { status: number; body: any } {
  const end = Math.floor(query.range.to.valueOf() / 1000);
  const start = Math.floor(query.range.from.valueOf() / 1000);
  const step = Math.max(Math.floor(query.intervalMs / 1000), 1);
  const params = query.instant
    ? new URLSearchParams({ query: query.expr, time: String(end) })
    : new URLSearchParams({ query: query.expr, start: String(start), end: String(end), step: String(step) });
  return demo.handle('POST', query.instant ? 'api/v1/query' : 'api/v1/query_range', params) as {
    status: number;
    body: any;
  };
}

describe('every query of the app for the demo registry evaluates on the demo data source', () => {
  const doc = readDemoRegistry();
  const now = new Date();
  const dashboards = [
    buildExecutiveDashboard(doc),
    ...doc.services.flatMap((service) => [
      buildOnCallDashboard(doc, service.id),
      buildDebugDashboard(doc, service.id),
      buildCostDashboard(doc, service.id),
    ]),
  ];
  const groups: Array<[string, Sent[]]> = [
    ...dashboards.map((dashboard): [string, Sent[]] => [dashboard.uid, dashboardQueriesSent(doc, dashboard)]),
    ['SLO list', sloListQueriesSent(doc)],
    ...doc.slos
      .filter((slo) => sliQueryLanguage(slo.sli) === 'promql')
      .map((slo): [string, Sent[]] => [`SLO editor preview of ${slo.id}`, previewQueriesSent(slo, now)]),
  ];

  it('fills in every macro and variable and uses label_replace, subqueries and the recorded spend', () => {
    const all = groups.flatMap(([, queries]) => queries);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((query) => query.expr.includes('$'))).toEqual([]);
    expect(all.some((query) => query.expr.includes('label_replace('))).toBe(true);
    expect(all.some((query) => /\[\d+s:1h\]/.test(query.expr))).toBe(true);
    expect(
      all.some((query) => /service:cloud_spend_usd:increase1h\{[^}]*\}\[6d23h59m59s999ms\] offset 7d/.test(query.expr))
    ).toBe(true);
  });

  it.each(groups)('%s: each query answers success within the cold budget', (_name, queries) => {
    // a data source that has computed nothing yet, as after the sandbox starts
    const demo = new DemoPrometheus({ registry: () => doc, now: () => now.getTime() / 1000 });
    expect(queries.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const query of queries) {
      const started = performance.now();
      const answer = send(demo, query);
      const seconds = (performance.now() - started) / 1000;
      if (answer.status !== 200 || answer.body.status !== 'success') {
        problems.push(`${query.where}: ${answer.status} ${answer.body.error} in ${query.expr}`);
      } else if (seconds > query.budget) {
        problems.push(`${query.where}: ${seconds.toFixed(2)} s for ${query.expr}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
