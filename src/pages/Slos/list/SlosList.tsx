import React, { useCallback, useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Button, EmptyState, Stack } from '@grafana/ui';
import { usePageLive } from '../../../components/LiveValues/liveState';
import { PagedTable } from '../../../components/PagedTable/PagedTable';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice/ReadOnlyNotice';
import { NoServicesEmptyState } from '../../../components/Registry/NoServicesEmptyState';
import { LiveDataNotice } from '../../../components/Status/LiveDataNotice';
import { RegistryLoaded } from '../../../components/Registry/RegistryLoaded';
import { WriteButton } from '../../../components/Registry/WriteButton';
import { testIds } from '../../../components/testIds';
import { RegistryDocument } from '../../../domain/model';
import { sloEditUrl } from '../../../routing';
import { EscalationButton } from '../escalation/EscalationButton';
import { DownloadAllRules } from './DownloadAllRules';
import { SlosFilters } from './SlosFilters';
import { useSloColumns } from './sloColumns';
import { groupSummaryQueries, readGroupSummaries } from './groupValues';
import { ExpandedGroups } from './SloGroups';
import { buildSloRows, SloRow } from './sloRows';
import { querySlos, SLO_SORT_KEYS, sloFilterChoices, slosQueryFromParams } from './slosQuery';
import { useSloMeasurements } from './useSloMeasurements';
import { useSlosQuery } from './useSlosQuery';
import { useInstantAnswer } from '../../../api/prometheus/useInstantAnswer';

/** The SLO list page: every SLO with its owner, values and alert state; filters in the URL. */
export function SlosList() {
  return (
    <RegistryLoaded>
      {(doc) => (doc.slos.length > 0 ? <SlosTable doc={doc} /> : doc.services.length > 0 ? <NoSlos /> : <NoServices />)}
    </RegistryLoaded>
  );
}

/** An SLO belongs to a service: with none in the registry, the way forward is to add one. */
function NoServices() {
  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <NoServicesEmptyState
        message={t('bizowner.slos.noServices.title', 'No services yet, so no SLOs')}
        testId={testIds.slos.empty}
        createTestId={testIds.slos.createService}
      >
        {t(
          'bizowner.slos.noServices.body',
          'Every SLO belongs to a service, so a service comes first: add one (or import a Backstage catalog or OpenSLO definitions), then write its SLOs here.'
        )}
      </NoServicesEmptyState>
    </Stack>
  );
}

function NoSlos() {
  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <div data-testid={testIds.slos.empty}>
        <EmptyState
          variant="call-to-action"
          message={t('bizowner.slos.none.title', 'No SLOs yet')}
          button={
            <WriteButton href={sloEditUrl()} icon="plus" data-testid={testIds.slos.create}>
              {t('bizowner.slos.none.create', 'Create your first SLO')}
            </WriteButton>
          }
        >
          {t(
            'bizowner.slos.none.body',
            'Write an SLO with a live preview of its SLI, or import OpenSLO, Sloth or native YAML on the configuration page.'
          )}
        </EmptyState>
      </div>
    </Stack>
  );
}

/**
 * The registry pages' notice while the values are read, or when they cannot be (each row's source
 * badge says which SLOs lack their recording rules). Its own component, so that the list does not
 * render again when the notice changes.
 */
function SlosLiveNotice({ doc }: { doc: RegistryDocument }) {
  const { state, dataSource } = usePageLive(doc.settings.prometheus);
  return <LiveDataNotice state={state?.kind === 'rulesNotLoaded' ? undefined : state} dataSource={dataSource} />;
}

/**
 * How many groups each grouped SLO has and which is worst: two queries for the whole registry, read
 * after each read of the values (`values` changes on refresh), so that a refresh reads both.
 */
function useGroupSummaries(doc: RegistryDocument, values: unknown) {
  const queries = useMemo(() => (values ? groupSummaryQueries(doc.slos) : []), [doc, values]);
  const key = useMemo(() => ({ doc, values }), [doc, values]);
  return useInstantAnswer(doc.settings.prometheus, queries, (results) => readGroupSummaries(doc.slos, results), key);
}

function SlosTable({ doc }: { doc: RegistryDocument }) {
  const { values, loading, refresh } = useSloMeasurements(doc);
  const groups = useGroupSummaries(doc, values);
  const rows = useMemo(() => buildSloRows(doc, values, groups), [doc, values, groups]);
  const slos = useMemo(() => new Map(doc.slos.map((slo) => [slo.id, slo])), [doc]);
  const expanded = useCallback(
    (row: SloRow) => <ExpandedGroups slo={slos.get(row.id)} datasource={doc.settings.prometheus} />,
    [slos, doc.settings.prometheus]
  );
  const choices = useMemo(() => sloFilterChoices(rows), [rows]);
  const [query, setQuery] = useSlosQuery();
  const result = useMemo(() => querySlos(rows, query), [rows, query]);
  const columns = useSloColumns();
  // The table's props keep their identity unless its rows change, so that a choice in a picker or a
  // keystroke does not render the table again for nothing.
  const [initialSort] = useState(() => ({ sort: query.sort, desc: query.desc }));
  const onNavigate = useCallback((page: number) => setQuery({ page }), [setQuery]);
  const grouped = useMemo(() => groupSummaryQueries(doc.slos).length > 0, [doc]);
  // Kept while the values' reading state stays: a choice in a picker or a keystroke leaves the buttons alone.
  const actions = useMemo(
    () => (
      <Stack gap={1}>
        <Button
          variant="secondary"
          icon={loading ? 'spinner' : 'sync'}
          onClick={refresh}
          disabled={loading}
          data-testid={testIds.slos.refresh}
        >
          {t('bizowner.slos.refresh', 'Refresh values')}
        </Button>
        <DownloadAllRules doc={doc} />
        <EscalationButton doc={doc} />
        <WriteButton href={sloEditUrl()} icon="plus" data-testid={testIds.slos.create}>
          {t('bizowner.slos.add', 'New SLO')}
        </WriteButton>
      </Stack>
    ),
    [loading, refresh, doc]
  );

  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <SlosLiveNotice doc={doc} />
      <Stack justifyContent="space-between" alignItems="flex-start" wrap="wrap">
        <SlosFilters query={query} onChange={setQuery} choices={choices} />
        {actions}
      </Stack>
      <PagedTable
        columns={columns}
        result={result}
        sortKeys={SLO_SORT_KEYS}
        defaultSort="name"
        initialSort={initialSort}
        readSort={slosQueryFromParams}
        onSortChange={setQuery}
        onNavigate={onNavigate}
        countText={t('bizowner.slos.count', '{{shown}} of {{total}} SLOs', { shown: result.total, total: rows.length })}
        noMatchText={t('bizowner.slos.noMatch', 'No SLO matches these filters.')}
        countTestId={testIds.slos.count}
        listTestId={testIds.slos.list}
        renderExpandedRow={grouped ? expanded : undefined}
      />
    </Stack>
  );
}
