import React, { useCallback, useDeferredValue, useMemo } from 'react';
import { locationService } from '@grafana/runtime';
import { t } from '@grafana/i18n';
import { FetchDataFunc, InteractiveTable, Pagination, Stack, Text } from '@grafana/ui';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { useLiveValues } from '../../../components/LiveValues/LiveValuesContext';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { LiveDataNotice } from '../../../components/Status/LiveDataNotice';
import { noLiveDataReason } from '../../../components/labels';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { queryFromParams } from '../../../domain/registryView/queryParams';
import { buildServiceRows, ServiceRow } from '../../../domain/registryView/serviceRows';
import { filterChoices, queryServices, SORT_KEYS, SortKey } from '../../../domain/registryView/servicesQuery';
import { serviceCreateUrl, servicesImportUrl } from '../../../routing';
import { ServicesEmpty } from './ServicesEmpty';
import { ServicesFilters } from './ServicesFilters';
import { useServiceColumns } from './serviceColumns';
import { useServicesQuery } from './useServicesQuery';

const rowId = (row: ServiceRow) => row.id;

/** The services list page: every service with owner, status and scorecard; filters in the URL. */
export function ServicesList() {
  return (
    <RegistryLoaded>
      {(doc) => (doc.services.length === 0 ? <EmptyRegistry /> : <ServicesTable doc={doc} />)}
    </RegistryLoaded>
  );
}

function EmptyRegistry() {
  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <ServicesEmpty />
    </Stack>
  );
}

function ServicesTable({ doc }: { doc: RegistryDocument }) {
  const live = useLiveValues();
  const rows = useMemo(() => buildServiceRows(doc, live), [doc, live]);
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const [query, setQuery] = useServicesQuery();
  // The search box shows each keystroke at once; the table follows when React has time.
  const deferredQuery = useDeferredValue(query);
  const result = useMemo(() => queryServices(rows, deferredQuery), [rows, deferredQuery]);
  const prometheusConfigured = Boolean(doc.settings.prometheus?.uid);
  const missingReason = live?.slos ? undefined : noLiveDataReason(prometheusConfigured);
  const columns = useServiceColumns(missingReason);

  // InteractiveTable reports its sort state; the sorting itself runs over all rows in queryServices.
  const onSort = useCallback<FetchDataFunc<ServiceRow>>(
    ({ sortBy }) => {
      const [first] = sortBy;
      const sort = first && (SORT_KEYS as readonly string[]).includes(first.id) ? (first.id as SortKey) : 'name';
      const desc = Boolean(first?.desc);
      const current = queryFromParams(locationService.getSearchObject());
      if (sort !== current.sort || desc !== current.desc) {
        setQuery({ sort, desc });
      }
    },
    [setQuery]
  );
  const initialSortBy = useMemo(() => [{ id: query.sort, desc: query.desc }], []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      {!live?.slos && <LiveDataNotice prometheusConfigured={prometheusConfigured} />}
      <Stack justifyContent="space-between" alignItems="flex-start" wrap="wrap">
        <ServicesFilters query={query} onChange={setQuery} teams={choices.teams} owners={choices.owners} />
        <Stack gap={1}>
          <WriteButton
            href={servicesImportUrl()}
            icon="import"
            variant="secondary"
            data-testid={testIds.services.import}
          >
            {t('bizowner.services.import', 'Import')}
          </WriteButton>
          <WriteButton href={serviceCreateUrl()} icon="plus" data-testid={testIds.services.create}>
            {t('bizowner.services.add', 'Add service')}
          </WriteButton>
        </Stack>
      </Stack>
      <Text color="secondary" data-testid={testIds.services.count}>
        {t('bizowner.services.count', '{{shown}} of {{total}} services', { shown: result.total, total: rows.length })}
      </Text>
      <div data-testid={testIds.services.list}>
        {result.total === 0 ? (
          <Text color="secondary">{t('bizowner.services.noMatch', 'No service matches these filters.')}</Text>
        ) : (
          <InteractiveTable<ServiceRow>
            columns={columns}
            data={result.rows}
            getRowId={rowId}
            fetchData={onSort}
            initialSortBy={initialSortBy}
            disableSortRemove
          />
        )}
      </div>
      <Pagination
        currentPage={result.page}
        numberOfPages={result.pages}
        onNavigate={(page) => setQuery({ ...query, page })}
        hideWhenSinglePage
      />
    </Stack>
  );
}
