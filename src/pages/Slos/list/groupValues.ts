/**
 * The groups of grouped SLOs in the SLO list. For every grouped SLO at once: how many groups it has
 * and which one has the least budget left (two queries, whatever the number of SLOs). For the one SLO
 * a row expands: each group's budget left, SLI, burn rate and firing burn alerts (four queries),
 * the worst group first. Pure: the hooks only run these queries.
 */
import { InstantQuery, InstantResult, Sample } from '../../../api/prometheus/instantQuery';
import { groupedSlos, sloGroupQueries } from '../../../domain/dashboards/groups';
import { Slo } from '../../../domain/model';
import { regexMatcher } from '../../../domain/query/selector';
import { LABEL_ID } from '../../../domain/rules/names';
import { readBudgetLeft } from '../../../domain/rules/windowRatio';
import { listStatus, SloListStatus } from './sloRows';

/** A group: the values of the SLO's `groupBy` labels, e.g. `{ route: "/checkout/pay" }`. */
export type GroupLabels = Record<string, string>;

export interface GroupSummary {
  count: number;
  /** The group with the least budget left. */
  worst?: { labels: GroupLabels; budgetLeft: number };
}

export interface GroupValues {
  labels: GroupLabels;
  budgetLeft?: number;
  sli?: number;
  burnRate?: number;
  /** Burn alerts of the group firing now. */
  firing: number;
  status: SloListStatus;
}

function samples(result: InstantResult | undefined): Sample[] {
  return result?.ok ? result.samples : [];
}

/** The group labels of a series of `slo`, in its `groupBy` order. */
function groupOf(slo: Slo, labels: Record<string, string>): GroupLabels {
  return Object.fromEntries((slo.groupBy ?? []).map((label) => [label, labels[label] ?? '']));
}

/** `route=/checkout/pay, tenant=acme`: a group as the list writes it. */
export function groupText(labels: GroupLabels): string {
  return Object.entries(labels)
    .map(([label, value]) => `${label}=${value}`)
    .join(', ');
}

/** The two queries of the group summaries of every grouped SLO of `slos`; none without grouped SLOs. */
export function groupSummaryQueries(slos: Slo[]): InstantQuery[] {
  const grouped = groupedSlos(slos);
  if (grouped.length === 0) {
    return [];
  }
  const ids = grouped.map((slo) => slo.id);
  const series = readBudgetLeft(`{${regexMatcher(LABEL_ID, ids)}}`);
  return [
    { refId: 'count', expr: `count by (${LABEL_ID}) (${series})` },
    { refId: 'worst', expr: `bottomk by (${LABEL_ID}) (1, ${series})` },
  ];
}

/** The summaries by SLO id of the grouped SLOs Prometheus answered for. */
export function readGroupSummaries(slos: Slo[], results: Record<string, InstantResult>): Record<string, GroupSummary> {
  const byId = new Map(groupedSlos(slos).map((slo) => [slo.id, slo]));
  const summaries: Record<string, GroupSummary> = {};
  for (const { labels, value } of samples(results.count)) {
    if (byId.has(labels[LABEL_ID])) {
      summaries[labels[LABEL_ID]] = { count: value };
    }
  }
  for (const { labels, value } of samples(results.worst)) {
    const slo = byId.get(labels[LABEL_ID]);
    const summary = slo && summaries[slo.id];
    if (summary && Number.isFinite(value)) {
      summary.worst = { labels: groupOf(slo, labels), budgetLeft: value };
    }
  }
  return summaries;
}

/** The four queries of the groups of one grouped SLO. */
export function groupValueQueries(slo: Slo): InstantQuery[] {
  const { budget, sli, burn, firing } = sloGroupQueries(slo);
  return [
    { refId: 'budget', expr: budget },
    { refId: 'sli', expr: sli },
    { refId: 'burn', expr: burn },
    { refId: 'firing', expr: firing },
  ];
}

const finite = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value : undefined);

/**
 * Least budget left first, then the fastest burn: the group that burns heads the list. Groups
 * without a budget value come last.
 */
function worstFirst(a: GroupValues, b: GroupValues): number {
  const missing = Number(a.budgetLeft === undefined) - Number(b.budgetLeft === undefined);
  return (
    missing ||
    (a.budgetLeft ?? 0) - (b.budgetLeft ?? 0) ||
    (b.burnRate ?? 0) - (a.burnRate ?? 0) ||
    groupText(a.labels).localeCompare(groupText(b.labels))
  );
}

/** Every group Prometheus answered for, with its values and status, the worst first. */
export function readGroupValues(slo: Slo, results: Record<string, InstantResult>): GroupValues[] {
  const groups = new Map<string, GroupValues>();
  const groupFor = (labels: Record<string, string>) => {
    const group = groupOf(slo, labels);
    const key = JSON.stringify(group);
    const found = groups.get(key) ?? { labels: group, firing: 0, status: 'noData' as SloListStatus };
    groups.set(key, found);
    return found;
  };
  samples(results.budget).forEach(({ labels, value }) => (groupFor(labels).budgetLeft = finite(value)));
  samples(results.sli).forEach(({ labels, value }) => (groupFor(labels).sli = finite(value)));
  samples(results.burn).forEach(({ labels, value }) => (groupFor(labels).burnRate = finite(value)));
  samples(results.firing).forEach(({ labels, value }) => (groupFor(labels).firing = value));
  return [...groups.values()]
    .map((group) => ({
      ...group,
      status: listStatus({
        source: 'recorded',
        budgetLeft: group.budgetLeft,
        burnRate: group.burnRate,
        alert: { status: group.firing > 0 ? 'firing' : 'inactive' },
      }),
    }))
    .sort(worstFirst);
}
