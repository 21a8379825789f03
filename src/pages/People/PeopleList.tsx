import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Column, FilterInput, InteractiveTable, LinkButton, Stack, Text, TextLink } from '@grafana/ui';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { WriteButton } from '../../components/Registry/WriteButton';
import { roleLabel } from '../../components/labels';
import { testIds } from '../../components/testIds';
import { OWNER_ROLES, RegistryDocument } from '../../domain/model';
import { DirectoryRow, peopleDirectory, servicesWithoutBusinessOwner } from '../../domain/registryView/ownership';
import { NO_OWNER } from '../../domain/registryView/servicesQuery';
import { personCreateUrl, personUrl, servicesUrl } from '../../routing';

type Cell = { row: { original: DirectoryRow } };

function rolesOf(row: DirectoryRow): string {
  return OWNER_ROLES.filter((role) => row.roles[role] > 0)
    .map((role) => `${roleLabel(role)} (${row.roles[role]})`)
    .join(', ');
}

/** The people directory: who owns what, by role. */
export function PeopleList() {
  return <RegistryLoaded>{(doc) => <Directory doc={doc} />}</RegistryLoaded>;
}

function Directory({ doc }: { doc: RegistryDocument }) {
  const [search, setSearch] = useState('');
  const rows = useMemo(() => peopleDirectory(doc), [doc]);
  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    return rows.filter((row) => {
      const text = [row.person.id, row.person.name, row.person.email, row.person.team].join(' ').toLowerCase();
      return words.every((word) => text.includes(word));
    });
  }, [rows, search]);
  const orphans = servicesWithoutBusinessOwner(doc).length;
  const columns = useMemo<Array<Column<DirectoryRow>>>(
    () => [
      {
        id: 'name',
        header: t('bizowner.people.col.name', 'Name'),
        cell: ({ row: { original } }: Cell) => (
          <TextLink href={personUrl(original.person.id)} inline={false}>
            {original.person.name}
          </TextLink>
        ),
      },
      {
        id: 'email',
        header: t('bizowner.people.col.email', 'Email'),
        cell: ({ row: { original } }: Cell) => original.person.email,
      },
      {
        id: 'team',
        header: t('bizowner.people.col.team', 'Team'),
        cell: ({ row: { original } }: Cell) => original.person.team ?? '—',
      },
      {
        id: 'chat',
        header: t('bizowner.people.col.chat', 'Chat'),
        cell: ({ row: { original } }: Cell) => original.person.chat ?? '—',
      },
      {
        id: 'roles',
        header: t('bizowner.people.col.roles', 'Owns (services per role)'),
        cell: ({ row: { original } }: Cell) =>
          rolesOf(original) || <Text color="secondary">{t('bizowner.people.noRoles', 'Nothing yet')}</Text>,
      },
    ],
    []
  );

  return (
    <Stack direction="column" gap={2}>
      <ReadOnlyNotice />
      <Stack justifyContent="space-between" wrap="wrap" gap={1}>
        <FilterInput
          value={search}
          onChange={setSearch}
          placeholder={t('bizowner.people.search', 'Search by name, email or team')}
          aria-label={t('bizowner.people.search', 'Search by name, email or team')}
          width={50}
        />
        <Stack gap={1}>
          <LinkButton
            href={servicesUrl({ owner: NO_OWNER })}
            variant={orphans > 0 ? 'primary' : 'secondary'}
            fill="outline"
            icon="exclamation-triangle"
          >
            {t('bizowner.people.orphans', 'Services without a business owner ({{count}})', { count: orphans })}
          </LinkButton>
          <WriteButton href={personCreateUrl()} icon="plus" data-testid={testIds.people.create}>
            {t('bizowner.people.add', 'Add person')}
          </WriteButton>
        </Stack>
      </Stack>
      <div data-testid={testIds.people.list}>
        {rows.length === 0 ? (
          <Text color="secondary">
            {t(
              'bizowner.people.empty',
              'No people yet. Add the people who own services, or import them with a Backstage catalog.'
            )}
          </Text>
        ) : (
          <InteractiveTable
            columns={columns}
            data={shown}
            getRowId={(row: DirectoryRow) => row.person.id}
            pageSize={50}
          />
        )}
      </div>
    </Stack>
  );
}
