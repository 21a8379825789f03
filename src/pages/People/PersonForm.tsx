import React, { useCallback } from 'react';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { Field, FieldSet, Input, Stack } from '@grafana/ui';
import { EditorFooter } from '../../components/Form/EditorFooter';
import { useRegistryEditor } from '../../components/Form/useRegistryEditor';
import { ReadOnlyNotice } from '../../components/ReadOnlyNotice/ReadOnlyNotice';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { Person, RegistryDocument } from '../../domain/model';
import { Problem } from '../../domain/problems';
import { putPerson } from '../../domain/registryView/edits';
import { validatePerson } from '../../domain/validation/person';
import { personUrl, prefixRoute } from '../../routing';
import { PersonLoaded } from './PersonLoaded';

type PersonDraft = Record<'id' | 'name' | 'email' | 'team' | 'chat', string>;

function draftOf(person?: Person): PersonDraft {
  return {
    id: person?.id ?? '',
    name: person?.name ?? '',
    email: person?.email ?? '',
    team: person?.team ?? '',
    chat: person?.chat ?? '',
  };
}

function personOf(draft: PersonDraft): Person {
  const person: Person = { id: draft.id.trim(), name: draft.name.trim(), email: draft.email.trim() };
  const team = draft.team.trim();
  const chat = draft.chat.trim();
  return { ...person, ...(team ? { team } : {}), ...(chat ? { chat } : {}) };
}

/** The form that creates a person (no `personId`) or edits one. */
export function PersonForm({ personId }: { personId?: string }) {
  if (personId === undefined) {
    return <RegistryLoaded>{(doc) => <PersonEditor doc={doc} />}</RegistryLoaded>;
  }
  return (
    <PersonLoaded personId={personId}>{(person, doc) => <PersonEditor doc={doc} previous={person} />}</PersonLoaded>
  );
}

function PersonEditor({ doc, previous }: { doc: RegistryDocument; previous?: Person }) {
  const originalId = previous?.id;
  const validate = useCallback(
    (draft: PersonDraft, current: RegistryDocument): Problem[] => {
      const candidate = personOf(draft);
      const taken = candidate.id !== originalId && current.people.some((person) => person.id === candidate.id);
      const duplicate = {
        path: 'id',
        message: t('bizowner.personForm.idTaken', 'Another person already uses this id; pick another one.'),
      };
      return [...validatePerson(candidate), ...(taken ? [duplicate] : [])];
    },
    [originalId]
  );
  const apply = useCallback(
    (draft: PersonDraft, current: RegistryDocument) => putPerson(current, personOf(draft), originalId),
    [originalId]
  );
  const locate = useCallback(
    (draft: PersonDraft, next: RegistryDocument) =>
      `people[${next.people.findIndex((person) => person.id === draft.id.trim())}]`,
    []
  );
  const onSaved = useCallback((draft: PersonDraft) => locationService.push(personUrl(draft.id.trim())), []);
  const editor = useRegistryEditor({ doc, initial: draftOf(previous), validate, apply, locate, onSaved });
  const { draft, change, problems } = editor;

  const field = (key: keyof PersonDraft, label: string, description?: string) => (
    <Field label={label} description={description} invalid={Boolean(problems.at(key))} error={problems.at(key)}>
      <Input
        id={`person-${key}`}
        value={draft[key]}
        disabled={key === 'id' && previous !== undefined}
        onChange={(event) => change({ [key]: event.currentTarget.value })}
      />
    </Field>
  );

  return (
    <form data-testid={testIds.people.form} onSubmit={editor.onSubmit}>
      <Stack direction="column" gap={2}>
        <ReadOnlyNotice />
        <FieldSet label={t('bizowner.personForm.title', 'Person')}>
          {field(
            'id',
            t('bizowner.personForm.id', 'Id'),
            previous
              ? t('bizowner.personForm.idFixed', 'The id cannot change: services name people by it.')
              : t('bizowner.personForm.idHint', 'Lower-case letters, digits and dashes, e.g. ana-lima.')
          )}
          {field('name', t('bizowner.personForm.name', 'Name'))}
          {field('email', t('bizowner.personForm.email', 'Email'))}
          {field('team', t('bizowner.personForm.team', 'Team'))}
          {field(
            'chat',
            t('bizowner.personForm.chat', 'Chat handle'),
            t('bizowner.personForm.chatHint', 'e.g. @ana or #checkout-oncall')
          )}
        </FieldSet>
        <EditorFooter
          editor={editor}
          cancelUrl={previous ? personUrl(previous.id) : prefixRoute(ROUTES.People)}
          saveLabel={
            previous ? t('bizowner.personForm.save', 'Save person') : t('bizowner.personForm.create', 'Add person')
          }
          saveTestId={testIds.people.save}
        />
      </Stack>
    </form>
  );
}
