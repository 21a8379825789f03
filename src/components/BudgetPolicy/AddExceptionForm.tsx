import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { Button, Checkbox, Field, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import {
  POLICY_EXCEPTION_KINDS,
  PolicyException,
  PolicyExceptionKind,
  RegistryDocument,
  Service,
} from '../../domain/model';
import { addPolicyException, newExceptionId } from '../../domain/policy/policyEdits';
import { Problem } from '../../domain/problems';
import { validateService } from '../../domain/validation/service';
import { testIds } from '../testIds';
import { exceptionKindLabel } from './PolicyStateBadge';

const DAY_MS = 86_400_000;

/** `datetime-local` text of an epoch ms, in the browser's time zone, to the minute. */
export function localInput(ms: number): string {
  const date = new Date(ms);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(ms - offset).toISOString().slice(0, 16);
}

/** ISO 8601 of a `datetime-local` text, or the text itself when it is no time (validation names it). */
export function isoOf(text: string): string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

interface TimeFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
}

/** A date and time in the browser's time zone, to the minute. */
export function TimeField({ id, label, value, onChange, error }: TimeFieldProps) {
  return (
    <Field label={label} invalid={Boolean(error)} error={error}>
      <Input id={id} type="datetime-local" value={value} onChange={(event) => onChange(event.currentTarget.value)} />
    </Field>
  );
}

interface Props {
  service: Service;
  doc: RegistryDocument;
  /** SLOs of the service with a policy, which the exception may be limited to. */
  sloIds: string[];
  by: string;
  saving: boolean;
  onSave(next: RegistryDocument): void;
  onCancel(): void;
}

/**
 * Records an exception: its kind, a reason, from when to when and, optionally, the SLOs it
 * covers (all when none is ticked). Problems are the validator's, shown next to their field.
 */
export function AddExceptionForm({ service, doc, sloIds, by, saving, onSave, onCancel }: Props) {
  const [now] = useState(Date.now);
  const [kind, setKind] = useState<PolicyExceptionKind>('dependencyIncident');
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState(localInput(now));
  const [to, setTo] = useState(localInput(now + DAY_MS));
  const [covered, setCovered] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const index = service.budgetPolicy?.exceptions?.length ?? 0;
  const problemAt = (field: string) =>
    problems.find((problem) => problem.path === `budgetPolicy.exceptions[${index}].${field}`)?.message;

  const submit = () => {
    const exception: PolicyException = {
      id: newExceptionId(service, reason),
      kind,
      reason: reason.trim(),
      from: isoOf(from),
      to: isoOf(to),
      ...(covered.length > 0 ? { sloIds: covered } : {}),
      by,
      at: new Date().toISOString(),
    };
    const next = addPolicyException(doc, service.id, exception);
    const found = validateService(
      next.services.find((item) => item.id === service.id),
      next
    ).filter((problem) => problem.path.startsWith('budgetPolicy'));
    setProblems(found);
    if (found.length === 0) {
      onSave(next);
    }
  };

  const toggle = (sloId: string) =>
    setCovered((ids) => (ids.includes(sloId) ? ids.filter((id) => id !== sloId) : [...ids, sloId]));

  return (
    <Stack direction="column" gap={1}>
      <Field label={t('bizowner.policy.exception.kind', 'Kind')}>
        <RadioButtonGroup<PolicyExceptionKind>
          value={kind}
          onChange={setKind}
          options={POLICY_EXCEPTION_KINDS.map((value) => ({ value, label: exceptionKindLabel(value) }))}
        />
      </Field>
      <Field
        label={t('bizowner.policy.exception.reason', 'Reason')}
        description={t('bizowner.policy.exception.reasonHint', 'e.g. "Payments provider outage INC-12"')}
        invalid={Boolean(problemAt('reason'))}
        error={problemAt('reason')}
      >
        <Input id="policy-exception-reason" value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
      </Field>
      <Stack gap={2} wrap="wrap">
        <TimeField
          id="policy-exception-from"
          label={t('bizowner.policy.exception.from', 'From')}
          value={from}
          onChange={setFrom}
          error={problemAt('from')}
        />
        <TimeField
          id="policy-exception-to"
          label={t('bizowner.policy.exception.to', 'To')}
          value={to}
          onChange={setTo}
          error={problemAt('to')}
        />
      </Stack>
      {sloIds.length > 1 && (
        <Field
          label={t('bizowner.policy.exception.slos', 'SLOs')}
          description={t('bizowner.policy.exception.slosHint', 'None ticked: every SLO of the service.')}
        >
          <Stack gap={2} wrap="wrap">
            {sloIds.map((sloId) => (
              <Checkbox key={sloId} label={sloId} value={covered.includes(sloId)} onChange={() => toggle(sloId)} />
            ))}
          </Stack>
        </Field>
      )}
      <Stack gap={1}>
        <Button
          icon={saving ? 'spinner' : 'save'}
          disabled={saving}
          onClick={submit}
          data-testid={testIds.budgetPolicy.saveException}
        >
          {t('bizowner.policy.exception.save', 'Record exception')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('bizowner.policy.exception.cancel', 'Cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}
