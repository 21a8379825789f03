/**
 * The debug dashboard of one service: its Loki logs (filtered by the service's selector, a level
 * filter and a search box), the error-log rate, the worst groups of its grouped SLOs, pod CPU,
 * memory and restarts, latency percentiles and the health of the services it depends on.
 */
import { serviceAdjustmentAnnotations } from '../adjustments/annotations';
import { LatencySli, RegistryDocument, Slo } from '../model';
import { bucketSelector, metricSelector } from '../query/selector';
import { stableUid } from '../rules/uid';
import { CURRENT_WINDOW, LABEL_SERVICE, servicesSelector } from '../rules/names';
import { groupVariables, worstGroupsPanel } from './groups';
import { serviceDrilldowns } from './links';
import { BUDGET_THRESHOLDS, BURN_THRESHOLDS, logQuery, panel, PanelIds, promQuery, tableQuery } from './panels';
import { serviceScope, ServiceScope } from './service';
import { budgetLeftBySlo, burnRateBySlo } from './sloQueries';
import { ALL_VALUE, Dashboard, Panel, Row, Threshold, Variable } from './types';

/** Log levels of the demo's streams and of most logfmt/JSON loggers. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'];

const VARIABLES: Variable[] = [
  {
    name: 'level',
    label: 'Level',
    kind: 'custom',
    options: LOG_LEVELS.map((level) => ({ text: level, value: level })),
    current: [ALL_VALUE],
    multi: true,
    includeAll: true,
    allValue: '.+',
  },
  { name: 'search', label: 'Search', kind: 'textbox', options: [], current: [''], multi: false, includeAll: false },
];

/** The debug dashboard of `serviceId`; throws when the registry has no such service. */
export function buildDebugDashboard(doc: RegistryDocument, serviceId: string): Dashboard {
  const scope = serviceScope(doc, serviceId);
  const ids = new PanelIds();
  const { service } = scope;
  const dependencies = doc.slos.filter((slo) => service.dependsOn.includes(slo.serviceId));
  const rows = [
    logRow(ids, scope),
    groupsRow(ids, scope),
    podRow(ids, scope),
    latencyRow(ids, scope, dependencies),
  ].map((row) => ({
    ...row,
    panels: row.panels.map((item) => ({ ...item, links: scope.links })),
  }));
  return {
    kind: 'debug',
    uid: stableUid('debug', service.id),
    title: `${service.name} · Debug`,
    description: `Logs, pods, latency and dependencies of ${service.name}, selected with ${service.selector}.`,
    tags: ['business-owner', 'debug', service.id],
    serviceId: service.id,
    variables: [...VARIABLES.map((variable) => ({ ...variable })), ...groupVariables(scope)],
    annotations: serviceAdjustmentAnnotations(doc, service.id),
    rows: rows.filter((row) => row.panels.length > 0),
    links: scope.links,
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
  };
}

/** The service's stream selector with extra matchers: `{service="checkout", level=~"$level"}`. */
function streams(scope: ServiceScope, extra: string): string {
  return metricSelector('', scope.service.selector, [extra]);
}

const SEARCH = '|~ "(?i)$search"';

function logRow(ids: PanelIds, scope: ServiceScope): Row {
  const panels: Panel[] = [
    panel(ids, {
      title: 'Logs',
      description: `Log lines of ${scope.service.selector}; filter by level and search (a case-insensitive regex) above.`,
      kind: 'logs',
      queries: [logQuery('A', `${streams(scope, 'level=~"$level"')} ${SEARCH}`, { format: 'logs' })],
      width: 24,
      height: 12,
    }),
    panel(ids, {
      title: 'Error log rate',
      description: 'Error and warning lines per second that match the search.',
      kind: 'timeseries',
      queries: [
        logQuery('A', `sum by (level) (rate(${streams(scope, 'level=~"error|warn"')} ${SEARCH} [$__interval]))`, {
          legend: '{{level}}',
        }),
      ],
      unit: 'short',
      width: 24,
      height: 6,
    }),
  ];
  return { title: 'Logs', panels };
}

