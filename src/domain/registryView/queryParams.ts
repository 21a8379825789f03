/**
 * The services list's filters as URL query parameters, e.g.
 * `?q=pay&tier=1,2&lifecycle=production&owner=ana&attention=1&sort=budget&dir=desc&page=3`.
 * Unknown or malformed values are dropped rather than refused: a hand-edited URL still opens.
 */
import { LIFECYCLES, Lifecycle, Tier } from '../model';
import { defaultQuery, ServicesQuery, SORT_KEYS, SortKey } from './servicesQuery';

/** Query parameters as read from the URL: text, numbers, flags, or lists when repeated. */
export type QueryParams = Record<string, unknown>;

/** Parameters the list owns; `undefined` removes a parameter from the URL. */
export type QueryParamUpdate = Record<
  'q' | 'tier' | 'lifecycle' | 'team' | 'owner' | 'attention' | 'sort' | 'dir' | 'page',
  string | undefined
>;

function values(params: QueryParams, key: string): string[] {
  const raw = params[key];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function isTier(value: number): value is Tier {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Reads the list's query from URL parameters; missing ones take their defaults. */
export function queryFromParams(params: QueryParams): ServicesQuery {
  const base = defaultQuery();
  const sort = values(params, 'sort')[0];
  const page = Number(values(params, 'page')[0]);
  return {
    ...base,
    text: values(params, 'q').join(' '),
    tiers: values(params, 'tier').map(Number).filter(isTier),
    lifecycles: values(params, 'lifecycle').filter((value): value is Lifecycle =>
      (LIFECYCLES as readonly string[]).includes(value)
    ),
    teams: values(params, 'team'),
    owners: values(params, 'owner'),
    needsAttention: values(params, 'attention')[0] === '1',
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : base.sort,
    desc: values(params, 'dir')[0] === 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function joined(list: Array<string | number>): string | undefined {
  return list.length > 0 ? list.join(',') : undefined;
}

/** The parameters for `query`; defaults are left out so that a plain list has a plain URL. */
export function queryToParams(query: ServicesQuery): QueryParamUpdate {
  const base = defaultQuery();
  return {
    q: query.text.trim() || undefined,
    tier: joined(query.tiers),
    lifecycle: joined(query.lifecycles),
    team: joined(query.teams),
    owner: joined(query.owners),
    attention: query.needsAttention ? '1' : undefined,
    sort: query.sort === base.sort ? undefined : query.sort,
    dir: query.desc ? 'desc' : undefined,
    page: query.page > 1 ? String(query.page) : undefined,
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The keys of `Q` that hold lists. */
type ListKeys<Q> = { [K in keyof Q]: Q[K] extends readonly unknown[] ? K : never }[keyof Q];

/** The filter lists of the services list's query. */
export const SERVICES_QUERY_LISTS: ReadonlyArray<ListKeys<ServicesQuery>> = ['tiers', 'lifecycles', 'teams', 'owners'];

/**
 * A function that returns the query it is given, with each filter list (`lists`) that holds the same
 * values as in the query it returned before replaced by that earlier list: unchanged filters keep their
 * identity from one URL to the next, so that a keystroke in the search box or a choice in one picker
 * leaves the other pickers alone; a query equal to the one before is returned as that one.
 */
export function keepingListIdentity<Q extends object>(lists: ReadonlyArray<ListKeys<Q>>): (next: Q) => Q {
  let previous: Q | undefined;
  return (next) => {
    const before = previous;
    const kept = before && { ...next };
    if (before && kept) {
      for (const key of lists) {
        const earlier = before[key] as readonly unknown[];
        if (sameItems(earlier, next[key] as readonly unknown[])) {
          kept[key] = before[key];
        }
      }
    }
    // A query equal to the one before is that one, e.g. once a change shown from state reaches the URL.
    const same = before && kept && (Object.keys(kept) as Array<keyof Q>).every((key) => kept[key] === before[key]);
    previous = same ? before : (kept ?? next);
    return previous;
  };
}
