import React, { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Stack } from '@grafana/ui';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { PagedTable } from '../../../components/PagedTable/PagedTable';
import { usePageLive } from '../../../components/LiveValues/liveState';
import { LiveDataNotice } from '../../../components/Status/LiveDataNotice';
import { liveStateReason } from '../../../components/LiveValues/liveTexts';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { queryFromParams } from '../../../domain/registryView/queryParams';
import { buildServiceRows } from '../../../domain/registryView/serviceRows';
import { filterChoices, queryServices, SORT_KEYS } from '../../../domain/registryView/servicesQuery';
import { serviceCreateUrl, servicesImportUrl } from '../../../routing';
import { ServicesEmpty } from './ServicesEmpty';
import { ServicesFilters } from './ServicesFilters';
import { useServiceColumns } from './serviceColumns';
import { useServicesQuery } from './useServicesQuery';

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
  const { live, state, dataSource } = usePageLive(doc.settings.prometheus);
  const rows = useMemo(() => buildServiceRows(doc, live), [doc, live]);
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const [query, setQuery] = useServicesQuery();
  // The search box shows each keystroke at once; the table follows when React has time. Only typing
  // waits: a filter chosen in a picker renders the table in the same pass, since a deferred pass
  // renders everything twice and yields to the browser every few milliseconds on the way.
  const deferredQuery = useDeferredValue(query);
  const tableQuery = deferredQuery.text === query.text ? query : deferredQuery;
  const result = useMemo(() => queryServices(rows, tableQuery), [rows, tableQuery]);
  const missingReason = liveStateReason(state, dataSource);
  const columns = useServiceColumns(missingReason);
  // Read by the table when it mounts only; kept so that the table's props stay the same while typing.
  const [initialSort] = useState(() => ({ sort: query.sort, desc: query.desc }));
  const onNavigate = useCallback((page: number) => setQuery({ page }), [setQuery]);
  // The same element on every render: a choice in a picker or a keystroke leaves the buttons alone.
  const actions = useMemo(
    () => (
      <Stack gap={1}>
        <WriteButton href={servicesImportUrl()} icon="import" variant="secondary" data-testid={testIds.services.import}>
          {t('bizowner.services.import', 'Import')}
        </WriteButton>
        <WriteButton href={serviceCreateUrl()} icon="plus" data-testid={testIds.services.create}>
          {t('bizowner.services.add', 'Add service')}
        </WriteButton>
      </Stack>
    ),
    []
  );

  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <LiveDataNotice state={state} dataSource={dataSource} />
      <Stack justifyContent="space-between" alignItems="flex-start" wrap="wrap">
        <ServicesFilters query={query} onChange={setQuery} teams={choices.teams} owners={choices.owners} />
        {actions}
      </Stack>
      <PagedTable
        columns={columns}
        result={result}
        sortKeys={SORT_KEYS}
        defaultSort="name"
        initialSort={initialSort}
        readSort={queryFromParams}
        onSortChange={setQuery}
        onNavigate={onNavigate}
        countText={t('bizowner.services.count', '{{shown}} of {{total}} services', {
          shown: result.total,
          total: rows.length,
        })}
        noMatchText={t('bizowner.services.noMatch', 'No service matches these filters.')}
        countTestId={testIds.services.count}
        listTestId={testIds.services.list}
      />
    </Stack>
  );
}
