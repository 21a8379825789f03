import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Alert, Button, Combobox, Field, Input, Stack } from '@grafana/ui';
import { fetchBucketBounds, fetchLabelNames, fetchMetricNames } from '../../../../api/prometheus/resources';
import { testIds } from '../../../../components/testIds';
import { LatencySli, RatioSli } from '../../../../domain/model';
import { MatcherRows } from './MatcherRows';
import {
  closestBucket,
  guessStatusLabel,
  Matcher,
  selectorOf,
  SliTemplate,
  sliFromTemplate,
  templateMetrics,
} from './templates';
import { useLookup } from './useLookup';

interface Props {
  template: SliTemplate;
  /** The Prometheus data source the pickers read; without one, names are typed by hand. */
  datasourceUid?: string;
  /** Matchers to start from: the service's selector. */
  initialMatchers: Matcher[];
  onApply(sli: RatioSli | LatencySli): void;
}

/**
 * Builds a ratio or latency SLI from a template with pickers fed by Prometheus: metric names of
 * the template's kind, the chosen metric's label names and values, its status-code label or the
 * real `le` buckets of the histogram.
 */
export function TemplatePicker({ template, datasourceUid, initialMatchers, onApply }: Props) {
  const [metric, setMetric] = useState('');
  const [matchers, setMatchers] = useState<Matcher[]>(initialMatchers);
  // Empty until the user picks one: the template's guess among the metric's labels applies meanwhile.
  const [pickedStatusLabel, setStatusLabel] = useState('');
  const [errorPattern, setErrorPattern] = useState(template.errorPattern ?? '');
  const [pickedThreshold, setThreshold] = useState<number | undefined>(undefined);
  const latency = template.kind === 'latency';

  const metrics = useLookup(datasourceUid ? () => fetchMetricNames(datasourceUid) : undefined, `${datasourceUid}`);
  const labels = useLookup(
    datasourceUid && metric ? () => fetchLabelNames(datasourceUid, metric) : undefined,
    `${datasourceUid}|${metric}`
  );
  const selector = selectorOf(metric, matchers);
  const buckets = useLookup(
    datasourceUid && metric && latency ? () => fetchBucketBounds(datasourceUid, selector) : undefined,
    `${datasourceUid}|${selector}|${latency}`
  );

  const metricOptions = useMemo(
    () => templateMetrics(template, metrics.value ?? []).map((value) => ({ value })),
    [template, metrics.value]
  );
  const labelNames = useMemo(() => labels.value ?? [], [labels.value]);
  const bucketOptions = useMemo(
    () => (buckets.value ?? []).map((value) => ({ value, label: `${value}s` })),
    [buckets.value]
  );

  const statusLabel = pickedStatusLabel || guessStatusLabel(template, labelNames) || '';
  const threshold = pickedThreshold ?? closestBucket(buckets.value ?? []);

  const error = metrics.error ?? labels.error ?? buckets.error;
  const matchersLabel = t('bizowner.sloEditor.template.matchers', 'Series of this service');
  const apply = () =>
    onApply(
      sliFromTemplate(template.id, { metric, matchers, statusLabel, errorPattern, threshold, buckets: buckets.value })
    );

  return (
    <Stack direction="column" gap={1}>
      {error && (
        <Alert
          severity="warning"
          title={t('bizowner.sloEditor.template.lookupFailed', 'Prometheus did not answer a look-up')}
        >
          {error}
        </Alert>
      )}
      <Field
        label={
          latency
            ? t('bizowner.sloEditor.template.histogram', 'Histogram')
            : t('bizowner.sloEditor.template.counter', 'Request counter')
        }
        description={
          latency
            ? t('bizowner.sloEditor.template.histogramHelp', 'A _bucket series of a Prometheus histogram.')
            : t('bizowner.sloEditor.template.counterHelp', 'A counter of requests with a status-code label.')
        }
      >
        <Combobox
          id="slo-template-metric"
          options={metricOptions}
          value={metric || null}
          onChange={(option) => option && setMetric(option.value)}
          createCustomValue
          loading={metrics.loading}
          placeholder={t('bizowner.sloEditor.template.metric', 'Metric name')}
          width={48}
          data-testid={testIds.sloEditor.templateMetric}
        />
      </Field>
      <Field
        label={matchersLabel}
        description={t('bizowner.sloEditor.template.matchersHelp', "Started from the service's selector.")}
      >
        <MatcherRows
          label={matchersLabel}
          datasourceUid={datasourceUid}
          metric={metric}
          labels={labelNames}
          matchers={matchers}
          onChange={setMatchers}
        />
      </Field>
      {latency ? (
        <Field
          label={t('bizowner.sloEditor.template.threshold', 'Latency threshold')}
          description={t(
            'bizowner.sloEditor.template.thresholdHelp',
            "One of the histogram's real le buckets: slower requests are errors."
          )}
        >
          <Combobox
            id="slo-template-bucket"
            options={bucketOptions}
            value={threshold ?? null}
            onChange={(option) => option && setThreshold(option.value)}
            loading={buckets.loading}
            placeholder={t('bizowner.sloEditor.template.pickBucket', 'Pick a bucket')}
            width={24}
            data-testid={testIds.sloEditor.bucket}
          />
        </Field>
      ) : (
        <Stack gap={2}>
          <Field label={t('bizowner.sloEditor.template.statusLabel', 'Status-code label')}>
            <Combobox
              id="slo-template-status-label"
              options={labelNames.map((value) => ({ value }))}
              value={statusLabel || null}
              onChange={(option) => option && setStatusLabel(option.value)}
              createCustomValue
              width={24}
              data-testid={testIds.sloEditor.templateLabel}
            />
          </Field>
          <Field label={t('bizowner.sloEditor.template.errorPattern', 'Error codes (regular expression)')}>
            <Input
              id="slo-template-error-pattern"
              value={errorPattern}
              onChange={(event) => setErrorPattern(event.currentTarget.value)}
              width={16}
            />
          </Field>
        </Stack>
      )}
      <div>
        <Button
          icon="arrow-down"
          variant="secondary"
          onClick={apply}
          disabled={metric.trim() === ''}
          data-testid={testIds.sloEditor.templateApply}
        >
          {t('bizowner.sloEditor.template.apply', 'Use this SLI')}
        </Button>
      </div>
    </Stack>
  );
}
