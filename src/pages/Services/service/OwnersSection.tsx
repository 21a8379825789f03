import React, { ReactNode } from 'react';
import { t } from '@grafana/i18n';
import { Badge, Stack, Text, TextLink } from '@grafana/ui';
import { KeyValueRow, KeyValueTable } from '../../../components/Section/KeyValueTable';
import { Section } from '../../../components/Section/Section';
import { roleLabel } from '../../../components/labels';
import { OWNER_ROLES, Person, RegistryDocument, Service } from '../../../domain/model';
import { personUrl } from '../../../routing';

const NONE = <Text color="secondary">—</Text>;

function PersonContact({ id, people }: { id: string; people: ReadonlyMap<string, Person> }) {
  const person = people.get(id);
  if (!person) {
    const text = t('bizowner.service.owners.unknownPerson', '{{id}} (not in the registry)', {
      id,
      interpolation: { escapeValue: false },
    });
    return <Badge color="red" text={text} />;
  }
  return (
    <Stack gap={1.5} wrap="wrap" alignItems="baseline">
      <TextLink href={personUrl(person.id)} inline={false}>
        {person.name}
      </TextLink>
      <TextLink href={`mailto:${person.email}`} inline={false} icon="envelope">
        {person.email}
      </TextLink>
      {person.chat && <Text color="secondary">{person.chat}</Text>}
      {person.team && <Text color="secondary">{person.team}</Text>}
    </Stack>
  );
}

function escalationOf(entries: string[], people: ReadonlyMap<string, Person>): ReactNode {
  return (
    <Stack gap={1.5} wrap="wrap">
      {entries.map((entry, index) => {
        const label = `${index + 1}. ${people.get(entry)?.name ?? entry}`;
        return people.has(entry) ? (
          <TextLink key={index} href={personUrl(entry)} inline={false}>
            {label}
          </TextLink>
        ) : (
          <Text key={index}>{label}</Text>
        );
      })}
    </Stack>
  );
}

/** Owners by role with their contacts, and the on-call routing. */
export function OwnersSection({ service, doc }: { service: Service; doc: RegistryDocument }) {
  const people = new Map(doc.people.map((person) => [person.id, person]));
  const onCall = service.onCall;
  const missingOwner = (
    <Badge
      color="red"
      icon="exclamation-triangle"
      text={t('bizowner.service.owners.noBusinessOwner', 'Nobody is accountable yet')}
    />
  );
  const rows: KeyValueRow[] = OWNER_ROLES.map((role) => {
    const id = service.owners[role];
    return {
      key: role,
      label: roleLabel(role),
      value: id ? <PersonContact id={id} people={people} /> : role === 'businessOwner' ? missingOwner : NONE,
    };
  });
  rows.push(
    { key: 'team', label: t('bizowner.service.onCall.team', 'On-call team'), value: onCall?.team ?? NONE },
    {
      key: 'escalation',
      label: t('bizowner.service.onCall.escalation', 'Escalation'),
      value: onCall?.escalation?.length ? escalationOf(onCall.escalation, people) : NONE,
    },
    {
      key: 'schedule',
      label: t('bizowner.service.onCall.schedule', 'Schedule'),
      value: onCall?.scheduleUrl ? (
        <TextLink href={onCall.scheduleUrl} external>
          {onCall.scheduleUrl}
        </TextLink>
      ) : (
        NONE
      ),
    }
  );
  return (
    <Section title={t('bizowner.service.owners.title', 'Owners and on-call')}>
      <KeyValueTable rows={rows} />
    </Section>
  );
}
