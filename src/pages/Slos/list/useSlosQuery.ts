import { useState } from 'react';
import { useUrlQuery } from '../../../components/ListFilters/useUrlQuery';
import { keepingListIdentity } from '../../../domain/registryView/queryParams';
import { SLOS_QUERY_LISTS, SlosQuery, slosQueryFromParams, slosQueryToParams } from './slosQuery';

/**
 * The SLO list's filters and sort, kept in the URL (see `useUrlQuery`). Filter lists that did not
 * change keep their identity, so that a keystroke or a choice in one picker leaves the other pickers alone.
 */
export function useSlosQuery(): [SlosQuery, (patch: Partial<SlosQuery>) => void] {
  const [keep] = useState(() => keepingListIdentity<SlosQuery>(SLOS_QUERY_LISTS));
  return useUrlQuery(slosQueryFromParams, slosQueryToParams, keep);
}
