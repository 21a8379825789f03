import React from 'react';
import { t } from '@grafana/i18n';
import { Field, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import { QueryField } from '../../../../components/QueryField/QueryField';
import { ProblemIndex } from '../../../../components/Form/problemIndex';
import { Sli } from '../../../../domain/model';
import { checkLogQuery } from '../../../../domain/query/logql';
import { checkPromQL, checkSeriesSelector } from '../../../../domain/query/promql';
import { WINDOW_PLACEHOLDER } from '../../../../domain/query/sli';
import { numberFromText } from '../sloDraft';
import { testIds } from '../../../../components/testIds';

/** Test id of the query field of the SLI at `path`, e.g. `sli.total`. */
export function queryTestId(path: string): string {
  return `${testIds.sloEditor.query}-${path}`;
}

interface Props {
  sli: Sli;
  onChange(sli: Sli): void;
  problems: ProblemIndex;
}

function RatioFields({ sli, onChange, problems }: Props & { sli: Extract<Sli, { kind: 'ratio' }> }) {
  const counts = sli.good !== undefined && sli.bad === undefined ? 'good' : 'bad';
  const countsLabel = t('bizowner.sloEditor.sli.counts', 'The counter counts');
  return (
    <>
      <Field label={countsLabel}>
        <RadioButtonGroup
          aria-label={countsLabel}
          options={[
            { value: 'bad', label: t('bizowner.sloEditor.sli.bad', 'Bad events') },
            { value: 'good', label: t('bizowner.sloEditor.sli.good', 'Good events') },
          ]}
          value={counts}
          onChange={(value) =>
            onChange(
              value === 'good'
                ? { kind: 'ratio', good: sli.bad ?? '', total: sli.total }
                : { kind: 'ratio', bad: sli.good ?? '', total: sli.total }
            )
          }
        />
      </Field>
      <QueryField
        label={
          counts === 'good'
            ? t('bizowner.sloEditor.sli.goodQuery', 'Good events')
            : t('bizowner.sloEditor.sli.badQuery', 'Bad events')
        }
        description={t(
          'bizowner.sloEditor.sli.selectorHelp',
          'A counter series selector, e.g. http_requests_total{service="checkout",code=~"5.."}'
        )}
        value={(counts === 'good' ? sli.good : sli.bad) ?? ''}
        onChange={(text) => onChange({ ...sli, [counts]: text })}
        check={checkSeriesSelector}
        error={problems.at(`sli.${counts}`) ?? problems.at('sli.good')}
        data-testid={queryTestId(`sli.${counts}`)}
      />
      <QueryField
        label={t('bizowner.sloEditor.sli.total', 'All events')}
        value={sli.total}
        onChange={(total) => onChange({ ...sli, total })}
        check={checkSeriesSelector}
        error={problems.at('sli.total')}
        data-testid={queryTestId('sli.total')}
      />
    </>
  );
}

function LatencyFields({ sli, onChange, problems }: Props & { sli: Extract<Sli, { kind: 'latency' }> }) {
  return (
    <>
      <QueryField
        label={t('bizowner.sloEditor.sli.histogram', 'Histogram')}
        description={t('bizowner.sloEditor.sli.histogramHelp', 'Base name or _bucket series with matchers.')}
        value={sli.histogram}
        onChange={(histogram) => onChange({ ...sli, histogram })}
        check={checkSeriesSelector}
        error={problems.at('sli.histogram')}
        data-testid={queryTestId('sli.histogram')}
      />
      <Field
        label={t('bizowner.sloEditor.sli.threshold', 'Threshold (seconds)')}
        description={
          sli.buckets?.length
            ? t('bizowner.sloEditor.sli.buckets', 'Buckets of the histogram: {{buckets}}', {
                buckets: sli.buckets.join(', '),
              })
            : undefined
        }
        invalid={Boolean(problems.at('sli.threshold'))}
        error={problems.at('sli.threshold')}
      >
        <Input
          id="slo-sli-threshold"
          width={16}
          defaultValue={Number.isFinite(sli.threshold) ? String(sli.threshold) : ''}
          key={String(sli.threshold)}
          data-testid={queryTestId('sli.threshold')}
          onBlur={(event) => onChange({ ...sli, threshold: numberFromText(event.currentTarget.value) ?? Number.NaN })}
        />
      </Field>
    </>
  );
}

/** The query fields of the SLI's kind, each checked as the user types. */
export function SliFields(props: Props) {
  const { sli, onChange, problems } = props;
  switch (sli.kind) {
    case 'ratio':
      return <RatioFields {...props} sli={sli} />;
    case 'latency':
      return <LatencyFields {...props} sli={sli} />;
    case 'freeform':
      return (
        <QueryField
          label={t('bizowner.sloEditor.sli.errorRatio', 'Error ratio (0–1)')}
          description={t(
            'bizowner.sloEditor.sli.errorRatioHelp',
            'Any PromQL returning the error ratio; write {{placeholder}} where the range goes.',
            { placeholder: WINDOW_PLACEHOLDER, interpolation: { escapeValue: false } }
          )}
          value={sli.errorRatio}
          onChange={(errorRatio) => onChange({ ...sli, errorRatio })}
          check={checkPromQL}
          error={problems.at('sli.errorRatio')}
          data-testid={queryTestId('sli.errorRatio')}
        />
      );
    case 'logRatio':
      return (
        <Stack direction="column" gap={0}>
          <QueryField
            label={t('bizowner.sloEditor.sli.badLines', 'Bad log lines')}
            description={t(
              'bizowner.sloEditor.sli.badLinesHelp',
              'A LogQL log query, e.g. {service="checkout"} |= "level=error"'
            )}
            value={sli.bad}
            onChange={(bad) => onChange({ ...sli, bad })}
            check={checkLogQuery}
            error={problems.at('sli.bad')}
            data-testid={queryTestId('sli.bad')}
          />
          <QueryField
            label={t('bizowner.sloEditor.sli.allLines', 'All log lines')}
            value={sli.total}
            onChange={(total) => onChange({ ...sli, total })}
            check={checkLogQuery}
            error={problems.at('sli.total')}
            data-testid={queryTestId('sli.total')}
          />
        </Stack>
      );
  }
}
