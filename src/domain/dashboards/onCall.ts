/**
 * The on-call dashboard of one service: live SLIs per SLO, the worst groups of its grouped SLOs,
 * burn rate per alert window with the thresholds drawn, error budget left, firing alerts, recent
 * deploys and the runbooks. Every panel carries the service's runbook links, and alert rows carry
 * them as data links, so the runbook is one click away from any panel.
 */
import { serviceAdjustmentAnnotations } from '../adjustments/annotations';
import { RegistryDocument, Service } from '../model';
import { onCallDashboardUid } from './saved';
import { BASE_WINDOW, CURRENT_WINDOW, LABEL_BURN_TIER, LABEL_ID } from '../rules/names';
import { burnMinInterval, burnPanelSpecs, burnRateExpr, burnThresholds } from './burnWindows';
import { groupVariables, worstGroupsPanel } from './groups';
import { runbookDataLinks, sloPageLink } from './links';
import { BUDGET_THRESHOLDS, panel, PanelIds, promQuery, tableQuery } from './panels';
import { metricSelector } from '../query/selector';
import { runbookMarkdown } from './runbookText';
import { serviceScope, ServiceScope, sloVariable } from './service';
import { budgetLeftBySlo, objectiveBySlo, sloErrorRatio } from './sloQueries';
import { Dashboard, Panel, PanelLink, Row } from './types';

/** The on-call dashboard of `serviceId`; throws when the registry has no such service. */
export function buildOnCallDashboard(doc: RegistryDocument, serviceId: string): Dashboard {
  const scope = serviceScope(doc, serviceId);
  const ids = new PanelIds();
  const { service, links } = scope;
  const rows: Row[] = [sliRow(ids, scope), groupsRow(ids, scope), burnRow(ids, scope), responseRow(ids, scope)].filter(
    (row) => row.panels.length > 0
  );
  return {
    kind: 'onCall',
    uid: onCallDashboardUid(service.id),
    title: `${service.name} · On-call`,
    description: `Live SLIs, burn rates, alerts, deploys and runbooks of ${service.name}.`,
    tags: ['business-owner', 'slo', 'on-call', service.id],
    serviceId: service.id,
    variables: [sloVariable(scope.slos), ...groupVariables(scope)],
    annotations: [
      {
        name: 'Deploys',
        datasource: 'prometheus',
        expr: `sum(increase(${metricSelector('deploys_total', service.selector)}[5m])) > 0`,
        title: `Deploy of ${service.name}`,
        color: 'blue',
      },
      ...serviceAdjustmentAnnotations(doc, service.id),
    ],
    rows,
    links,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
  };
}

/** `{sloth_service="checkout", sloth_id=~"$slo"}` */
function sloSelector(scope: ServiceScope): string {
  return `${scope.recorded.slice(0, -1)}, ${LABEL_ID}=~"$slo"}`;
}

function withLinks(links: PanelLink[], panels: Panel[]): Panel[] {
  return panels.map((item) => ({ ...item, links }));
}

function sliRow(ids: PanelIds, scope: ServiceScope): Row {
  if (scope.slos.length === 0) {
    return { title: 'Service level', panels: [] };
  }
  const selector = sloSelector(scope);
  const panels = [
    panel(ids, {
      title: 'Live SLI per SLO',
      description: `Each SLO's SLI over the last ${CURRENT_WINDOW}, with its objective as a dashed line.`,
      kind: 'timeseries',
      queries: [
        promQuery('A', `1 - max by (${LABEL_ID}) (${sloErrorRatio(scope.slos, CURRENT_WINDOW, selector)})`, {
          legend: `{{${LABEL_ID}}}`,
        }),
        // The objective changes only when the rules do: 5-minute steps draw the same line, and spare
        // Prometheus evaluating the join with slo:info at every one of Grafana's (1,080 over 6 hours).
        promQuery('B', objectiveBySlo(scope.slos, selector, LABEL_ID), {
          legend: `{{${LABEL_ID}}} objective`,
          minInterval: BASE_WINDOW,
        }),
      ],
      unit: 'percentunit',
      dataLinks: [sloPageLink('labels')],
      width: 16,
      height: 8,
    }),
    panel(ids, {
      title: 'Error budget left',
      description: "Share of each SLO's error budget left over its window; negative when overspent.",
      kind: 'bargauge',
      queries: [
        promQuery('A', budgetLeftBySlo(selector, LABEL_ID), {
          instant: true,
          legend: `{{${LABEL_ID}}}`,
        }),
      ],
      unit: 'percentunit',
      min: 0,
      max: 1,
      thresholds: BUDGET_THRESHOLDS,
      dataLinks: [sloPageLink('labels')],
      width: 8,
      height: 8,
    }),
  ];
  return { title: 'Service level', panels: withLinks(scope.links, panels) };
}

