import { useState } from 'react';
import {
  keepingListIdentity,
  queryFromParams,
  queryToParams,
  SERVICES_QUERY_LISTS,
} from '../../../domain/registryView/queryParams';
import { ServicesQuery } from '../../../domain/registryView/servicesQuery';
import { useUrlQuery } from '../../../components/ListFilters/useUrlQuery';

/**
 * The services list's filters, kept in the URL (see `useUrlQuery`). Filter lists that did not
 * change keep their identity, so a keystroke in the search box does not render the filter pickers again,
 * and a choice in one picker renders that one only.
 */
export function useServicesQuery(): [ServicesQuery, (patch: Partial<ServicesQuery>) => void] {
  const [keep] = useState(() => keepingListIdentity<ServicesQuery>(SERVICES_QUERY_LISTS));
  return useUrlQuery(queryFromParams, queryToParams, keep);
}
