import React, { useCallback, useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Button, InlineField, InlineSwitch } from '@grafana/ui';
import { ListFilters, MultiFilter } from '../../../components/ListFilters/ListFilters';
import { testIds } from '../../../components/testIds';
import { lifecycleLabel, tierLabel } from '../../../components/labels';
import { LIFECYCLES, Lifecycle, Tier } from '../../../domain/model';
import { NO_OWNER, ServicesQuery } from '../../../domain/registryView/servicesQuery';

interface Props {
  query: ServicesQuery;
  onChange(patch: Partial<ServicesQuery>): void;
  teams: string[];
  owners: Array<{ id: string; name: string }>;
  /** The pickers wait (boxes in their place) until the whole registry gives their choices. */
  pending?: boolean;
}

const TIERS: Tier[] = [1, 2, 3, 4];

/** Search box and filters of the services list; every value lives in the URL. */
export function ServicesFilters({ query, onChange, teams, owners, pending = false }: Props) {
  const tierOptions = useMemo(() => TIERS.map((tier) => ({ value: tier, label: tierLabel(tier) })), []);
  const lifecycleOptions = useMemo(() => LIFECYCLES.map((value) => ({ value, label: lifecycleLabel(value) })), []);
  const teamOptions = useMemo(() => teams.map((team) => ({ value: team, label: team })), [teams]);
  const ownerOptions = useMemo(
    () => [
      { value: NO_OWNER, label: t('bizowner.services.filter.noOwner', 'No business owner') },
      ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
    ],
    [owners]
  );
  const { tiers, lifecycles, teams: chosenTeams, owners: chosenOwners, needsAttention } = query;
  // Each picker is its own element, kept while its options and value stay: a keystroke leaves them
  // all alone and a choice in one renders that one only (the owner picker holds a few hundred
  // options at 5,000 services, and each picker measures itself as it renders).
  const tierPicker = useMemo(
    () => (
      <MultiFilter<Tier>
        options={tierOptions}
        value={tiers}
        onChange={(chosen) => onChange({ tiers: chosen })}
        placeholder={t('bizowner.services.filter.tier', 'Tier')}
        minWidth={12}
        pending={pending}
      />
    ),
    [tierOptions, tiers, onChange, pending]
  );
  const lifecyclePicker = useMemo(
    () => (
      <MultiFilter<Lifecycle>
        options={lifecycleOptions}
        value={lifecycles}
        onChange={(chosen) => onChange({ lifecycles: chosen })}
        placeholder={t('bizowner.services.filter.lifecycle', 'Lifecycle')}
        minWidth={14}
        pending={pending}
      />
    ),
    [lifecycleOptions, lifecycles, onChange, pending]
  );
  const teamPicker = useMemo(
    () => (
      <MultiFilter<string>
        options={teamOptions}
        value={chosenTeams}
        onChange={(chosen) => onChange({ teams: chosen })}
        placeholder={t('bizowner.services.filter.team', 'Team')}
        minWidth={14}
        pending={pending}
      />
    ),
    [teamOptions, chosenTeams, onChange, pending]
  );
  const ownerPicker = useMemo(
    () => (
      <MultiFilter<string>
        options={ownerOptions}
        value={chosenOwners}
        onChange={(chosen) => onChange({ owners: chosen })}
        placeholder={t('bizowner.services.filter.owner', 'Business owner')}
        minWidth={20}
        pending={pending}
      />
    ),
    [ownerOptions, chosenOwners, onChange, pending]
  );
  const others = useMemo(
    () => (
      <>
        <InlineField label={t('bizowner.services.filter.attention', 'Needs attention')} transparent>
          <InlineSwitch
            id="services-needs-attention"
            value={needsAttention}
            onChange={() => onChange({ needsAttention: !needsAttention })}
            data-testid={testIds.services.attention}
            aria-label={t('bizowner.services.filter.attention', 'Needs attention')}
          />
        </InlineField>
        <Button
          variant="secondary"
          fill="text"
          icon="user"
          onClick={() => onChange({ owners: [NO_OWNER] })}
          data-testid={testIds.services.noOwner}
        >
          {t('bizowner.services.filter.withoutOwner', 'Without a business owner')}
        </Button>
      </>
    ),
    [needsAttention, onChange]
  );
  const onSearch = useCallback((text: string) => onChange({ text }), [onChange]);
  const onClear = useCallback(
    () => onChange({ text: '', tiers: [], lifecycles: [], teams: [], owners: [], needsAttention: false }),
    [onChange]
  );
  const filtered =
    query.text !== '' ||
    tiers.length + lifecycles.length + chosenTeams.length + chosenOwners.length > 0 ||
    needsAttention;

  return (
    <ListFilters
      searchText={query.text}
      onSearch={onSearch}
      searchPlaceholder={t('bizowner.services.filter.search', 'Search by name, id, description, owner or team')}
      searchTestId={testIds.services.search}
      filtered={filtered}
      onClear={onClear}
      clearLabel={t('bizowner.services.filter.clear', 'Clear filters')}
      clearTestId={testIds.services.clearFilters}
    >
      {tierPicker}
      {lifecyclePicker}
      {teamPicker}
      {ownerPicker}
      {others}
    </ListFilters>
  );
}
