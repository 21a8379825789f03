import { useState } from 'react';
import { queryFromParams, queryToParams, keepingListIdentity } from '../../../domain/registryView/queryParams';
import { ServicesQuery } from '../../../domain/registryView/servicesQuery';
import { useUrlQuery } from '../../../components/ListFilters/useUrlQuery';

/**
 * The services list's filters, kept in the URL (see `useUrlQuery`). Filter lists that did not
 * change keep their identity, so a keystroke in the search box does not render the filter pickers again.
 */
export function useServicesQuery(): [ServicesQuery, (patch: Partial<ServicesQuery>) => void] {
  const [keep] = useState(keepingListIdentity);
  return useUrlQuery(queryFromParams, queryToParams, keep);
}
