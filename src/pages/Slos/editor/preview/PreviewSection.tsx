import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { Alert, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { Section } from '../../../../components/Section/Section';
import { testIds } from '../../../../components/testIds';
import { DataSourceRef, RegistryDocument, Slo } from '../../../../domain/model';
import { sliQueryLanguage } from '../../../../domain/query/sli';
import { formatSli } from '../../sloTexts';
import { useSettled } from '../useSettled';
import { PreviewGroups } from './PreviewGroups';
import { previewPlan } from './previewPlan';
import { buildPreviewScene } from './previewScene';
import { PreviewCause, PreviewSummary } from './readSummary';
import { usePreviewSummary } from './usePreviewSummary';

interface Props {
  /** The SLO being edited, or undefined while its SLI or window is invalid. */
  slo?: Slo;
  doc: RegistryDocument;
}

function causeText(cause: PreviewCause, message?: string): string {
  const texts: Record<PreviewCause, string> = {
    noSeries: t(
      'bizowner.sloEditor.preview.noSeries',
      'No series match the SLI over this window: check the metric name and the label matchers (wrong selector).'
    ),
    noTraffic: t(
      'bizowner.sloEditor.preview.noTraffic',
      'The series exist but counted no events over this window: there was no traffic, so there is no SLI yet.'
    ),
    noResult: t(
      'bizowner.sloEditor.preview.noResult',
      'The query returned nothing over this window: either it selects nothing (wrong selector) or there was no traffic.'
    ),
    failed: t('bizowner.sloEditor.preview.failed', 'The query failed: {{message}}', {
      message: message ?? '',
      interpolation: { escapeValue: false },
    }),
  };
  return texts[cause];
}

function SummaryLine({ summary }: { summary: PreviewSummary | undefined }) {
  if (!summary) {
    return <LoadingPlaceholder text={t('bizowner.sloEditor.preview.loading', 'Querying the SLI over the window…')} />;
  }
  if (summary.kind === 'noData') {
    return (
      <div data-testid={testIds.sloEditor.previewNoData}>
        <Alert severity="warning" title={t('bizowner.sloEditor.preview.noData', 'No data')}>
          {causeText(summary.cause, summary.message)}
        </Alert>
      </div>
    );
  }
  return (
    <div data-testid={testIds.sloEditor.previewSummary}>
      <Text>
        {t('bizowner.sloEditor.preview.measured', 'Over the window: SLI {{sli}}, {{left}} of the error budget left.', {
          sli: formatSli(summary.sli),
          left: `${(summary.budgetLeft * 100).toFixed(1)}%`,
        })}
      </Text>
    </div>
  );
}

/** The SLI and the error-budget burn-down over the SLO window, live from the data source. */
export function PreviewSection({ slo, doc }: Props) {
  const settled = useSettled(slo);
  const language = settled ? sliQueryLanguage(settled.sli) : 'promql';
  const configured = language === 'logql' ? doc.settings.loki : doc.settings.prometheus;
  const uid = configured?.uid;
  const type = configured?.type ?? (language === 'logql' ? 'loki' : 'prometheus');
  const datasource = useMemo<DataSourceRef | undefined>(() => (uid ? { uid, type } : undefined), [uid, type]);
  // Rebuilt only when what the preview shows changes, not on every edit of the SLO's name.
  const key = JSON.stringify([settled?.sli, settled?.window, settled?.objective, settled?.groupBy]);
  const plan = useMemo(() => (settled ? previewPlan(settled) : undefined), [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const summary = usePreviewSummary(plan, datasource, settled?.objective ?? 0);
  // The panels' empty text points at the summary above, which says why there is no data.
  const scene = useMemo(
    () =>
      plan && datasource
        ? buildPreviewScene(plan, datasource, t('bizowner.sloEditor.preview.noValue', 'No data: see above'))
        : undefined,
    [plan, datasource]
  );

  return (
    <Section title={t('bizowner.sloEditor.preview.title', 'Live preview')}>
      <div data-testid={testIds.sloEditor.preview}>
        {!datasource ? (
          <Text color="secondary">
            {language === 'logql'
              ? t(
                  'bizowner.sloEditor.preview.noLoki',
                  'Choose a Loki data source on the configuration page to preview log SLIs.'
                )
              : t(
                  'bizowner.sloEditor.preview.noPrometheus',
                  'Choose a Prometheus data source on the configuration page to preview the SLI.'
                )}
          </Text>
        ) : !plan ? (
          <Text color="secondary">
            {t('bizowner.sloEditor.preview.invalid', 'The preview runs once the SLI queries and the window are valid.')}
          </Text>
        ) : (
          <Stack direction="column" gap={1}>
            <SummaryLine summary={summary} />
            {summary?.kind === 'measured' && summary.groups && (
              <PreviewGroups groupBy={plan.groupBy} groups={summary.groups} />
            )}
            {scene && <scene.Component model={scene} />}
          </Stack>
        )}
      </div>
    </Section>
  );
}
