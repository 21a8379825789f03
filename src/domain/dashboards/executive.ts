/**
 * The executive dashboard: SLO compliance, error budget burn, business KPIs, cloud spend, active
 * incidents and frozen releases of the services selected by business owner, team and tier.
 *
 * Every SLO query reads the recorded series of all selected services at once (grouped by
 * `sloth_service`/`sloth_id` and filtered by one regex of service ids), so the dashboard issues
 * the same number of queries for 3 services as for 300. Only KPIs are per service by nature: their
 * queries are combined into one query per unit (see `kpiRow`).
 */
import { tidy } from '../budget/budget';
import { RegistryDocument, Slo } from '../model';
import { stableUid } from '../rules/uid';
import {
  BURN_ALERT_MATCHER,
  CURRENT_WINDOW,
  FREEZE_ALERT,
  LABEL_BURN_TIER,
  LABEL_ID,
  LABEL_SERVICE,
  servicesSelector,
} from '../rules/names';
import { LOW_BUDGET_LEFT } from '../registryView/sloStatus';
import { costRow } from './executiveCost';
import { ExecutiveFilters, hasFilters, selectServices } from './filters';
import { kpiRow } from './kpis';
import { sloDrilldowns } from './links';
import { BURN_THRESHOLDS, BUDGET_THRESHOLDS, panel, PanelIds, promQuery, tableQuery } from './panels';
import { budgetLeftBySlo, burnRateBySlo, objectiveBySlo, periodErrorRatioBySlo } from './sloQueries';
import { Dashboard, Row, Threshold, ValueMapping } from './types';

/** Label pair identifying an SLO row in tables and legends: `sloth_id` is unique, `sloth_slo` is not. */
const BY_SLO = `${LABEL_SERVICE}, ${LABEL_ID}`;

/** Health of an SLO row, from its budget left: 0 spent, 1 below a quarter, 2 within budget. */
export const STATUS_MAPPINGS: ValueMapping[] = [
  { from: 0, text: 'Budget spent', color: 'red' },
  { from: 1, text: 'Budget low', color: 'orange' },
  { from: 2, text: 'Within budget', color: 'green' },
];

/** The executive dashboard of the services that pass `filters` (all services without filters). */
export function buildExecutiveDashboard(doc: RegistryDocument, filters: ExecutiveFilters = {}): Dashboard {
  const services = selectServices(doc, filters);
  const ids = new PanelIds();
  const serviceIds = services.map((service) => service.id);
  const slos = doc.slos.filter((slo) => serviceIds.includes(slo.serviceId));
  const rows: Row[] = [
    overviewRow(ids, serviceIds),
    complianceRow(ids, serviceIds, slos),
    kpiRow(ids, services),
    costRow(ids, doc.settings, services),
    incidentRow(ids, serviceIds),
  ].filter((row) => row.panels.length > 0);
  const filtered = hasFilters(filters);
  return {
    kind: 'executive',
    uid: filtered ? stableUid('exec', filterKey(filters)) : stableUid('exec'),
    title: filtered
      ? `Business Owner · Executive (${services.length} ${services.length === 1 ? 'service' : 'services'})`
      : 'Business Owner · Executive',
    description:
      'SLO compliance, error budget, business KPIs, cloud spend and incidents of the services ' +
      (filtered ? `${serviceIds.join(', ')}.` : 'in the Business Owner registry.'),
    tags: ['business-owner', 'slo', 'executive'],
    variables: [],
    annotations: [],
    rows,
    links: [],
    time: { from: 'now-7d', to: 'now' },
    refresh: '5m',
  };
}

function filterKey(filters: ExecutiveFilters): string {
  const parts = Object.entries(filters)
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(([name, values]) => `${name}=${[...(values as Array<string | number>)].sort().join(',')}`);
  return parts.sort().join(';');
}

/** Budget left per SLO, the worst group of a grouped SLO. */
function budgetLeft(selector: string): string {
  return budgetLeftBySlo(selector, BY_SLO);
}

/**
 * The firing SLO alerts of the services: burn alerts are found by the `burn_tier` label they all
 * carry, since `alerting.name` may rename them; the release-freeze alert by its name.
 */
function alerts(serviceIds: string[], kinds: Array<'burn' | 'freeze'>): string {
  const matcher = { burn: BURN_ALERT_MATCHER, freeze: `alertname="${FREEZE_ALERT}"` };
  const terms = kinds.map((kind) => `ALERTS${servicesSelector(serviceIds, [matcher[kind], 'alertstate="firing"'])}`);
  return terms.join(' or ');
}

/** Zero is good news and stays green; from one on, the count takes `color`. */
function fromOne(color: string): Threshold[] {
  return [
    { value: null, color: 'green' },
    { value: 1, color },
  ];
}

