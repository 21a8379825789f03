import { useCallback, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { locationSearchToObject, locationService } from '@grafana/runtime';
import { SlosQuery, slosQueryFromParams, slosQueryToParams } from './slosQuery';

/**
 * The list's filters and sort, read from and written to the URL so that a filtered list can be
 * shared and restored with the back button. A filter change goes back to the first page; writes
 * replace the history entry rather than add one per keystroke.
 */
export function useSlosQuery(): [SlosQuery, (patch: Partial<SlosQuery>) => void] {
  const { search } = useLocation();
  const query = useMemo(() => slosQueryFromParams(locationSearchToObject(search)), [search]);
  const update = useCallback((patch: Partial<SlosQuery>) => {
    const current = slosQueryFromParams(locationService.getSearchObject());
    locationService.partial(slosQueryToParams({ ...current, page: 1, ...patch }), true);
  }, []);
  return [query, update];
}
