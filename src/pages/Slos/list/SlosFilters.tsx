import React, { useCallback, useMemo } from 'react';
import { t } from '@grafana/i18n';
import { ListFilters, MultiFilter } from '../../../components/ListFilters/ListFilters';
import { testIds } from '../../../components/testIds';
import { statusLabel } from '../sloTexts';
import { SLO_STATUSES, SloListStatus } from './sloRows';
import { SloFilterChoices, SlosQuery } from './slosQuery';

interface Props {
  query: SlosQuery;
  onChange(patch: Partial<SlosQuery>): void;
  choices: SloFilterChoices;
}

/** Search box and filters of the SLO list; every value lives in the URL. */
export function SlosFilters({ query, onChange, choices }: Props) {
  const serviceOptions = useMemo(
    () => choices.services.map((service) => ({ value: service.id, label: service.name })),
    [choices.services]
  );
  const ownerOptions = useMemo(
    () => choices.owners.map((owner) => ({ value: owner.id, label: owner.name })),
    [choices.owners]
  );
  const teamOptions = useMemo(() => choices.teams.map((team) => ({ value: team, label: team })), [choices.teams]);
  const statusOptions = useMemo(() => SLO_STATUSES.map((value) => ({ value, label: statusLabel(value) })), []);
  // Each picker is its own element, kept while its options and value stay: a keystroke leaves them
  // all alone and a choice in one renders that one only (each picker measures itself as it renders).
  const servicePicker = useMemo(
    () => (
      <MultiFilter<string>
        options={serviceOptions}
        value={query.services}
        onChange={(services) => onChange({ services })}
        placeholder={t('bizowner.slos.filter.service', 'Service')}
        minWidth={14}
      />
    ),
    [serviceOptions, query.services, onChange]
  );
  const ownerPicker = useMemo(
    () => (
      <MultiFilter<string>
        options={ownerOptions}
        value={query.owners}
        onChange={(owners) => onChange({ owners })}
        placeholder={t('bizowner.slos.filter.owner', 'Business owner')}
        minWidth={20}
      />
    ),
    [ownerOptions, query.owners, onChange]
  );
  const teamPicker = useMemo(
    () => (
      <MultiFilter<string>
        options={teamOptions}
        value={query.teams}
        onChange={(teams) => onChange({ teams })}
        placeholder={t('bizowner.slos.filter.team', 'Team')}
        minWidth={12}
      />
    ),
    [teamOptions, query.teams, onChange]
  );
  const statusPicker = useMemo(
    () => (
      <MultiFilter<SloListStatus>
        options={statusOptions}
        value={query.statuses}
        onChange={(statuses) => onChange({ statuses })}
        placeholder={t('bizowner.slos.filter.status', 'Status')}
        minWidth={12}
      />
    ),
    [statusOptions, query.statuses, onChange]
  );
  const onSearch = useCallback((text: string) => onChange({ text }), [onChange]);
  const onClear = useCallback(
    () => onChange({ text: '', services: [], owners: [], teams: [], statuses: [] }),
    [onChange]
  );
  const filtered =
    query.text !== '' || query.services.length + query.owners.length + query.teams.length + query.statuses.length > 0;

  return (
    <ListFilters
      searchText={query.text}
      onSearch={onSearch}
      searchPlaceholder={t('bizowner.slos.filter.search', 'Search by SLO, service, owner or team')}
      searchTestId={testIds.slos.search}
      filtered={filtered}
      onClear={onClear}
      clearLabel={t('bizowner.slos.filter.clear', 'Clear filters')}
      clearTestId={testIds.slos.clearFilters}
    >
      {servicePicker}
      {ownerPicker}
      {teamPicker}
      {statusPicker}
    </ListFilters>
  );
}
