import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  FieldValidationMessage,
  Input,
  RadioButtonGroup,
  Stack,
  Text,
} from '@grafana/ui';
import { WEEKDAY_NAMES } from '../../domain/adjustments/adjustments';
import { addAdjustment, newAdjustmentId, updateAdjustment } from '../../domain/adjustments/adjustmentEdits';
import {
  ADJUSTMENT_KINDS,
  AdjustmentKind,
  BudgetAdjustment,
  RegistryDocument,
  Service,
  Weekday,
} from '../../domain/model';
import { Problem } from '../../domain/problems';
import { validateService } from '../../domain/validation/service';
import { isoOf, localInput, TimeField } from '../BudgetPolicy/AddExceptionForm';
import { testIds } from '../testIds';
import { adjustmentKindLabel } from './adjustmentTexts';

const HOUR_MS = 3_600_000;
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** Fields that show their problems next to them; the others are listed above the buttons. */
const PLACED_FIELDS = [
  'reason',
  'start',
  'end',
  'recurrence.weekdays',
  'recurrence.start',
  'recurrence.duration',
  'recurrence.timeZone',
];

type Schedule = 'once' | 'weekly';
type Scope = 'slo' | 'service';

interface Props {
  service: Service;
  doc: RegistryDocument;
  sloId: string;
  /** The signed-in user's login: who records it. */
  by: string;
  /** The adjustment being edited; a new one when absent. */
  initial?: BudgetAdjustment;
  saving: boolean;
  onSave(next: RegistryDocument): void;
  onCancel(): void;
}

/** The form's values, as text where the user types them. */
interface Draft {
  kind: AdjustmentKind;
  reason: string;
  scope: Scope;
  schedule: Schedule;
  start: string;
  end: string;
  weekdays: Weekday[];
  time: string;
  duration: string;
  timeZone: string;
  silenceAlerts: boolean;
}

function draftOf(initial: BudgetAdjustment | undefined, now: number): Draft {
  const recurrence = initial?.recurrence;
  return {
    kind: initial?.kind ?? 'maintenance',
    reason: initial?.reason ?? '',
    scope: initial && !initial.sloIds?.length ? 'service' : 'slo',
    schedule: recurrence ? 'weekly' : 'once',
    start: localInput(initial?.start ? Date.parse(initial.start) : now),
    end: localInput(initial?.end ? Date.parse(initial.end) : now + 2 * HOUR_MS),
    weekdays: recurrence?.weekdays ?? [0],
    time: recurrence?.start ?? '02:00',
    duration: recurrence?.duration ?? '2h',
    timeZone: recurrence?.timeZone ?? 'UTC',
    silenceAlerts: initial?.silenceAlerts ?? true,
  };
}

function adjustmentOf(
  draft: Draft,
  id: string,
  sloId: string,
  by: string,
  initial?: BudgetAdjustment
): BudgetAdjustment {
  const window =
    draft.schedule === 'once'
      ? { start: isoOf(draft.start), end: isoOf(draft.end) }
      : {
          recurrence: {
            weekdays: [...draft.weekdays].sort((a, b) => a - b),
            start: draft.time,
            duration: draft.duration.trim(),
            timeZone: draft.timeZone.trim(),
          },
        };
  return {
    id,
    kind: draft.kind,
    reason: draft.reason.trim(),
    ...(draft.scope === 'slo' ? { sloIds: [sloId] } : {}),
    ...window,
    silenceAlerts: draft.silenceAlerts,
    by: initial?.by ?? by,
    at: initial?.at ?? new Date().toISOString(),
    ...(initial?.approval ? { approval: initial.approval } : {}),
  };
}

/**
 * Records or edits a budget adjustment of the SLO or of its whole service: a one-off window or a
 * weekly one in a time zone, why, and whether alerts are held back. A new or changed adjustment
 * waits for the business owner's approval. Problems are the validator's, next to their field.
 */
