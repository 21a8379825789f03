import React from 'react';
import { t } from '@grafana/i18n';
import { Combobox, Field, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import {
  CALENDAR_MONTH,
  CALENDAR_QUARTER,
  CALENDAR_WEEK,
  DEFAULT_TIME_ZONE,
  errorBudgetSeconds,
  formatBudgetDuration,
  isProblem,
  parseSloWindow,
  windowDays,
} from '../../../domain/budget';
import { SloFieldsProps } from './fieldProps';
import { numberFromText } from './sloDraft';

const WINDOWS = ['7d', '28d', '30d', CALENDAR_WEEK, CALENDAR_MONTH, CALENDAR_QUARTER];

function windowLabel(value: string): string {
  switch (value) {
    case CALENDAR_WEEK:
      return t('bizowner.sloEditor.objective.week', 'Calendar week');
    case CALENDAR_MONTH:
      return t('bizowner.sloEditor.objective.month', 'Calendar month');
    case CALENDAR_QUARTER:
      return t('bizowner.sloEditor.objective.quarter', 'Calendar quarter');
    default:
      return value;
  }
}

/**
 * The budget as time, e.g. "99.9% over 30 days allows 43m 12s of full downtime"; a calendar
 * window uses the days of its current period in the SLO's time zone. Undefined while the objective
 * or window is invalid.
 */
export function budgetInTime(
  objective: unknown,
  window: string,
  now = new Date(),
  timeZone?: string
): string | undefined {
  const parsed = parseSloWindow(window);
  if (typeof objective !== 'number' || !(objective > 0 && objective < 100) || isProblem(parsed)) {
    return undefined;
  }
  const days = windowDays(parsed, now, timeZone);
  const allowed = formatBudgetDuration(errorBudgetSeconds(objective, days));
  if (parsed.kind === 'rolling') {
    return t('bizowner.sloEditor.objective.budget', '{{objective}}% over {{days}} days allows {{allowed}} of errors', {
      objective,
      days,
      allowed,
    });
  }
  const texts = {
    week: t(
      'bizowner.sloEditor.objective.budgetWeek',
      '{{objective}}% over this calendar week ({{days}} days) allows {{allowed}} of errors',
      { objective, days, allowed }
    ),
    month: t(
      'bizowner.sloEditor.objective.budgetMonth',
      '{{objective}}% over this calendar month ({{days}} days) allows {{allowed}} of errors',
      { objective, days, allowed }
    ),
    quarter: t(
      'bizowner.sloEditor.objective.budgetQuarter',
      '{{objective}}% over this calendar quarter ({{days}} days) allows {{allowed}} of errors',
      { objective, days, allowed }
    ),
  };
  return texts[parsed.unit];
}

type IntlWithZones = typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };

let zones: Array<{ value: string; label: string }> | undefined;

/** UTC first, then every IANA time zone the browser knows, by name. */
function timeZoneOptions(): Array<{ value: string; label: string }> {
  if (!zones) {
    const known = (Intl as IntlWithZones).supportedValuesOf?.('timeZone') ?? [];
    zones = [DEFAULT_TIME_ZONE, ...known.filter((zone) => zone !== DEFAULT_TIME_ZONE)].map((zone) => ({
      value: zone,
      label: zone,
    }));
  }
  return zones;
}

/** Objective and window, with the error budget translated into time. */
export function ObjectiveSection({ draft, change, problems }: SloFieldsProps) {
  const budget = budgetInTime(draft.objective, draft.window, new Date(), draft.timeZone);
  const options = WINDOWS.map((value) => ({ value, label: windowLabel(value) }));
  const calendar = draft.window.startsWith('calendar-');
  const windowTitle = t('bizowner.sloEditor.objective.window', 'Window');
  const timeZoneTitle = t('bizowner.sloEditor.objective.timeZone', 'Time zone');
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
          label={windowTitle}
          description={t(
            'bizowner.sloEditor.objective.windowHelp',
            'Rolling days, or a calendar period: its budget starts afresh each week (from Monday), month or quarter.'
          )}
          invalid={Boolean(problems.at('window'))}
          error={problems.at('window')}
        >
          <div data-testid={testIds.sloEditor.window}>
            <RadioButtonGroup
              aria-label={windowTitle}
              options={options}
              value={draft.window}
              onChange={(window) => change({ window })}
            />
          </div>
        </Field>
        {calendar && (
          <Field
            label={timeZoneTitle}
            description={t('bizowner.sloEditor.objective.timeZoneHelp', 'Where the periods start at midnight.')}
            invalid={Boolean(problems.at('timeZone'))}
            error={problems.at('timeZone')}
          >
            <div data-testid={testIds.sloEditor.timeZone}>
              <Combobox
                id="slo-time-zone"
                width={32}
                options={timeZoneOptions()}
                value={draft.timeZone ?? DEFAULT_TIME_ZONE}
                onChange={(option) =>
                  change({ timeZone: option.value !== DEFAULT_TIME_ZONE ? option.value : undefined })
                }
              />
            </div>
          </Field>
        )}
      </Stack>
      <Text color={budget ? 'primary' : 'secondary'} data-testid={testIds.sloEditor.budgetTime}>
        {budget ??
          t('bizowner.sloEditor.objective.noBudget', 'Enter an objective between 0 and 100 to see its error budget.')}
      </Text>
    </Section>
  );
}
