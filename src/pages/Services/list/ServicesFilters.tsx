import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import {
  Button,
  ComboboxOption,
  FilterInput,
  InlineField,
  InlineSwitch,
  MultiCombobox,
  Stack,
  useStyles2,
} from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { lifecycleLabel, tierLabel } from '../../../components/labels';
import { LIFECYCLES, Lifecycle, Tier } from '../../../domain/model';
import { NO_OWNER, ServicesQuery } from '../../../domain/registryView/servicesQuery';

interface Props {
  query: ServicesQuery;
  onChange(patch: Partial<ServicesQuery>): void;
  teams: string[];
  owners: Array<{ id: string; name: string }>;
}

const TIERS: Tier[] = [1, 2, 3, 4];

function valuesOf<T extends string | number>(options: Array<ComboboxOption<T>>): T[] {
  return options.map((option) => option.value);
}

/** Search box and filters of the services list; every value lives in the URL. */
export function ServicesFilters({ query, onChange, teams, owners }: Props) {
  const styles = useStyles2(getStyles);
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
  const filtered =
    query.text !== '' ||
    query.tiers.length + query.lifecycles.length + query.teams.length + query.owners.length > 0 ||
    query.needsAttention;

  return (
    <Stack direction="column" gap={1}>
      <FilterInput
        className={styles.search}
        value={query.text}
        onChange={(text) => onChange({ text })}
        placeholder={t('bizowner.services.filter.search', 'Search by name, id, description, owner or team')}
        data-testid={testIds.services.search}
      />
      <Stack gap={1} wrap="wrap" alignItems="center">
        <MultiCombobox<Tier>
          options={tierOptions}
          value={query.tiers}
          onChange={(options) => onChange({ tiers: valuesOf(options) })}
          placeholder={t('bizowner.services.filter.tier', 'Tier')}
          width="auto"
          minWidth={12}
        />
        <MultiCombobox<Lifecycle>
          options={lifecycleOptions}
          value={query.lifecycles}
          onChange={(options) => onChange({ lifecycles: valuesOf(options) })}
          placeholder={t('bizowner.services.filter.lifecycle', 'Lifecycle')}
          width="auto"
          minWidth={14}
        />
        <MultiCombobox<string>
          options={teamOptions}
          value={query.teams}
          onChange={(options) => onChange({ teams: valuesOf(options) })}
          placeholder={t('bizowner.services.filter.team', 'Team')}
          width="auto"
          minWidth={14}
        />
        <MultiCombobox<string>
          options={ownerOptions}
          value={query.owners}
          onChange={(options) => onChange({ owners: valuesOf(options) })}
          placeholder={t('bizowner.services.filter.owner', 'Business owner')}
          width="auto"
          minWidth={20}
        />
        <InlineField label={t('bizowner.services.filter.attention', 'Needs attention')} transparent>
          <InlineSwitch
            value={query.needsAttention}
            onChange={() => onChange({ needsAttention: !query.needsAttention })}
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
        {filtered && (
          <Button
            variant="secondary"
            fill="text"
            icon="times"
            onClick={() =>
              onChange({ text: '', tiers: [], lifecycles: [], teams: [], owners: [], needsAttention: false })
            }
            data-testid={testIds.services.clearFilters}
          >
            {t('bizowner.services.filter.clear', 'Clear filters')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  search: css({
    maxWidth: theme.spacing(80),
  }),
});