export function AdjustmentForm({ service, doc, sloId, by, initial, saving, onSave, onCancel }: Props) {
  const [now] = useState(Date.now);
  const [draft, setDraft] = useState(() => draftOf(initial, now));
  const [problems, setProblems] = useState<Problem[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const existing = service.budgetPolicy?.adjustments ?? [];
  const index = initial ? existing.findIndex((item) => item.id === initial.id) : existing.length;
  const prefix = `budgetPolicy.adjustments[${index}]`;
  const isAt = (problem: Problem, field: string) =>
    problem.path === `${prefix}.${field}` || problem.path.startsWith(`${prefix}.${field}[`);
  const problemAt = (field: string) => problems.find((problem) => isAt(problem, field))?.message;
  const others = problems.filter((problem) => !PLACED_FIELDS.some((field) => isAt(problem, field)));

  const submit = () => {
    const adjustment = adjustmentOf(draft, initial?.id ?? newAdjustmentId(service, draft.reason), sloId, by, initial);
    const next = initial ? updateAdjustment(doc, service.id, adjustment) : addAdjustment(doc, service.id, adjustment);
    const found = validateService(
      next.services.find((item) => item.id === service.id),
      next
    ).filter((problem) => problem.path.startsWith(prefix) && problem.severity !== 'warning');
    setProblems(found);
    if (found.length === 0) {
      onSave(next);
    }
  };

  const toggleDay = (day: Weekday) =>
    set(
      'weekdays',
      draft.weekdays.includes(day) ? draft.weekdays.filter((item) => item !== day) : [...draft.weekdays, day]
    );

  return (
    <Stack direction="column" gap={1}>
      <Field label={t('bizowner.adjustments.form.kind', 'Kind')}>
        <RadioButtonGroup<AdjustmentKind>
          value={draft.kind}
          onChange={(value) => set('kind', value)}
          options={ADJUSTMENT_KINDS.map((value) => ({ value, label: adjustmentKindLabel(value) }))}
        />
      </Field>
      <Field
        label={t('bizowner.adjustments.form.reason', 'Reason')}
        description={t('bizowner.adjustments.form.reasonHint', 'e.g. "Database upgrade CHG-311"')}
        invalid={Boolean(problemAt('reason'))}
        error={problemAt('reason')}
      >
        <Input
          id="adjustment-reason"
          value={draft.reason}
          onChange={(event) => set('reason', event.currentTarget.value)}
        />
      </Field>
      <Stack gap={2} wrap="wrap">
        <Field label={t('bizowner.adjustments.form.scope', 'Applies to')}>
          <RadioButtonGroup<Scope>
            value={draft.scope}
            onChange={(value) => set('scope', value)}
            options={[
              { value: 'slo', label: t('bizowner.adjustments.form.scopeSlo', 'This SLO') },
              { value: 'service', label: t('bizowner.adjustments.form.scopeService', 'Every SLO of the service') },
            ]}
          />
        </Field>
        <Field label={t('bizowner.adjustments.form.schedule', 'When')}>
          <RadioButtonGroup<Schedule>
            value={draft.schedule}
            onChange={(value) => set('schedule', value)}
            options={[
              { value: 'once', label: t('bizowner.adjustments.form.once', 'Once') },
              { value: 'weekly', label: t('bizowner.adjustments.form.weekly', 'Every week') },
            ]}
          />
        </Field>
      </Stack>
      {draft.schedule === 'once' ? (
        <Stack gap={2} wrap="wrap">
          <TimeField
            id="adjustment-start"
            label={t('bizowner.adjustments.form.start', 'Start')}
            value={draft.start}
            onChange={(value) => set('start', value)}
            error={problemAt('start')}
          />
          <TimeField
            id="adjustment-end"
            label={t('bizowner.adjustments.form.end', 'End')}
            value={draft.end}
            onChange={(value) => set('end', value)}
            error={problemAt('end')}
          />
        </Stack>
      ) : (
        <Stack direction="column" gap={1}>
          {/* a group of checkboxes: Field would hand `invalid` to the group's element */}
          <Stack direction="column" gap={0.5}>
            <Text weight="medium" variant="bodySmall">
              {t('bizowner.adjustments.form.weekdays', 'Days')}
            </Text>
            <Stack gap={2} wrap="wrap">
              {WEEKDAYS.map((day) => (
                <Checkbox
                  key={day}
                  label={WEEKDAY_NAMES[day]}
                  value={draft.weekdays.includes(day)}
                  onChange={() => toggleDay(day)}
                />
              ))}
            </Stack>
            {problemAt('recurrence.weekdays') && (
              <FieldValidationMessage>{problemAt('recurrence.weekdays')}</FieldValidationMessage>
            )}
          </Stack>
          <Stack gap={2} wrap="wrap">
            <Field
              label={t('bizowner.adjustments.form.time', 'Local start time')}
              invalid={Boolean(problemAt('recurrence.start'))}
              error={problemAt('recurrence.start')}
            >
              <Input
                id="adjustment-time"
                type="time"
                value={draft.time}
                onChange={(event) => set('time', event.currentTarget.value)}
              />
            </Field>
            <Field
              label={t('bizowner.adjustments.form.duration', 'Duration')}
              description={t('bizowner.adjustments.form.durationHint', 'e.g. 2h or 1h30m, at most 7d')}
              invalid={Boolean(problemAt('recurrence.duration'))}
              error={problemAt('recurrence.duration')}
            >
              <Input
                id="adjustment-duration"
                value={draft.duration}
                onChange={(event) => set('duration', event.currentTarget.value)}
              />
            </Field>
            <Field
              label={t('bizowner.adjustments.form.timeZone', 'Time zone')}
              description={t('bizowner.adjustments.form.timeZoneHint', 'IANA name, e.g. Europe/Berlin')}
              invalid={Boolean(problemAt('recurrence.timeZone'))}
              error={problemAt('recurrence.timeZone')}
            >
              <Input
                id="adjustment-timezone"
                value={draft.timeZone}
                onChange={(event) => set('timeZone', event.currentTarget.value)}
              />
            </Field>
          </Stack>
        </Stack>
      )}
      <Checkbox
        label={t('bizowner.adjustments.form.silence', 'Hold back the SLO’s burn alerts during the window')}
        value={draft.silenceAlerts}
        onChange={() => set('silenceAlerts', !draft.silenceAlerts)}
      />
      {others.length > 0 && (
        <Alert severity="error" title={t('bizowner.adjustments.form.problems', 'The adjustment cannot be saved')}>
          {others.map((problem) => (
            <div key={`${problem.path} ${problem.message}`}>{`${problem.path}: ${problem.message}`}</div>
          ))}
        </Alert>
      )}
      <Stack gap={1}>
        <Button
          icon={saving ? 'spinner' : 'save'}
          disabled={saving}
          onClick={submit}
          data-testid={testIds.adjustments.save}
        >
          {initial
            ? t('bizowner.adjustments.form.saveChange', 'Save adjustment')
            : t('bizowner.adjustments.form.save', 'Record adjustment')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('bizowner.adjustments.form.cancel', 'Cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}