/** The worst groups of the SLOs chosen in `$slo`, for a service with grouped SLOs. */
function groupsRow(ids: PanelIds, scope: ServiceScope): Row {
  const table = worstGroupsPanel(ids, scope, { width: 24, height: 8, extra: [`${LABEL_ID}=~"$slo"`] });
  return { title: 'Groups', panels: table ? withLinks(scope.links, [table]) : [] };
}

function burnRow(ids: PanelIds, scope: ServiceScope): Row {
  const panels = burnPanelSpecs(scope.slos).map((spec) =>
    panel(ids, {
      title: `Burn rate ${spec.long} / ${spec.short} (${spec.tiers.join(', ')})`,
      description:
        `Burn rate of each SLO over the ${spec.long} and ${spec.short} windows. The alert fires when both ` +
        `exceed the line: ${spec.slos.map(({ slo, factor }) => `${slo.name} at ${factor}x`).join(', ')}.`,
      kind: 'timeseries',
      queries: [
        ...[spec.long, spec.short].map((window, i) =>
          promQuery(i === 0 ? 'A' : 'B', burnRateExpr(spec, window, scope.recorded), {
            legend: `{{${LABEL_ID}}} · ${window}`,
            ...(burnMinInterval(spec, window) ? { minInterval: burnMinInterval(spec, window) } : {}),
          })
        ),
      ],
      unit: 'x',
      thresholds: burnThresholds(spec),
      showThresholds: true,
      dataLinks: [sloPageLink('labels')],
      width: 12,
      height: 7,
    })
  );
  return { title: 'Burn rate per alert window', panels: withLinks(scope.links, panels) };
}

function responseRow(ids: PanelIds, scope: ServiceScope): Row {
  const { service, slos } = scope;
  const firing = ['alertstate="firing"'];
  const alertsExpr =
    `max by (alertname, severity, ${LABEL_ID}, ${LABEL_BURN_TIER}) ` +
    `(${metricSelector('ALERTS', scope.recorded, firing)} or ${metricSelector('ALERTS', service.selector, firing)})`;
  const panels = [
    panel(ids, {
      title: 'Firing alerts',
      description:
        'SLO alerts of the service and alerts on its own telemetry firing now; each row links to the runbooks.',
      kind: 'table',
      queries: [tableQuery('A', alertsExpr)],
      columns: [
        { kind: 'label', label: 'alertname', title: 'Alert' },
        { kind: 'label', label: 'severity', title: 'Severity' },
        { kind: 'label', label: LABEL_ID, title: 'SLO' },
        { kind: 'label', label: LABEL_BURN_TIER, title: 'Burn tier' },
      ],
      dataLinks: [...runbookDataLinks(service, slos), sloPageLink('data')],
      width: 10,
      height: 8,
    }),
    recentDeploys(ids, service, { width: 6, height: 8 }),
    panel(ids, {
      title: 'Runbooks and escalation',
      kind: 'text',
      queries: [],
      content: runbookMarkdown(scope),
      width: 8,
      height: 8,
    }),
  ];
  return { title: 'Alerts, deploys and runbooks', panels: withLinks(scope.links, panels) };
}

/** The versions of the service that ran in the time range (`deploy_info`), a table of `size`. */
export function recentDeploys(ids: PanelIds, service: Service, size: { width: number; height: number }): Panel {
  return panel(ids, {
    title: 'Recent deploys',
    description: 'Versions that ran in the time range; each deploy is also drawn on the graphs.',
    kind: 'table',
    queries: [
      tableQuery('A', `max by (version) (max_over_time(${metricSelector('deploy_info', service.selector)}[$__range]))`),
    ],
    columns: [{ kind: 'label', label: 'version', title: 'Version' }],
    ...size,
  });
}
