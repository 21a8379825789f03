import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Column, InteractiveTable, Stack, Text, TextLink } from '@grafana/ui';
import { usePageLive } from '../../components/LiveValues/liveState';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice/ReadOnlyNotice';
import { WriteButton } from '../../components/Registry/WriteButton';
import { KeyValueTable } from '../../components/Section/KeyValueTable';
import { Section } from '../../components/Section/Section';
import { BudgetLeft } from '../../components/Status/BudgetLeft';
import { SloHealthBadge } from '../../components/Status/SloHealthBadge';
import { liveStateReason } from '../../components/LiveValues/liveTexts';
import { healthLabel, roleLabel, sloStatusExplanation, tierLabel } from '../../components/labels';
import { testIds } from '../../components/testIds';
import { Person, RegistryDocument, Service } from '../../domain/model';
import { servicesOf } from '../../domain/registryView/ownership';
import { SloSummary, summarizeSlos } from '../../domain/registryView/sloStatus';
import { personEditUrl, serviceUrl } from '../../routing';
import { DeletePersonModal } from './DeletePersonModal';

interface OwnedRow {
  service: Service;
  roles: string;
  summary: SloSummary;
  slos: number;
}

type Cell = { row: { original: OwnedRow } };

/** A person's page: contacts, the services they own by role, and the health of those services' SLOs. */
export function PersonPage({ person, doc }: { person: Person; doc: RegistryDocument }) {
  const { live, state, dataSource } = usePageLive(doc.settings.prometheus);
  const [deleting, setDeleting] = useState(false);
  const reason = liveStateReason(state, dataSource);
  const rows = useMemo<OwnedRow[]>(
    () =>
      servicesOf(doc, person.id).map(({ service, roles, onEscalation }) => {
        const slos = doc.slos.filter((slo) => slo.serviceId === service.id);
        const labels = [...roles.map(roleLabel), ...(onEscalation ? [roleLabel('escalation')] : [])];
        return { service, roles: labels.join(', '), summary: summarizeSlos(slos, live?.slos), slos: slos.length };
      }),
    [doc, person.id, live]
  );
  const overall = summarizeSlos(
    doc.slos.filter((slo) => rows.some((row) => row.service.id === slo.serviceId)),
    live?.slos
  );
  const columns = useMemo<Array<Column<OwnedRow>>>(
    () => [
      {
        id: 'service',
        header: t('bizowner.person.col.service', 'Service'),
        cell: ({ row: { original } }: Cell) => (
          <TextLink href={serviceUrl(original.service.id)} inline={false}>
            {original.service.name}
          </TextLink>
        ),
      },
      {
        id: 'roles',
        header: t('bizowner.person.col.roles', 'Roles'),
        cell: ({ row: { original } }: Cell) => original.roles,
      },
      {
        id: 'tier',
        header: t('bizowner.person.col.tier', 'Tier'),
        cell: ({ row: { original } }: Cell) => tierLabel(original.service.tier),
      },
      {
        id: 'slos',
        header: t('bizowner.person.col.slos', 'SLOs'),
        cell: ({ row: { original } }: Cell) => original.slos,
      },
      {
        id: 'status',
        header: t('bizowner.person.col.status', 'SLO status'),
        cell: ({ row: { original } }: Cell) => {
          const decisive = original.summary.decisive;
          return (
            <SloHealthBadge
              health={original.summary.health}
              reason={decisive?.status.reason}
              tooltip={(decisive && sloStatusExplanation(decisive.slo, decisive.status)) ?? reason}
            />
          );
        },
      },
      {
        id: 'budget',
        header: t('bizowner.person.col.budget', 'Lowest budget left'),
        cell: ({ row: { original } }: Cell) => (
          <BudgetLeft value={original.summary.budgetLeft} missingReason={reason} />
        ),
      },
    ],
    [reason]
  );
  const health = (Object.keys(overall.counts) as Array<keyof SloSummary['counts']>)
    .filter((key) => overall.counts[key] > 0)
    .map((key) => `${healthLabel(key)}: ${overall.counts[key]}`)
    .join(' · ');

  return (
    <Stack direction="column" gap={2}>
      <div data-testid={testIds.people.person}>
        <ReadOnlyNotice />
      </div>
      <Stack gap={1} justifyContent="flex-end">
        <WriteButton href={personEditUrl(person.id)} icon="pen" variant="secondary" data-testid={testIds.people.edit}>
          {t('bizowner.person.edit', 'Edit')}
        </WriteButton>
        <WriteButton
          onClick={() => setDeleting(true)}
          icon="trash-alt"
          variant="destructive"
          data-testid={testIds.people.delete}
        >
          {t('bizowner.person.delete', 'Delete')}
        </WriteButton>
      </Stack>
      <Section title={t('bizowner.person.contact', 'Contact')}>
        <KeyValueTable
          rows={[
            {
              key: 'email',
              label: t('bizowner.person.email', 'Email'),
              value: (
                <TextLink href={`mailto:${person.email}`} inline={false}>
                  {person.email}
                </TextLink>
              ),
            },
            { key: 'team', label: t('bizowner.person.team', 'Team'), value: person.team ?? '—' },
            { key: 'chat', label: t('bizowner.person.chat', 'Chat'), value: person.chat ?? '—' },
            { key: 'id', label: t('bizowner.person.id', 'Id'), value: <code>{person.id}</code> },
          ]}
        />
      </Section>
      <Section title={t('bizowner.person.services', 'Services')}>
        {rows.length === 0 ? (
          <Text color="secondary">{t('bizowner.person.noServices', 'This person holds no role for any service.')}</Text>
        ) : (
          <>
            {health && (
              <Text color="secondary">
                {t('bizowner.person.sloHealth', 'SLO health: {{health}}', {
                  health,
                  interpolation: { escapeValue: false },
                })}
              </Text>
            )}
            <InteractiveTable columns={columns} data={rows} getRowId={(row: OwnedRow) => row.service.id} />
          </>
        )}
      </Section>
      {deleting && <DeletePersonModal person={person} doc={doc} onDismiss={() => setDeleting(false)} />}
    </Stack>
  );
}
