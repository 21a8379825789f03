/**
 * The page of one SLO: its objective, SLI and error budget over its window, the budget over time,
 * each burn tier's long and short window burn rate against the tier's threshold, the alerts firing
 * now, and for a grouped SLO (`groupBy`) one series per group with the worst group first.
 *
 * Every query selects the SLO by its `sloth_id` and is built from this SLO alone (its SLI kind,
 * objective, tiers and groups), never from the rest of the registry: the page issues the same
 * queries, as many of them, for a registry of 10 SLOs as for one of 2,000.
 */
import { ADJUSTMENT_ANNOTATION_PREFIX, adjustmentAnnotations } from '../adjustments/annotations';
import { objectiveRatio } from '../budget/budget';
import { CalendarUnit, DEFAULT_TIME_ZONE } from '../budget/period';
import { isProblem, parseSloWindow, ruleWindowDays } from '../budget/window';
import { RegistryDocument, Service, Slo } from '../model';
import { formatMatchers, metricSelector } from '../query/selector';
import { CalendarWindow, periodFraction } from '../rules/calendar';
import { BURN_ALERT_MATCHER, CURRENT_WINDOW, FREEZE_ALERT, LABEL_BURN_TIER, LABEL_ID } from '../rules/names';
import { stableUid } from '../rules/uid';
import { SERVICE_TABS, serviceUrl } from '../urls';
import { BurnPanelSpec, burnMinInterval, burnPanelSpecs, burnThresholds } from './burnWindows';
import { runbookDataLinks, runbookLinks, servicePageLinks } from './links';
import {
  BUDGET_THRESHOLDS,
  BURN_THRESHOLDS,
  HOURLY_STEP,
  panel,
  PanelIds,
  PanelSpec,
  promQuery,
  tableQuery,
} from './panels';
import { sloGroupQueries } from './groups';
import { buildOnCallDashboard, recentDeploys } from './onCall';
import { budgetLeftBySlo, burnRateBySlo, objectiveBySlo, periodErrorRatioBySlo, sloErrorRatio } from './sloQueries';
import { Annotation, Dashboard, Panel, PanelLink, Row, TableColumn } from './types';

/** What every panel of the SLO page is built from. */
interface SloScope {
  slo: Slo;
  service: Service;
  /** `{sloth_id="checkout-availability"}` */
  selector: string;
  /** `sloth_id` and the SLO's `groupBy` labels: one series per group. */
  byGroup: string;
  /** Legend of a per-group series: the group's label values, or the SLO's name without groups. */
  legend: string;
  /** Runbooks of the SLO first, then the service's page: the links of every panel. */
  links: PanelLink[];
}

/** The `sloth_id` selector of one SLO's recorded series and alerts. */
export function sloSelector(sloId: string): string {
  return formatMatchers({ [LABEL_ID]: sloId });
}

/** The SLO page's uid (`bo-slo-<id>`), so that saving it again updates the same dashboard. */
export function sloDashboardUid(sloId: string): string {
  return stableUid('slo', sloId);
}

/**
 * The service's generated dashboards in the app (on-call, debug, cost): the links the SLO page
 * offers next to its own panels.
 */
export function serviceDashboardLinks(service: Service): PanelLink[] {
  return [
    { title: `${service.name} on-call view`, url: serviceUrl(service.id, SERVICE_TABS.onCall) },
    { title: `${service.name} debug view`, url: serviceUrl(service.id, SERVICE_TABS.debug) },
    { title: `${service.name} cost view`, url: serviceUrl(service.id, SERVICE_TABS.cost) },
  ];
}

