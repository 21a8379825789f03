import { useUrlQuery } from '../../../components/ListFilters/useUrlQuery';
import { SlosQuery, slosQueryFromParams, slosQueryToParams } from './slosQuery';

/** The SLO list's filters and sort, kept in the URL (see `useUrlQuery`). */
export function useSlosQuery(): [SlosQuery, (patch: Partial<SlosQuery>) => void] {
  return useUrlQuery(slosQueryFromParams, slosQueryToParams);
}