function overviewRow(ids: PanelIds, serviceIds: string[]): Row {
  const slos = servicesSelector(serviceIds);
  const stat = (title: string, description: string, expr: string, thresholds: Threshold[]) =>
    panel(ids, {
      title,
      description,
      kind: 'stat',
      queries: [promQuery('A', `${expr} or vector(0)`, { instant: true })],
      thresholds,
      width: 8,
      height: 4,
    });
  return {
    title: 'Overview',
    panels: [
      stat(
        'SLOs within budget',
        'SLOs with error budget left over their whole window.',
        `count(${budgetLeft(slos)} > 0)`,
        [{ value: null, color: 'green' }]
      ),
      stat(
        'Active SLO incidents',
        'Firing multiwindow burn-rate alerts.',
        `count(${alerts(serviceIds, ['burn'])})`,
        fromOne('red')
      ),
      stat(
        'Services with frozen releases',
        'Services whose error-budget policy freezes releases right now.',
        `count(count by (${LABEL_SERVICE}) (${alerts(serviceIds, ['freeze'])}))`,
        fromOne('orange')
      ),
    ],
  };
}

function complianceRow(ids: PanelIds, serviceIds: string[], slos: Slo[]): Row {
  const selector = servicesSelector(serviceIds);
  const left = budgetLeft(selector);
  const currentBurn = burnRateBySlo(slos, CURRENT_WINDOW, selector, BY_SLO);
  const table = panel(ids, {
    title: 'SLO compliance',
    description:
      'Every SLO of the selected services: objective, SLI over its window, error budget left and current (5m) ' +
      'burn rate. Grouped SLOs show their worst group. Select a row to open the service.',
    kind: 'table',
    queries: [
      tableQuery('A', objectiveBySlo(slos, selector, BY_SLO)),
      // The period SLI is 1 − (1 − budget left) × allowed error ratio: SLOs of any window, no tiles read.
      tableQuery('B', `1 - ${periodErrorRatioBySlo(slos, selector, BY_SLO)}`),
      tableQuery('C', left),
      tableQuery('D', currentBurn),
      tableQuery('E', `(${left} > bool 0) + (${left} > bool ${tidy(LOW_BUDGET_LEFT)})`),
    ],
    columns: [
      { kind: 'label', label: LABEL_SERVICE, title: 'Service' },
      { kind: 'label', label: LABEL_ID, title: 'SLO' },
      { kind: 'value', refId: 'A', title: 'Objective', unit: 'percentunit' },
      { kind: 'value', refId: 'B', title: 'SLI (window)', unit: 'percentunit' },
      { kind: 'value', refId: 'C', title: 'Budget left', unit: 'percentunit', thresholds: BUDGET_THRESHOLDS },
      { kind: 'value', refId: 'D', title: 'Burn rate', unit: 'x', thresholds: BURN_THRESHOLDS },
      { kind: 'value', refId: 'E', title: 'Status', mappings: STATUS_MAPPINGS },
    ],
    dataLinks: sloDrilldowns('data'),
    width: 24,
    height: 10,
  });
  const burn = panel(ids, {
    title: 'Error budget burn',
    description:
      "Share of each SLO's error budget spent over its window (its period burn rate), hour by hour: every error " +
      'raises the line and errors leaving the window lower it; above 1x the budget is spent. The table shows the ' +
      'current (5m) burn rate, the on-call views the burn rate over each alert window.',
    kind: 'timeseries',
    queries: [promQuery('A', `1 - ${left}`, { legend: `{{${LABEL_SERVICE}}} · {{${LABEL_ID}}}` })],
    unit: 'x',
    thresholds: BURN_THRESHOLDS,
    showThresholds: true,
    // The budget left is recorded per SLO (1 − budget left is the period burn rate), so the 7 days cost
    // one sample per SLO and step, whatever the SLI. The period burn rate is a rolling sum over the
    // whole window, which an hour moves by a 720th at most for 30 days: points 6 hours apart (28 over
    // the week) draw the same line as hourly ones, at a sixth of the evaluations.
    minInterval: '6h',
    dataLinks: sloDrilldowns('labels'),
    width: 24,
    height: 8,
  });
  return { title: 'SLO compliance', panels: [table, burn] };
}

function incidentRow(ids: PanelIds, serviceIds: string[]): Row {
  const incidents = panel(ids, {
    title: 'Active incidents',
    description: 'SLO alerts firing now, with their severity and burn tier.',
    kind: 'table',
    queries: [
      tableQuery(
        'A',
        `max by (${BY_SLO}, alertname, severity, ${LABEL_BURN_TIER}) (${alerts(serviceIds, ['burn', 'freeze'])})`
      ),
    ],
    columns: [
      { kind: 'label', label: LABEL_SERVICE, title: 'Service' },
      { kind: 'label', label: LABEL_ID, title: 'SLO' },
      { kind: 'label', label: 'alertname', title: 'Alert' },
      { kind: 'label', label: 'severity', title: 'Severity' },
      { kind: 'label', label: LABEL_BURN_TIER, title: 'Burn tier' },
    ],
    dataLinks: sloDrilldowns('data'),
    width: 14,
    height: 8,
  });
  const frozen = panel(ids, {
    title: 'Releases frozen by budget policy',
    description: 'Services whose error-budget policy freezes releases, and the SLO that triggered it.',
    kind: 'table',
    queries: [tableQuery('A', `max by (${BY_SLO}) (${alerts(serviceIds, ['freeze'])})`)],
    columns: [
      { kind: 'label', label: LABEL_SERVICE, title: 'Service' },
      { kind: 'label', label: LABEL_ID, title: 'SLO' },
    ],
    dataLinks: sloDrilldowns('data'),
    width: 10,
    height: 8,
  });
  return { title: 'Incidents and release freezes', panels: [incidents, frozen] };
}
