import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Stack } from '@grafana/ui';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded, RegistryLoading } from '../../../components/Registry/RegistryLoaded';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { PagedTable } from '../../../components/PagedTable/PagedTable';
import { usePageLive } from '../../../components/LiveValues/liveState';
import { LiveDataNotice } from '../../../components/Status/LiveDataNotice';
import { liveStateReason } from '../../../components/LiveValues/liveTexts';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { queryFromParams } from '../../../domain/registryView/queryParams';
import { buildServiceRows } from '../../../domain/registryView/serviceRows';
import { filterChoices, previewPage, queryServices, SORT_KEYS } from '../../../domain/registryView/servicesQuery';
import { serviceCreateUrl, servicesImportUrl } from '../../../routing';
import { useRegistry } from '../../../storage/RegistryContext';
import { RegistryPreview } from '../../../storage/types';
import { afterNextFrame } from '../../../components/afterNextFrame';
import { ServicesEmpty } from './ServicesEmpty';
import { ServicesFilters } from './ServicesFilters';
import { useServiceColumns } from './serviceColumns';
import { useServicesQuery } from './useServicesQuery';

/** The services list page: every service with owner, status and scorecard; filters in the URL. */
export function ServicesList() {
  return (
    <RegistryLoaded preview={(preview) => <ServicesTable doc={preview.doc} preview={preview} />}>
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

const NO_CHOICES = { teams: [], owners: [] };

/**
 * The list. With `preview` (a large registry's head, while the rest is decoded) `doc` holds only
 * the head's services: the first page by name shows at once and the filter pickers wait.
 */
function ServicesTable({ doc, preview }: { doc: RegistryDocument; preview?: RegistryPreview }) {
  const { live, state, dataSource } = usePageLive(doc.settings.prometheus);
  const { previewShown } = useRegistry();
  const rows = useMemo(() => buildServiceRows(doc, live), [doc, live]);
  const choices = useMemo(() => (preview ? NO_CHOICES : filterChoices(rows)), [rows, preview]);
  const [query, setQuery] = useServicesQuery();
  // A keystroke renders the table in the same pass as the search box: at 5,000 services the whole pass
  // takes about 30 ms, where a deferred table (the box first, the table in a pass of its own that
  // yields every few milliseconds) showed the match about 30 ms later (bench/RESULTS.md, "UI scale").
  const result = useMemo(
    () => (preview ? previewPage(rows, preview.serviceNames, query) : queryServices(rows, query)),
    [rows, query, preview]
  );
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

  // The whole registry is decoded once the preview's frame is painted (or the spinner's, when it cannot answer).
  useEffect(() => (preview ? afterNextFrame(previewShown) : undefined), [preview, previewShown]);

  if (!result) {
    // The head cannot answer the address's query: the whole registry is on its way.
    return <RegistryLoading />;
  }
  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <LiveDataNotice state={state} dataSource={dataSource} />
      <Stack justifyContent="space-between" alignItems="flex-start" wrap="wrap">
        <ServicesFilters
          query={query}
          onChange={setQuery}
          teams={choices.teams}
          owners={choices.owners}
          pending={preview !== undefined}
        />
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
          total: preview ? preview.serviceNames.length : rows.length,
        })}
        noMatchText={t('bizowner.services.noMatch', 'No service matches these filters.')}
        countTestId={testIds.services.count}
        listTestId={testIds.services.list}
      />
    </Stack>
  );
}
