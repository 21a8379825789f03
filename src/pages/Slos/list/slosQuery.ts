/**
 * Filtering, sorting and paging of the SLO list, and its round trip through the URL, e.g.
 * `?q=pay&service=checkout&owner=ana&team=payments&status=burning,exhausted&sort=budget&dir=desc`.
 * Pure, so that the list and its tests agree on what a filter means; unknown values in a
 * hand-edited URL are dropped rather than refused.
 */
import { SLO_STATUSES, SloListStatus, SloRow } from './sloRows';

export const SLO_SORT_KEYS = [
  'name',
  'service',
  'owner',
  'objective',
  'window',
  'sli',
  'budget',
  'burn',
  'alert',
  'status',
] as const;
export type SloSortKey = (typeof SLO_SORT_KEYS)[number];

export const SLO_PAGE_SIZE = 50;

/** The filter lists of {@link SlosQuery}. */
export const SLOS_QUERY_LISTS = ['services', 'owners', 'teams', 'statuses'] as const;

export interface SlosQuery {
  text: string;
  services: string[];
  owners: string[];
  teams: string[];
  statuses: SloListStatus[];
  sort: SloSortKey;
  desc: boolean;
  page: number;
}

export interface SlosPage {
  rows: SloRow[];
  total: number;
  pages: number;
  page: number;
}

export function defaultSlosQuery(): SlosQuery {
  return { text: '', services: [], owners: [], teams: [], statuses: [], sort: 'name', desc: false, page: 1 };
}

/** The filters of `query` as one test, so that the search text is split once, not once per row. */
function rowFilter(query: SlosQuery): (row: SloRow) => boolean {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const { services, owners, teams, statuses } = query;
  return (row) =>
    words.every((word) => row.searchText.includes(word)) &&
    (services.length === 0 || services.includes(row.serviceId)) &&
    (owners.length === 0 || (row.ownerId !== undefined && owners.includes(row.ownerId))) &&
    (teams.length === 0 || (row.team !== undefined && teams.includes(row.team))) &&
    (statuses.length === 0 || statuses.includes(row.status));
}

/** Whether a row passes every filter (an empty filter passes everything). */
export function matchesSlosQuery(row: SloRow, query: SlosQuery): boolean {
  return rowFilter(query)(row);
}

const STATUS_RANK: Record<SloListStatus, number> = { exhausted: 3, burning: 2, ok: 1, noData: 0 };
const ALERT_RANK = { firing: 3, pending: 2, inactive: 1, unknown: 0 };

const OPTIONAL: Partial<Record<SloSortKey, (row: SloRow) => unknown>> = {
  owner: (row) => row.ownerName,
  sli: (row) => row.sli,
  budget: (row) => row.budgetLeft,
  burn: (row) => row.burnRate,
};

/** Rows without a value on `key` (no owner, not measured) sort last in either direction. */
function missingLast(key: SloSortKey, a: SloRow, b: SloRow): number {
  const value = OPTIONAL[key];
  return value ? Number(value(a) === undefined) - Number(value(b) === undefined) : 0;
}

function compareOn(key: SloSortKey, a: SloRow, b: SloRow): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'service':
      return a.serviceName.localeCompare(b.serviceName);
    case 'owner':
      return (a.ownerName ?? '').localeCompare(b.ownerName ?? '');
    case 'objective':
      return a.objective - b.objective;
    case 'window':
      return a.window.localeCompare(b.window, undefined, { numeric: true });
    case 'sli':
      return (a.sli ?? 0) - (b.sli ?? 0);
    case 'budget':
      return (a.budgetLeft ?? 0) - (b.budgetLeft ?? 0);
    case 'burn':
      return (a.burnRate ?? 0) - (b.burnRate ?? 0);
    case 'alert':
      return ALERT_RANK[b.alert.status] - ALERT_RANK[a.alert.status];
    case 'status':
      return STATUS_RANK[b.status] - STATUS_RANK[a.status];
  }
}

/** Sorts a copy of `rows`; ties by name then id so that the order is stable. */
export function sortSloRows(rows: SloRow[], key: SloSortKey, desc: boolean): SloRow[] {
  const sign = desc ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      missingLast(key, a, b) || sign * compareOn(key, a, b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  );
}

/** Filters, sorts and cuts out one page of `rows`. */
export function querySlos(rows: SloRow[], query: SlosQuery, pageSize = SLO_PAGE_SIZE): SlosPage {
  const sorted = sortSloRows(rows.filter(rowFilter(query)), query.sort, query.desc);
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  return { rows: sorted.slice((page - 1) * pageSize, page * pageSize), total: sorted.length, pages, page };
}

function values(params: Record<string, unknown>, key: string): string[] {
  const raw = params[key];
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list
    .flatMap((value) => String(value).split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** Reads the list's query from URL parameters. */
export function slosQueryFromParams(params: Record<string, unknown>): SlosQuery {
  const base = defaultSlosQuery();
  const sort = values(params, 'sort')[0];
  const page = Number(values(params, 'page')[0]);
  return {
    text: values(params, 'q').join(' '),
    services: values(params, 'service'),
    owners: values(params, 'owner'),
    teams: values(params, 'team'),
    statuses: values(params, 'status').filter((value): value is SloListStatus =>
      (SLO_STATUSES as readonly string[]).includes(value)
    ),
    sort: (SLO_SORT_KEYS as readonly string[]).includes(sort) ? (sort as SloSortKey) : base.sort,
    desc: values(params, 'dir')[0] === 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function joined(list: string[]): string | undefined {
  return list.length > 0 ? list.join(',') : undefined;
}

/** URL parameters of `query`; defaults are left out (undefined removes the parameter). */
export function slosQueryToParams(query: SlosQuery): Record<string, string | undefined> {
  return {
    q: query.text.trim() || undefined,
    service: joined(query.services),
    owner: joined(query.owners),
    team: joined(query.teams),
    status: joined(query.statuses),
    sort: query.sort === 'name' ? undefined : query.sort,
    dir: query.desc ? 'desc' : undefined,
    page: query.page > 1 ? String(query.page) : undefined,
  };
}

export interface SloFilterChoices {
  services: Array<{ id: string; name: string }>;
  owners: Array<{ id: string; name: string }>;
  teams: string[];
}

/** Distinct services, business owners and teams of `rows`, sorted by name, for the filter pickers. */
export function sloFilterChoices(rows: SloRow[]): SloFilterChoices {
  const services = new Map<string, string>();
  const owners = new Map<string, string>();
  const teams = new Set<string>();
  for (const row of rows) {
    services.set(row.serviceId, row.serviceName);
    if (row.ownerId) {
      owners.set(row.ownerId, row.ownerName ?? row.ownerId);
    }
    if (row.team) {
      teams.add(row.team);
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    services: [...services].map(([id, name]) => ({ id, name })).sort(byName),
    owners: [...owners].map(([id, name]) => ({ id, name })).sort(byName),
    teams: [...teams].sort((a, b) => a.localeCompare(b)),
  };
}
