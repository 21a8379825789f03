/**
 * The groups of grouped SLOs (`groupBy`): the values of each group of one SLO (its page, the SLO
 * list), and in a service's on-call and debug dashboards one variable per group label, its values
 * read from the recorded series, and a table of the groups with the least error budget left.
 */
import { Slo } from '../model';
import { formatMatchers, metricSelector, regexMatcher, selectorMatchers } from '../query/selector';
import { BURN_ALERT_MATCHER, CURRENT_WINDOW, LABEL_ID, PERIOD_BUDGET_REMAINING } from '../rules/names';
import { sloPageLink } from './links';
import { BUDGET_THRESHOLDS, BURN_THRESHOLDS, panel, PanelIds, tableQuery } from './panels';
import { ServiceScope } from './service';
import { budgetLeftBySlo, burnRateBySlo, periodErrorRatioBySlo } from './sloQueries';
import { ALL_VALUE, Panel, Variable } from './types';

/** Groups the table lists: enough to see which ones burn, few enough to read at a glance. */
export const WORST_GROUPS_LIMIT = 10;

/** The SLOs with a `groupBy`. */
export function groupedSlos(slos: Slo[]): Slo[] {
  return slos.filter((slo) => (slo.groupBy?.length ?? 0) > 0);
}

/** The distinct group labels of `slos`, in the order they first appear. */
export function groupLabels(slos: Slo[]): string[] {
  return [...new Set(slos.flatMap((slo) => slo.groupBy ?? []))];
}

/** What one grouped SLO's groups are measured with: one query per value, one series per group. */
export interface SloGroupQueries {
  /** `sloth_id` and the SLO's group labels, e.g. `sloth_id, route`. */
  by: string;
  /** Share of the period's budget left. */
  budget: string;
  /** The SLI over the SLO's window. */
  sli: string;
  /** The burn rate now (`CURRENT_WINDOW`). */
  burn: string;
  /** Burn alerts firing now; a group with none has no series. */
  firing: string;
}

/**
 * The queries of each group of `slo`, selecting it by its `sloth_id` alone: as many queries for a
 * registry of 2,000 SLOs as for one.
 */
export function sloGroupQueries(slo: Slo): SloGroupQueries {
  const selector = formatMatchers({ [LABEL_ID]: slo.id });
  const by = [LABEL_ID, ...(slo.groupBy ?? [])].join(', ');
  return {
    by,
    budget: budgetLeftBySlo(selector, by),
    sli: `1 - ${periodErrorRatioBySlo([slo], selector, by)}`,
    burn: burnRateBySlo([slo], CURRENT_WINDOW, selector, by),
    firing: `count by (${by}) (${metricSelector('ALERTS', selector, [BURN_ALERT_MATCHER, 'alertstate="firing"'])})`,
  };
}

/** The variable of a group label, `group_tenant`: never the name of another variable (`slo`, `level`). */
export function groupVariableName(label: string): string {
  return `group_${label}`;
}

/** `{sloth_service="checkout", sloth_id=~"<grouped SLOs>", …extra}` */
function groupedSelector(scope: ServiceScope, grouped: Slo[], extra: string[] = []): string {
  const matchers = [
    selectorMatchers(scope.recorded),
    regexMatcher(
      LABEL_ID,
      grouped.map((slo) => slo.id)
    ),
    ...extra,
  ];
  return `{${matchers.join(', ')}}`;
}

/**
 * One variable per group label of the service's grouped SLOs, all groups selected; its values are
 * the label's values on their recorded budget series, so a new tenant shows up without an edit.
 */
export function groupVariables(scope: ServiceScope): Variable[] {
  const grouped = groupedSlos(scope.slos);
  return groupLabels(grouped).map((label) => ({
    name: groupVariableName(label),
    label,
    kind: 'query',
    datasource: 'prometheus',
    query: `label_values(${PERIOD_BUDGET_REMAINING}${groupedSelector(scope, grouped)}, ${label})`,
    options: [],
    current: [ALL_VALUE],
    multi: true,
    includeAll: true,
    allValue: '.*',
  }));
}

/**
 * The "Worst groups" table: the groups of the service's grouped SLOs with the least budget left
 * (at most {@link WORST_GROUPS_LIMIT}, least first) and their burn rate now, restricted to the groups
 * chosen in the group variables and the SLOs matched by `extra` (e.g. `sloth_id=~"$slo"`). Undefined
 * when the service has no grouped SLO.
 */
export function worstGroupsPanel(
  ids: PanelIds,
  scope: ServiceScope,
  layout: { width: number; height: number; extra?: string[] }
): Panel | undefined {
  const grouped = groupedSlos(scope.slos);
  if (grouped.length === 0) {
    return undefined;
  }
  const labels = groupLabels(grouped);
  const extra = layout.extra ?? [];
  const chosen = labels.map((label) => `${label}=~"$${groupVariableName(label)}"`);
  const series = groupedSelector(scope, grouped, [...extra, ...chosen]);
  const by = [LABEL_ID, ...labels].join(', ');
  // One query per column, whatever the number of SLOs and groups; the burn rate only for the groups
  // the budget query lists, so that the merged table has no row without a budget.
  const worst = `bottomk(${WORST_GROUPS_LIMIT}, ${budgetLeftBySlo(series, by)})`;
  const burn = burnRateBySlo(grouped, CURRENT_WINDOW, series, by);
  return panel(ids, {
    title: 'Worst groups',
    description:
      `The ${WORST_GROUPS_LIMIT} groups of the grouped SLOs (${labels.join(', ')}) with the least error budget ` +
      `left, least first, and how fast each burns now (${CURRENT_WINDOW}); the group variables above narrow it.`,
    kind: 'table',
    queries: [tableQuery('A', `sort(${worst})`), tableQuery('B', `${burn} and on (${by}) ${worst}`)],
    columns: [
      { kind: 'label', label: LABEL_ID, title: 'SLO' },
      ...labels.map((label) => ({ kind: 'label' as const, label, title: label })),
      { kind: 'value', refId: 'A', title: 'Budget left', unit: 'percentunit', thresholds: BUDGET_THRESHOLDS },
      { kind: 'value', refId: 'B', title: `Burn rate (${CURRENT_WINDOW})`, unit: 'x', thresholds: BURN_THRESHOLDS },
    ],
    dataLinks: [sloPageLink('data')],
    width: layout.width,
    height: layout.height,
  });
}