/** Which groups of the service's grouped SLOs burn, to narrow the logs and pods down to them. */
function groupsRow(ids: PanelIds, scope: ServiceScope): Row {
  const table = worstGroupsPanel(ids, scope, { width: 24, height: 8 });
  return { title: 'Groups', panels: table ? [table] : [] };
}

function podRow(ids: PanelIds, scope: ServiceScope): Row {
  const selector = scope.service.selector;
  const byPod = (title: string, expr: string, unit: string, description: string) =>
    panel(ids, {
      title,
      description,
      kind: 'timeseries',
      queries: [promQuery('A', `sum by (pod) (${expr})`, { legend: '{{pod}}' })],
      unit,
      width: 8,
      height: 7,
    });
  return {
    title: 'Pods',
    panels: [
      byPod(
        'CPU per pod',
        `rate(${metricSelector('container_cpu_usage_seconds_total', selector)}[$__rate_interval])`,
        'short',
        'CPU cores used by each pod of the service.'
      ),
      byPod(
        'Memory per pod',
        metricSelector('container_memory_working_set_bytes', selector),
        'bytes',
        'Working-set memory of each pod.'
      ),
      byPod(
        'Restarts per pod',
        `increase(${metricSelector('kube_pod_container_status_restarts_total', selector)}[1h])`,
        'short',
        'Container restarts of each pod over the last hour.'
      ),
    ],
  };
}

/** Latency percentiles and the health of the services depended on, from their SLOs (`dependencies`). */
function latencyRow(ids: PanelIds, scope: ServiceScope, dependencies: Slo[]): Row {
  const latency = scope.slos.map((slo) => slo.sli).find((sli): sli is LatencySli => sli.kind === 'latency');
  const histogram = latency
    ? bucketSelector(latency.histogram)
    : metricSelector('http_request_duration_seconds_bucket', scope.service.selector);
  const quantile = (refId: string, q: number) =>
    promQuery(refId, `histogram_quantile(${q}, sum by (le) (rate(${histogram}[$__rate_interval])))`, {
      legend: `p${Math.round(q * 100)}`,
    });
  const thresholds: Threshold[] | undefined = latency
    ? [
        { value: null, color: 'green' },
        { value: latency.threshold, color: 'red' },
      ]
    : undefined;
  const panels: Panel[] = [
    panel(ids, {
      title: 'Latency percentiles',
      description: latency
        ? `p50, p90 and p99 from ${histogram}; the line is the latency SLO's ${latency.threshold} s threshold.`
        : `p50, p90 and p99 from ${histogram}.`,
      kind: 'timeseries',
      queries: [quantile('A', 0.5), quantile('B', 0.9), quantile('C', 0.99)],
      unit: 's',
      thresholds,
      showThresholds: Boolean(latency),
      width: scope.service.dependsOn.length > 0 ? 12 : 24,
      height: 8,
    }),
  ];
  const deps = scope.service.dependsOn;
  if (deps.length > 0) {
    const selector = servicesSelector(deps);
    panels.push(
      panel(ids, {
        title: 'Dependencies',
        description: `Health of the services ${scope.service.name} depends on: worst budget left, worst burn rate and firing SLO alerts.`,
        kind: 'table',
        queries: [
          tableQuery('A', budgetLeftBySlo(selector, LABEL_SERVICE)),
          tableQuery('B', burnRateBySlo(dependencies, CURRENT_WINDOW, selector, LABEL_SERVICE)),
          tableQuery('C', `count by (${LABEL_SERVICE}) (ALERTS${servicesSelector(deps, ['alertstate="firing"'])})`),
        ],
        columns: [
          { kind: 'label', label: LABEL_SERVICE, title: 'Service' },
          { kind: 'value', refId: 'A', title: 'Budget left', unit: 'percentunit', thresholds: BUDGET_THRESHOLDS },
          { kind: 'value', refId: 'B', title: 'Burn rate', unit: 'x', thresholds: BURN_THRESHOLDS },
          { kind: 'value', refId: 'C', title: 'Firing alerts' },
        ],
        dataLinks: serviceDrilldowns('data'),
        width: 12,
        height: 8,
      })
    );
  }
  return { title: 'Latency and dependencies', panels };
}
