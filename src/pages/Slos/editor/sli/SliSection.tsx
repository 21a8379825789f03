import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Collapse, Field, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import { Section } from '../../../../components/Section/Section';
import { testIds } from '../../../../components/testIds';
import { Sli, SliKind } from '../../../../domain/model';
import { sliKindLabel } from '../../sloTexts';
import { SloFieldsProps } from '../fieldProps';
import { SliFields } from './SliFields';
import { TemplatePicker } from './TemplatePicker';
import { matchersOfSelector, SLI_TEMPLATES } from './templates';

const KINDS: SliKind[] = ['ratio', 'latency', 'freeform', 'logRatio'];

/** An empty SLI of `kind`, keeping what can be kept from the previous one. */
function emptySli(kind: SliKind, previous: Sli): Sli {
  const total = 'total' in previous ? previous.total : '';
  switch (kind) {
    case 'ratio':
      return { kind, bad: '', total: previous.kind === 'logRatio' ? '' : total };
    case 'latency':
      return { kind, histogram: '', threshold: Number.NaN };
    case 'freeform':
      return { kind, errorRatio: '' };
    case 'logRatio':
      return { kind, bad: '', total: previous.kind === 'logRatio' ? total : '' };
  }
}

function kindHelp(kind: SliKind): string {
  const help: Record<SliKind, string> = {
    ratio: t('bizowner.sloEditor.sli.ratioHelp', 'Bad (or good) events over all events, from two counters.'),
    latency: t('bizowner.sloEditor.sli.latencyHelp', 'Requests slower than a threshold are errors, from a histogram.'),
    freeform: t('bizowner.sloEditor.sli.freeformHelp', 'Any PromQL expression of the error ratio.'),
    logRatio: t('bizowner.sloEditor.sli.logRatioHelp', 'Bad log lines over all log lines, counted by Loki.'),
  };
  return help[kind];
}

/** The SLI: its kind, a template with Prometheus pickers for ratio and latency, and the queries. */
export function SliSection({ draft, change, problems, doc }: SloFieldsProps) {
  const kind = draft.sli.kind;
  const service = doc.services.find((item) => item.id === draft.serviceId);
  const initialMatchers = useMemo(() => matchersOfSelector(service?.selector ?? ''), [service?.selector]);
  const template =
    kind === 'ratio' ? SLI_TEMPLATES.httpAvailability : kind === 'latency' ? SLI_TEMPLATES.histogramLatency : undefined;
  const [templateOpen, setTemplateOpen] = useState(false);
  const kindLabel = t('bizowner.sloEditor.sli.kind', 'Kind');
  return (
    <Section title={t('bizowner.sloEditor.sli.title', 'SLI: what counts as good')}>
      <Field label={kindLabel} description={kindHelp(kind)}>
        <div data-testid={testIds.sloEditor.kind}>
          <RadioButtonGroup
            aria-label={kindLabel}
            options={KINDS.map((value) => ({ value, label: sliKindLabel(value) }))}
            value={kind}
            onChange={(value) => change({ sli: emptySli(value, draft.sli) })}
          />
        </div>
      </Field>
      {template && (
        <div data-testid={testIds.sloEditor.template}>
          <Collapse
            label={
              template.kind === 'ratio'
                ? t('bizowner.sloEditor.template.availability', 'Template: HTTP availability from a status-code label')
                : t('bizowner.sloEditor.template.latency', 'Template: latency from a _bucket histogram')
            }
            isOpen={templateOpen}
            onToggle={() => setTemplateOpen(!templateOpen)}
          >
            <Stack direction="column" gap={1}>
              {!doc.settings.prometheus?.uid && (
                <Text color="secondary">
                  {t(
                    'bizowner.sloEditor.template.noDataSource',
                    'No Prometheus data source is chosen on the configuration page: type the metric and labels by hand.'
                  )}
                </Text>
              )}
              <TemplatePicker
                key={template.id}
                template={template}
                datasourceUid={doc.settings.prometheus?.uid}
                initialMatchers={initialMatchers}
                onApply={(sli) => {
                  change({ sli });
                  setTemplateOpen(false);
                }}
              />
            </Stack>
          </Collapse>
        </div>
      )}
      <SliFields sli={draft.sli} onChange={(sli) => change({ sli })} problems={problems} />
    </Section>
  );
}