/** The SLO page of `sloId`; throws when the registry has no such SLO or its service is missing. */
export function buildSloDashboard(doc: RegistryDocument, sloId: string): Dashboard {
  const slo = doc.slos.find((candidate) => candidate.id === sloId);
  if (!slo) {
    throw new Error(`no SLO "${sloId}" in the registry`);
  }
  const service = doc.services.find((candidate) => candidate.id === slo.serviceId);
  if (!service) {
    throw new Error(`no service "${slo.serviceId}" for SLO "${sloId}" in the registry`);
  }
  const groups = slo.groupBy ?? [];
  const scope: SloScope = {
    slo,
    service,
    selector: sloSelector(slo.id),
    byGroup: [LABEL_ID, ...groups].join(', '),
    legend: groups.length > 0 ? groups.map((label) => `{{${label}}}`).join(' · ') : slo.name,
    links: [...runbookLinks(service, [slo]), ...servicePageLinks(service)],
  };
  const ids = new PanelIds();
  const rows = [
    summaryRow(ids, scope),
    budgetRow(ids, scope),
    groupsRow(ids, scope),
    burnRow(ids, scope),
    alertsRow(ids, scope),
  ].filter((row) => row.panels.length > 0);
  return {
    // The dashboard kinds are the service views; the SLO page is the on-call view of one SLO.
    kind: 'onCall',
    uid: sloDashboardUid(slo.id),
    title: `${slo.name} · SLO`,
    description: `Objective, SLI, error budget, burn rates and alerts of the SLO ${slo.name} of ${service.name}.`,
    tags: ['business-owner', 'slo', service.id],
    serviceId: service.id,
    variables: [],
    annotations: annotations(doc, scope),
    rows,
    links: serviceDashboardLinks(service),
    ...periodTime(slo),
    refresh: '1m',
  };
}

/** Grafana's relative time of the start of the current calendar period (`fQ`: the quarter from January). */
const PERIOD_START: Record<CalendarUnit, string> = { week: 'now/w', month: 'now/M', quarter: 'now/fQ' };

/**
 * The page's time range: the SLO's window, so that its graphs show the period its budget is measured
 * over; for a calendar window, from the start of the current period in the SLO's time zone.
 */
function periodTime(slo: Slo): Pick<Dashboard, 'time' | 'timezone' | 'weekStart'> {
  const window = parseSloWindow(slo.window);
  if (isProblem(window)) {
    return { time: { from: 'now-30d', to: 'now' } };
  }
  if (window.kind === 'rolling') {
    return { time: { from: `now-${ruleWindowDays(window)}d`, to: 'now' } };
  }
  return {
    time: { from: PERIOD_START[window.unit], to: 'now' },
    timezone: slo.timeZone ?? DEFAULT_TIME_ZONE,
    ...(window.unit === 'week' ? { weekStart: 'monday' as const } : {}),
  };
}

/** `ALERTS` of the SLO firing now: its burn alerts (found by `burn_tier`, whatever their name) and its freeze. */
function firingAlerts(selector: string): string {
  const firing = 'alertstate="firing"';
  return (
    `${metricSelector('ALERTS', selector, [BURN_ALERT_MATCHER, firing])} or ` +
    `${metricSelector('ALERTS', selector, [`alertname="${FREEZE_ALERT}"`, firing])}`
  );
}

/**
 * The service's events exactly as its on-call view draws them (its deploys), then the SLO's burn
 * alerts while they fire (its incidents), then its budget adjustments' windows.
 */
function annotations(doc: RegistryDocument, { slo, service, selector }: SloScope): Annotation[] {
  return [
    // the service's deploys; its adjustments are this SLO's only (below)
    ...buildOnCallDashboard(doc, service.id).annotations.filter(
      (annotation) => !annotation.name.startsWith(ADJUSTMENT_ANNOTATION_PREFIX)
    ),
    {
      name: 'Incidents',
      datasource: 'prometheus',
      expr: `max by (${LABEL_BURN_TIER}) (${metricSelector('ALERTS', selector, [BURN_ALERT_MATCHER, 'alertstate="firing"'])})`,
      title: `${slo.name}: {{${LABEL_BURN_TIER}}} burn alert firing`,
      color: 'red',
    },
    ...adjustmentAnnotations(doc, slo.id),
  ];
}

function withLinks(links: PanelLink[], panels: Panel[]): Panel[] {
  return panels.map((item) => ({ ...item, links }));
}

/** The SLO's period as titles name it: `30d`, or `this month` for a calendar month. */
function periodText(slo: Slo): string {
  const window = parseSloWindow(slo.window);
  return isProblem(window) || window.kind === 'rolling' ? slo.window : `this ${window.unit}`;
}

/** A calendar SLO's unit and time zone, for the panels that read its period. */
function calendarOf(slo: Slo): CalendarWindow | undefined {
  const window = parseSloWindow(slo.window);
  return isProblem(window) || window.kind === 'rolling'
    ? undefined
    : { unit: window.unit, timeZone: slo.timeZone ?? DEFAULT_TIME_ZONE };
}

/**
 * The burn rate the rest of a calendar period can afford and still end within the objective, if
 * traffic keeps its pace: with a share f of the period gone by and b of the budget left, the rest
 * may burn at 1 + b × f / (1 − f). Below 0 the objective can no longer be met this period.
 */
