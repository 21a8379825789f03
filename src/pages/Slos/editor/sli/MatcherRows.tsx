import React, { useId, useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Button, Combobox, Stack } from '@grafana/ui';
import { fetchLabelValues } from '../../../../api/prometheus/resources';
import { testIds } from '../../../../components/testIds';
import { Matcher } from './templates';
import { useLookup } from './useLookup';

interface Props {
  /** What the rows select, naming them as a group. */
  label: string;
  datasourceUid?: string;
  metric: string;
  labels: string[];
  matchers: Matcher[];
  onChange(matchers: Matcher[]): void;
}

function MatcherRow({
  datasourceUid,
  metric,
  labels,
  matcher,
  number,
  onChange,
  onRemove,
}: Omit<Props, 'matchers' | 'onChange' | 'label'> & {
  matcher: Matcher;
  /** 1-based position, in the rows' accessible names. */
  number: number;
  onChange(matcher: Matcher): void;
  onRemove(): void;
}) {
  const id = useId();
  const values = useLookup(
    datasourceUid && metric && matcher.label ? () => fetchLabelValues(datasourceUid, matcher.label, metric) : undefined,
    `${datasourceUid}|${metric}|${matcher.label}`
  );
  const labelOptions = useMemo(
    () => labels.filter((label) => label !== '__name__').map((label) => ({ value: label })),
    [labels]
  );
  const valueOptions = useMemo(() => (values.value ?? []).map((value) => ({ value })), [values.value]);
  return (
    <Stack gap={1} alignItems="center">
      {/* Combobox takes no aria-label: its name comes from these hidden texts */}
      <span id={`${id}-label`} hidden>
        {t('bizowner.sloEditor.template.matcherLabel', 'Label of matcher {{number}}', { number })}
      </span>
      <span id={`${id}-value`} hidden>
        {t('bizowner.sloEditor.template.matcherValue', 'Value of matcher {{number}}', { number })}
      </span>
      <Combobox
        aria-labelledby={`${id}-label`}
        options={labelOptions}
        value={matcher.label || null}
        onChange={(option) => onChange({ label: option.value, value: '' })}
        createCustomValue
        placeholder={t('bizowner.sloEditor.template.label', 'Label')}
        width={24}
      />
      <span>=</span>
      <Combobox
        aria-labelledby={`${id}-value`}
        options={valueOptions}
        value={matcher.value || null}
        onChange={(option) => onChange({ ...matcher, value: option.value })}
        createCustomValue
        loading={values.loading}
        placeholder={t('bizowner.sloEditor.template.value', 'Value')}
        width={28}
      />
      <Button
        variant="secondary"
        fill="text"
        icon="trash-alt"
        aria-label={t('bizowner.sloEditor.template.removeMatcher', 'Remove matcher {{number}}', { number })}
        onClick={onRemove}
      />
    </Stack>
  );
}

/** Equality matchers selecting the service's series, with label names and values from Prometheus. */
export function MatcherRows({ label, datasourceUid, metric, labels, matchers, onChange }: Props) {
  return (
    <div role="group" aria-label={label} data-testid={testIds.sloEditor.templateMatchers}>
      <Stack direction="column" gap={1}>
        {matchers.map((matcher, index) => (
          <MatcherRow
            key={index}
            datasourceUid={datasourceUid}
            metric={metric}
            labels={labels}
            matcher={matcher}
            number={index + 1}
            onChange={(next) => onChange(matchers.map((item, i) => (i === index ? next : item)))}
            onRemove={() => onChange(matchers.filter((_, i) => i !== index))}
          />
        ))}
        <div>
          <Button
            variant="secondary"
            size="sm"
            icon="plus"
            onClick={() => onChange([...matchers, { label: '', value: '' }])}
          >
            {t('bizowner.sloEditor.template.addMatcher', 'Add label matcher')}
          </Button>
        </div>
      </Stack>
    </div>
  );
}
