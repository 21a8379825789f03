import React from 'react';
import { t } from '@grafana/i18n';
import { Field, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import {
  CALENDAR_MONTH,
  errorBudgetSeconds,
  formatBudgetDuration,
  isProblem,
  parseSloWindow,
  windowDays,
} from '../../../domain/budget';
import { SloFieldsProps } from './fieldProps';
import { numberFromText } from './sloDraft';

const WINDOWS = ['7d', '28d', '30d', CALENDAR_MONTH];

/**
 * The budget as time, e.g. "99.9% over 30 days allows 43m 12s of full downtime"; a calendar
 * month uses the days of the current month. Undefined while the objective or window is invalid.
 */
export function budgetInTime(objective: unknown, window: string, now = new Date()): string | undefined {
  const parsed = parseSloWindow(window);
  if (typeof objective !== 'number' || !(objective > 0 && objective < 100) || isProblem(parsed)) {
    return undefined;
  }
  const days = windowDays(parsed, now);
  const allowed = formatBudgetDuration(errorBudgetSeconds(objective, days));
  return parsed.kind === 'calendar' && parsed.unit === 'month'
    ? t(
        'bizowner.sloEditor.objective.budgetMonth',
        '{{objective}}% over this calendar month ({{days}} days) allows {{allowed}} of errors',
        {
          objective,
          days,
          allowed,
        }
      )
    : t('bizowner.sloEditor.objective.budget', '{{objective}}% over {{days}} days allows {{allowed}} of errors', {
        objective,
        days,
        allowed,
      });
}

/** Objective and window, with the error budget translated into time. */
export function ObjectiveSection({ draft, change, problems }: SloFieldsProps) {
  const budget = budgetInTime(draft.objective, draft.window);
  const options = WINDOWS.map((value) => ({
    value,
    label: value === CALENDAR_MONTH ? t('bizowner.sloEditor.objective.month', 'Calendar month') : value,
  }));
  const windowLabel = t('bizowner.sloEditor.objective.window', 'Window');
  return (
    <Section title={t('bizowner.sloEditor.objective.title', 'Objective and window')}>
      <Stack gap={2} wrap="wrap" alignItems="flex-start">
        <Field
          label={t('bizowner.sloEditor.objective.objective', 'Objective (%)')}
          invalid={Boolean(problems.at('objective'))}
          error={problems.at('objective')}
        >
          <Input
            id="slo-objective"
            width={14}
            defaultValue={String(draft.objective ?? '')}
            onChange={(event) => change({ objective: numberFromText(event.currentTarget.value) })}
            data-testid={testIds.sloEditor.objective}
          />
        </Field>
        <Field
          label={windowLabel}
          description={t('bizowner.sloEditor.objective.windowHelp', 'Rolling days, or the calendar month.')}
          invalid={Boolean(problems.at('window'))}
          error={problems.at('window')}
        >
          <div data-testid={testIds.sloEditor.window}>
            <RadioButtonGroup
              aria-label={windowLabel}
              options={options}
              value={draft.window}
              onChange={(window) => change({ window })}
            />
          </div>
        </Field>
      </Stack>
      <Text color={budget ? 'primary' : 'secondary'} data-testid={testIds.sloEditor.budgetTime}>
        {budget ??
          t('bizowner.sloEditor.objective.noBudget', 'Enter an objective between 0 and 100 to see its error budget.')}
      </Text>
    </Section>
  );
}
