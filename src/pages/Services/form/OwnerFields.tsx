import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Combobox, Field, FieldSet, Input, TextArea } from '@grafana/ui';
import { roleLabel } from '../../../components/labels';
import { OWNER_ROLES, OwnerRole } from '../../../domain/model';
import { ServiceFieldsProps } from './fieldProps';

/** Owners by role (people of the registry), decision scope and on-call routing. */
export function OwnerFields({ draft, change, problems, doc }: ServiceFieldsProps) {
  const people = useMemo(
    () =>
      doc.people.map((person) => ({
        value: person.id,
        label: person.name,
        description: [person.email, person.team].filter(Boolean).join(' · '),
      })),
    [doc.people]
  );
  const setOwner = (role: OwnerRole, person: string | undefined) =>
    change({ owners: { ...draft.owners, [role]: person } });
  return (
    <FieldSet label={t('bizowner.form.owners', 'Owners and on-call')}>
      {people.length === 0 && (
        <p>{t('bizowner.form.noPeople', 'The registry has no people yet: add people first to name owners.')}</p>
      )}
      {OWNER_ROLES.map((role) => {
        const path = `owners.${role}`;
        return (
          <Field key={role} label={roleLabel(role)} invalid={Boolean(problems.at(path))} error={problems.at(path)}>
            <Combobox
              id={`owner-${role}`}
              options={people}
              value={draft.owners[role] ?? null}
              onChange={(option) => setOwner(role, option?.value)}
              isClearable
              placeholder={t('bizowner.form.pickPerson', 'Choose a person')}
              width={50}
            />
          </Field>
        );
      })}
      <Field
        label={t('bizowner.form.decisionScope', 'Decision scope')}
        description={t(
          'bizowner.form.decisionScopeHint',
          'What the business owner may approve, e.g. release freezes and budget overspend up to 10%.'
        )}
        invalid={Boolean(problems.at('decisionScope'))}
        error={problems.at('decisionScope')}
      >
        <TextArea
          id="service-decision-scope"
          rows={2}
          value={draft.decisionScope}
          onChange={(event) => change({ decisionScope: event.currentTarget.value })}
        />
      </Field>
      <Field
        label={t('bizowner.form.onCallTeam', 'On-call team')}
        invalid={Boolean(problems.at('onCall.team'))}
        error={problems.at('onCall.team')}
      >
        <Input
          id="service-oncall-team"
          value={draft.onCallTeam}
          onChange={(event) => change({ onCallTeam: event.currentTarget.value })}
        />
      </Field>
      <Field
        label={t('bizowner.form.escalation', 'Escalation chain')}
        description={t(
          'bizowner.form.escalationHint',
          'Person ids or team names, separated by commas, first contacted first.'
        )}
        invalid={Boolean(problems.under('onCall.escalation'))}
        error={problems.under('onCall.escalation')}
      >
        <Input
          id="service-escalation"
          value={draft.escalation}
          onChange={(event) => change({ escalation: event.currentTarget.value })}
        />
      </Field>
      <Field
        label={t('bizowner.form.schedule', 'On-call schedule URL')}
        invalid={Boolean(problems.at('onCall.scheduleUrl'))}
        error={problems.at('onCall.scheduleUrl')}
      >
        <Input
          id="service-schedule-url"
          type="url"
          placeholder={t('bizowner.form.urlExample', 'https://')}
          value={draft.scheduleUrl}
          onChange={(event) => change({ scheduleUrl: event.currentTarget.value })}
        />
      </Field>
    </FieldSet>
  );
}
