import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, ComboboxOption, FilterInput, MultiCombobox, Stack, useStyles2 } from '@grafana/ui';
import { testIds } from '../../../components/testIds';
import { statusLabel } from '../sloTexts';
import { SLO_STATUSES, SloListStatus } from './sloRows';
import { SloFilterChoices, SlosQuery } from './slosQuery';

interface Props {
  query: SlosQuery;
  onChange(patch: Partial<SlosQuery>): void;
  choices: SloFilterChoices;
}

function valuesOf<T extends string>(options: Array<ComboboxOption<T>>): T[] {
  return options.map((option) => option.value);
}

/** Search box and filters of the SLO list; every value lives in the URL. */
export function SlosFilters({ query, onChange, choices }: Props) {
  const styles = useStyles2(getStyles);
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
  const filtered =
    query.text !== '' || query.services.length + query.owners.length + query.teams.length + query.statuses.length > 0;

  return (
    <Stack direction="column" gap={1}>
      <FilterInput
        className={styles.search}
        value={query.text}
        onChange={(text) => onChange({ text })}
        placeholder={t('bizowner.slos.filter.search', 'Search by SLO, service, owner or team')}
        data-testid={testIds.slos.search}
      />
      <Stack gap={1} wrap="wrap" alignItems="center">
        <MultiCombobox<string>
          options={serviceOptions}
          value={query.services}
          onChange={(options) => onChange({ services: valuesOf(options) })}
          placeholder={t('bizowner.slos.filter.service', 'Service')}
          width="auto"
          minWidth={14}
        />
        <MultiCombobox<string>
          options={ownerOptions}
          value={query.owners}
          onChange={(options) => onChange({ owners: valuesOf(options) })}
          placeholder={t('bizowner.slos.filter.owner', 'Business owner')}
          width="auto"
          minWidth={20}
        />
        <MultiCombobox<string>
          options={teamOptions}
          value={query.teams}
          onChange={(options) => onChange({ teams: valuesOf(options) })}
          placeholder={t('bizowner.slos.filter.team', 'Team')}
          width="auto"
          minWidth={12}
        />
        <MultiCombobox<SloListStatus>
          options={statusOptions}
          value={query.statuses}
          onChange={(options) => onChange({ statuses: valuesOf(options) })}
          placeholder={t('bizowner.slos.filter.status', 'Status')}
          width="auto"
          minWidth={12}
        />
        {filtered && (
          <Button
            variant="secondary"
            fill="text"
            icon="times"
            onClick={() => onChange({ text: '', services: [], owners: [], teams: [], statuses: [] })}
            data-testid={testIds.slos.clearFilters}
          >
            {t('bizowner.slos.filter.clear', 'Clear filters')}
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
