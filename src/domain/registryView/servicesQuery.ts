/**
 * Filtering, sorting and paging of the services list, and its round trip through the URL's query
 * parameters. Pure, so that the list and its tests agree on what a filter means.
 */
import { LIFECYCLES, Lifecycle, Tier } from '../model';
import { ScoreLevel } from '../governance/types';
import { healthRank } from './sloStatus';
import { ServiceRow } from './serviceRows';

/** Owner filter value for services without a business owner; not a valid person id (ids are slugs). */
export const NO_OWNER = '_none';

export const SORT_KEYS = ['name', 'tier', 'lifecycle', 'owner', 'team', 'slos', 'status', 'budget', 'level'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 50;

export interface ServicesQuery {
  text: string;
  tiers: Tier[];
  lifecycles: Lifecycle[];
  teams: string[];
  /** Business owner ids; {@link NO_OWNER} selects services without one. */
  owners: string[];
  needsAttention: boolean;
  sort: SortKey;
  desc: boolean;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface ServicesPage {
  rows: ServiceRow[];
  /** Rows matching the filters, on every page. */
  total: number;
  pages: number;
  /** The page shown, clamped to the pages there are. */
  page: number;
}

export function defaultQuery(): ServicesQuery {
  return {
    text: '',
    tiers: [],
    lifecycles: [],
    teams: [],
    owners: [],
    needsAttention: false,
    sort: 'name',
    desc: false,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  };
}

/** The filters of `query` as one test, so that a keystroke splits the search text once, not once per row. */
function rowFilter(query: ServicesQuery): ((row: ServiceRow) => boolean) | undefined {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const { tiers, lifecycles, teams, owners, needsAttention } = query;
  if (words.length + tiers.length + lifecycles.length + teams.length + owners.length === 0 && !needsAttention) {
    return undefined;
  }
  return (row) =>
    words.every((word) => row.searchText.includes(word)) &&
    (tiers.length === 0 || tiers.includes(row.tier)) &&
    (lifecycles.length === 0 || lifecycles.includes(row.lifecycle)) &&
    (teams.length === 0 || (row.team !== undefined && teams.includes(row.team))) &&
    (owners.length === 0 || owners.includes(row.businessOwnerId ?? NO_OWNER)) &&
    (!needsAttention || row.needsAttention);
}

/** Whether a row passes every filter of `query` (an empty filter passes everything). */
export function matchesQuery(row: ServiceRow, query: ServicesQuery): boolean {
  return rowFilter(query)?.(row) ?? true;
}

const LEVEL_RANK: Record<ScoreLevel, number> = { none: 0, beginner: 1, intermediate: 2, advanced: 3 };

/** `localeCompare` without arguments, as one collator: the same order, without a lookup per call. */
const compareText = new Intl.Collator().compare;

function text(value: string | undefined): string {
  return value ?? '';
}

/** Compares two rows on `key`; rows without a value (no owner, no budget) sort after those with one. */
function compareOn(key: SortKey, a: ServiceRow, b: ServiceRow): number {
  switch (key) {
    case 'name':
      return compareText(a.name, b.name);
    case 'tier':
      return a.tier - b.tier;
    case 'lifecycle':
      return LIFECYCLES.indexOf(a.lifecycle) - LIFECYCLES.indexOf(b.lifecycle);
    case 'owner':
      return (
        missingLast(a.businessOwnerName, b.businessOwnerName) ||
        compareText(text(a.businessOwnerName), text(b.businessOwnerName))
      );
    case 'team':
      return missingLast(a.team, b.team) || compareText(text(a.team), text(b.team));
    case 'slos':
      return a.sloCount - b.sloCount;
    case 'status':
      return healthRank(b.sloHealth) - healthRank(a.sloHealth);
    case 'budget':
      return missingLast(a.budgetLeft, b.budgetLeft) || (a.budgetLeft ?? 0) - (b.budgetLeft ?? 0);
    case 'level':
      return LEVEL_RANK[a.level] - LEVEL_RANK[b.level];
  }
}

function missingLast(a: unknown, b: unknown): number {
  return Number(a === undefined) - Number(b === undefined);
}

/**
 * The list's default order: by name in the reader's language, ties by id. Every sort keeps it
 * among rows it finds equal; the registry's index keeps its first services in it (storage/documents/indexHead.ts).
 */
export function nameOrder(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Rows in name order, ties by id. */
function byName(rows: ServiceRow[]): ServiceRow[] {
  return [...rows].sort(nameOrder);
}

/**
 * Every sort of a set of rows that was asked for, by `key` and direction. The list keeps one set of
 * rows per registry, so a keystroke filters rows sorted before instead of sorting 5,000 rows again.
 */
const sortedOrders = new WeakMap<ServiceRow[], Map<string, ServiceRow[]>>();

function sortedOrder(rows: ServiceRow[], key: SortKey, desc: boolean): ServiceRow[] {
  let orders = sortedOrders.get(rows);
  if (!orders) {
    orders = new Map();
    sortedOrders.set(rows, orders);
  }
  const id = `${key}:${desc}`;
  let sorted = orders.get(id);
  if (!sorted) {
    let named = orders.get('name:false');
    if (!named) {
      named = byName(rows);
      orders.set('name:false', named);
    }
    const sign = desc ? -1 : 1;
    // Array sorts are stable: rows equal on `key` stay in name order.
    sorted = key === 'name' && !desc ? named : [...named].sort((a, b) => sign * compareOn(key, a, b));
    orders.set(id, sorted);
  }
  return sorted;
}

/** Sorts a copy of `rows` on `key`, ties by name then id, so that the order is stable. */
export function sortRows(rows: ServiceRow[], key: SortKey, desc: boolean): ServiceRow[] {
  return [...sortedOrder(rows, key, desc)];
}

/** Filters, sorts and cuts out one page of `rows`. */
export function queryServices(rows: ServiceRow[], query: ServicesQuery): ServicesPage {
  const sorted = sortedOrder(rows, query.sort, query.desc);
  const filter = rowFilter(query);
  const matching = filter ? sorted.filter(filter) : sorted;
  const pages = Math.max(1, Math.ceil(matching.length / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  const start = (page - 1) * query.pageSize;
  return { rows: matching.slice(start, start + query.pageSize), total: matching.length, pages, page };
}

/** Distinct teams and business owners of `rows`, for the filter pickers. */
export function filterChoices(rows: ServiceRow[]): { teams: string[]; owners: Array<{ id: string; name: string }> } {
  const teams = new Set<string>();
  const owners = new Map<string, string>();
  for (const row of rows) {
    if (row.team) {
      teams.add(row.team);
    }
    if (row.businessOwnerId) {
      owners.set(row.businessOwnerId, row.businessOwnerName ?? row.businessOwnerId);
    }
  }
  return {
    teams: [...teams].sort(compareText),
    owners: [...owners].map(([id, name]) => ({ id, name })).sort((a, b) => compareText(a.name, b.name)),
  };
}

/**
 * The list's first page from a large registry's head (storage/documents/indexHead.ts) while the
 * rest is decoded: `headRows` are the rows of the head's services, `names` every service's id and
 * name. Undefined when the head cannot answer `query`: a search, a filter, another sort or page,
 * or a reader whose language puts a service outside the head on the first page.
 */
export function previewPage(
  headRows: ServiceRow[],
  names: ReadonlyArray<readonly [id: string, name: string]>,
  query: ServicesQuery
): ServicesPage | undefined {
  if (rowFilter(query) || query.sort !== 'name' || query.desc || query.page !== 1) {
    return undefined;
  }
  const byId = new Map(headRows.map((row) => [row.id, row]));
  const rows: ServiceRow[] = [];
  for (const { id } of names
    .map(([id, name]) => ({ id, name }))
    .sort(nameOrder)
    .slice(0, query.pageSize)) {
    const row = byId.get(id);
    if (!row) {
      return undefined;
    }
    rows.push(row);
  }
  const pages = Math.max(1, Math.ceil(names.length / query.pageSize));
  return { rows, total: names.length, pages, page: 1 };
}
