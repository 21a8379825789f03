import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Field, MultiCombobox } from '@grafana/ui';
import { fetchLabelNames } from '../../../api/prometheus/resources';
import { Section } from '../../../components/Section/Section';
import { testIds } from '../../../components/testIds';
import { Sli } from '../../../domain/model';
import { checkSeriesSelector } from '../../../domain/query/promql';
import { bucketSelector } from '../../../domain/query/selector';
import { UNGROUPABLE_LABELS } from '../../../domain/validation/groupBy';
import { SloFieldsProps } from './fieldProps';
import { useLookup } from './sli/useLookup';
import { useSettled } from './useSettled';

/**
 * The series whose labels a PromQL SLI can be grouped by, once it is a whole series selector (not
 * a half-typed one, which Prometheus would refuse); none for freeform and log SLIs.
 */
function eventSelector(sli: Sli): string | undefined {
  const selector =
    sli.kind === 'ratio' ? sli.total.trim() : sli.kind === 'latency' ? bucketSelector(sli.histogram) : '';
  return selector && checkSeriesSelector(selector).length === 0 ? selector : undefined;
}

/**
 * Label names to offer: the event series' labels and those already chosen, without the metric
 * name and the labels no group may be named by, sorted.
 */
export function groupSuggestions(seriesLabels: string[], chosen: string[]): string[] {
  return [...new Set([...seriesLabels, ...chosen])]
    .filter((label) => label !== '__name__' && !UNGROUPABLE_LABELS.includes(label))
    .sort();
}

/**
 * The labels the SLO is grouped by (`groupBy`): one SLI, budget and burn alert per group. Label
 * names are suggested from the SLI's event series in Prometheus; any other name can be typed.
 */
export function GroupsSection({ draft, change, problems, doc }: SloFieldsProps) {
  const uid = doc.settings.prometheus?.uid;
  const selector = useSettled(eventSelector(draft.sli));
  const names = useLookup(uid && selector ? () => fetchLabelNames(uid, selector) : undefined, `${uid}|${selector}`);
  const groupBy = useMemo(() => draft.groupBy ?? [], [draft.groupBy]);
  const options = useMemo(
    () => groupSuggestions(names.value ?? [], groupBy).map((value) => ({ value })),
    [names.value, groupBy]
  );
  const error = problems.under('groupBy');
  return (
    <Section title={t('bizowner.sloEditor.groups.title', 'Groups')}>
      <Field
        label={t('bizowner.sloEditor.groups.label', 'Group by')}
        description={t(
          'bizowner.sloEditor.groups.description',
          'One SLI, error budget and burn alert per value of these labels, e.g. tenant or route. Empty: all events are measured as one.'
        )}
        invalid={Boolean(error)}
        error={error}
      >
        <MultiCombobox
          id="slo-group-by"
          options={options}
          value={groupBy}
          onChange={(chosen) => change({ groupBy: chosen.map((option) => option.value) })}
          createCustomValue
          loading={names.loading}
          placeholder={t('bizowner.sloEditor.groups.placeholder', 'Not grouped')}
          width={60}
          data-testid={testIds.groups.field}
        />
      </Field>
    </Section>
  );
}