export function restOfPeriodBurn(selector: string, calendar: CalendarWindow, at = new Date()): string {
  const gone = periodFraction(calendar, at);
  return `1 + ${budgetLeftBySlo(selector, LABEL_ID)} * on () group_left () (${gone} / (1 - ${gone}))`;
}

function summaryRow(ids: PanelIds, { slo, selector, links }: SloScope): Row {
  const stat = (title: string, description: string, expr: string, extra: Partial<PanelSpec> = {}) =>
    panel(ids, {
      title,
      description,
      kind: 'stat',
      queries: [promQuery('A', expr, { instant: true })],
      unit: 'percentunit',
      width: calendar ? 5 : 6,
      height: 4,
      ...extra,
    });
  const calendar = calendarOf(slo);
  const period = periodText(slo);
  const worst = slo.groupBy?.length ? ' Of a grouped SLO, the worst group.' : '';
  const panels = [
    stat(
      'Objective',
      "The objective the SLO's recording rules were generated with.",
      objectiveBySlo([slo], selector, LABEL_ID),
      {
        decimals: 3,
      }
    ),
    stat(
      `SLI over ${period}`,
      `Share of good events over the SLO's window, red below the objective.${worst}`,
      `1 - ${periodErrorRatioBySlo([slo], selector, LABEL_ID)}`,
      {
        decimals: 3,
        thresholds: [
          { value: null, color: 'red' },
          { value: objectiveRatio(slo.objective), color: 'green' },
        ],
      }
    ),
    stat(
      'Error budget left',
      `Share of the window's error budget left; negative when overspent.${worst}`,
      budgetLeftBySlo(selector, LABEL_ID),
      { thresholds: BUDGET_THRESHOLDS }
    ),
    stat(
      `Burn rate (${CURRENT_WINDOW})`,
      `How fast the budget burns now: 1x spends it exactly over the window.${worst}`,
      burnRateBySlo([slo], CURRENT_WINDOW, selector, LABEL_ID),
      { unit: 'x', thresholds: BURN_THRESHOLDS }
    ),
    ...(calendar
      ? [
          stat(
            `Burn allowed until the ${calendar.unit} ends`,
            `The burn rate the rest of the ${calendar.unit} can afford and still end within the objective, if traffic keeps its pace: ` +
              `1 + budget left × time gone by / time to go. Below 1 the rest must burn slower than the sustainable rate; ` +
              `below 0 the objective can no longer be met this ${calendar.unit}.${worst}`,
            restOfPeriodBurn(selector, calendar),
            {
              unit: 'x',
              decimals: 1,
              width: 4,
              thresholds: [
                { value: null, color: 'red' },
                { value: 0, color: 'orange' },
                { value: 1, color: 'green' },
              ],
            }
          ),
        ]
      : []),
  ];
  return { title: `Objective, SLI and budget over ${period}`, panels: withLinks(links, panels) };
}

function budgetRow(ids: PanelIds, { slo, selector, byGroup, legend, links }: SloScope): Row {
  const panels = [
    panel(ids, {
      title: 'Error budget left over time',
      description:
        "Share of the window's error budget left at each moment, one line per group; below 0 it is overspent.",
      kind: 'timeseries',
      queries: [promQuery('A', budgetLeftBySlo(selector, byGroup), { legend })],
      unit: 'percentunit',
      thresholds: BUDGET_THRESHOLDS,
      showThresholds: true,
      // The period is summed from hourly tiles, so the budget left moves once an hour: finer steps
      // would draw the same value again and have Prometheus read it as often.
      minInterval: HOURLY_STEP,
      width: 12,
      height: 8,
    }),
    panel(ids, {
      title: `SLI (${CURRENT_WINDOW})`,
      description: `The SLI over the last ${CURRENT_WINDOW}, one line per group, with the objective as a line.`,
      kind: 'timeseries',
      queries: [
        promQuery('A', `1 - max by (${byGroup}) (${sloErrorRatio([slo], CURRENT_WINDOW, selector)})`, { legend }),
        promQuery('B', objectiveBySlo([slo], selector, LABEL_ID), { legend: 'objective' }),
      ],
      unit: 'percentunit',
      width: 12,
      height: 8,
    }),
  ];
  return { title: 'Error budget over time', panels: withLinks(links, panels) };
}

/** Firing alerts: none is fine, one or more is red. */
const FIRING_THRESHOLDS = [
  { value: null, color: 'green' },
  { value: 1, color: 'red' },
];

