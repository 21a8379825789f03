import { useCallback, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { locationSearchToObject, locationService } from '@grafana/runtime';
import { queryFromParams, queryToParams, keepingListIdentity } from '../../../domain/registryView/queryParams';
import { ServicesQuery } from '../../../domain/registryView/servicesQuery';

/**
 * The list's filters, read from and written to the URL's query parameters, so that a filtered
 * list can be shared, bookmarked and restored with the browser's back button. A filter change goes
 * back to the first page; writes replace the history entry rather than add one per keystroke.
 * Filter lists that did not change keep their identity, so a keystroke in the search box does not
 * render the filter pickers again.
 */
export function useServicesQuery(): [ServicesQuery, (patch: Partial<ServicesQuery>) => void] {
  const { search } = useLocation();
  const [keep] = useState(keepingListIdentity);
  const query = useMemo(() => keep(queryFromParams(locationSearchToObject(search))), [keep, search]);
  const update = useCallback((patch: Partial<ServicesQuery>) => {
    const current = queryFromParams(locationService.getSearchObject());
    locationService.partial(queryToParams({ ...current, page: 1, ...patch }), true);
  }, []);
  return [query, update];
}
