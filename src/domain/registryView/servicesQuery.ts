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

/** Whether a row passes every filter of `query` (an empty filter passes everything). */
export function matchesQuery(row: ServiceRow, query: ServicesQuery): boolean {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.some((word) => !row.searchText.includes(word))) {
    return false;
  }
  if (query.tiers.length > 0 && !query.tiers.includes(row.tier)) {
    return false;
  }
  if (query.lifecycles.length > 0 && !query.lifecycles.includes(row.lifecycle)) {
    return false;
  }
  if (query.teams.length > 0 && !(row.team !== undefined && query.teams.includes(row.team))) {
    return false;
  }
  if (query.owners.length > 0 && !query.owners.includes(row.businessOwnerId ?? NO_OWNER)) {
    return false;
  }
  return !query.needsAttention || row.needsAttention;
}

const LEVEL_RANK: Record<ScoreLevel, number> = { none: 0, beginner: 1, intermediate: 2, advanced: 3 };

function text(value: string | undefined): string {
  return value ?? '';
}

/** Compares two rows on `key`; rows without a value (no owner, no budget) sort after those with one. */
function compareOn(key: SortKey, a: ServiceRow, b: ServiceRow): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'tier':
      return a.tier - b.tier;
    case 'lifecycle':
      return LIFECYCLES.indexOf(a.lifecycle) - LIFECYCLES.indexOf(b.lifecycle);
    case 'owner':
      return (
        missingLast(a.businessOwnerName, b.businessOwnerName) ||
        text(a.businessOwnerName).localeCompare(text(b.businessOwnerName))
      );
    case 'team':
      return missingLast(a.team, b.team) || text(a.team).localeCompare(text(b.team));
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

/** Sorts a copy of `rows` on `key`, ties by name then id, so that the order is stable. */
export function sortRows(rows: ServiceRow[], key: SortKey, desc: boolean): ServiceRow[] {
  const sign = desc ? -1 : 1;
  return [...rows].sort(
    (a, b) => sign * compareOn(key, a, b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  );
}

/** Filters, sorts and cuts out one page of `rows`. */
export function queryServices(rows: ServiceRow[], query: ServicesQuery): ServicesPage {
  const matching = rows.filter((row) => matchesQuery(row, query));
  const sorted = sortRows(matching, query.sort, query.desc);
  const pages = Math.max(1, Math.ceil(sorted.length / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  const start = (page - 1) * query.pageSize;
  return { rows: sorted.slice(start, start + query.pageSize), total: sorted.length, pages, page };
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
    teams: [...teams].sort((a, b) => a.localeCompare(b)),
    owners: [...owners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