/** Columns naming a group: one per `groupBy` label. */
function groupColumns(slo: Slo): TableColumn[] {
  return (slo.groupBy ?? []).map((label) => ({ kind: 'label', label, title: label }));
}

/**
 * A grouped SLO's groups, the least budget left first (`sort`): the group that burns, the one its
 * alerts name, heads the table, with its burn alerts firing now (0 for a quiet group). Ungrouped
 * SLOs have no such row.
 */
function groupsRow(ids: PanelIds, { slo, links }: SloScope): Row {
  if (!slo.groupBy?.length) {
    return { title: 'Groups', panels: [] };
  }
  const { budget, sli, burn, firing } = sloGroupQueries(slo);
  const table = panel(ids, {
    title: 'Groups, worst first',
    description:
      `Every group of the SLO (${slo.groupBy.join(', ')}), the least error budget left first, ` +
      'with its burn rate and its burn alerts firing now.',
    kind: 'table',
    queries: [
      tableQuery('A', `sort(${budget})`),
      tableQuery('B', sli),
      tableQuery('C', burn),
      // a quiet group shows 0 rather than an empty cell
      tableQuery('D', `${firing} or 0 * ${budget}`),
    ],
    columns: [
      ...groupColumns(slo),
      { kind: 'value', refId: 'A', title: 'Budget left', unit: 'percentunit', thresholds: BUDGET_THRESHOLDS },
      { kind: 'value', refId: 'B', title: `SLI (${slo.window})`, unit: 'percentunit' },
      { kind: 'value', refId: 'C', title: `Burn rate (${CURRENT_WINDOW})`, unit: 'x', thresholds: BURN_THRESHOLDS },
      { kind: 'value', refId: 'D', title: 'Firing alerts', thresholds: FIRING_THRESHOLDS },
    ],
    width: 24,
    height: 8,
  });
  return { title: 'Groups', panels: withLinks(links, [table]) };
}

function burnPanel(ids: PanelIds, scope: SloScope, spec: BurnPanelSpec): Panel {
  const { slo, selector, byGroup, legend } = scope;
  const factors = spec.slos.map(({ factor }) => `${factor}x`).join(', ');
  return panel(ids, {
    title: `Burn rate ${spec.tiers.join(', ')}: ${spec.long} / ${spec.short}`,
    description:
      `Burn rate over the ${spec.long} and ${spec.short} windows, one line per group. ` +
      `The ${spec.severity} alert fires when both exceed ${factors}.`,
    kind: 'timeseries',
    queries: [spec.long, spec.short].map((window, i) => {
      const step = burnMinInterval(spec, window);
      return promQuery(i === 0 ? 'A' : 'B', burnRateBySlo([slo], window, selector, byGroup), {
        legend: `${legend} · ${window}`,
        ...(step ? { minInterval: step } : {}),
      });
    }),
    unit: 'x',
    thresholds: burnThresholds(spec),
    showThresholds: true,
    width: 12,
    height: 7,
  });
}

function burnRow(ids: PanelIds, scope: SloScope): Row {
  const panels = burnPanelSpecs([scope.slo]).map((spec) => burnPanel(ids, scope, spec));
  return { title: 'Burn rate per alert tier', panels: withLinks(scope.links, panels) };
}

function alertsRow(ids: PanelIds, { slo, service, selector, links }: SloScope): Row {
  const groups = slo.groupBy ?? [];
  const panels = [
    panel(ids, {
      title: 'Alerts firing now',
      description: "The SLO's burn alerts and its release freeze firing now; each row links to the runbooks.",
      kind: 'table',
      queries: [
        tableQuery(
          'A',
          `max by (${['alertname', 'severity', LABEL_BURN_TIER, ...groups].join(', ')}) (${firingAlerts(selector)})`
        ),
      ],
      columns: [
        { kind: 'label', label: 'alertname', title: 'Alert' },
        { kind: 'label', label: 'severity', title: 'Severity' },
        { kind: 'label', label: LABEL_BURN_TIER, title: 'Burn tier' },
        ...groupColumns(slo),
      ],
      dataLinks: runbookDataLinks(service, [slo]),
      width: 16,
      height: 14,
    }),
    // tall enough for a month of daily deploys without a scrolling table, which the keyboard cannot reach
    recentDeploys(ids, service, { width: 8, height: 14 }),
  ];
  return { title: 'Alerts and deploys', panels: withLinks(links, panels) };
}
