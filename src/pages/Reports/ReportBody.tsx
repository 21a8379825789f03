import React from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, Badge, EmptyState, Stack, Text } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { RegistryDocument } from '../../domain/model';
import { FrozenReport, hasData, PeriodReport } from '../../domain/reports';
import { OwnerSection } from './OwnerSection';

/** The owner filter's value for every owner. */
export const ALL_OWNERS = '';

export interface BodyProps {
  doc: RegistryDocument;
  report: PeriodReport;
  owner: string;
  frozen?: FrozenReport;
  storageProblem?: string;
  signFailure?: string;
  canSign: (ownerId: string) => boolean;
  signing: boolean;
  onSignOff: (ownerId: string) => void;
}

function StatusLine({ report, frozen }: Pick<BodyProps, 'report' | 'frozen'>) {
  const text = frozen
    ? t(
        'bizowner.reports.kept',
        'Final: kept on {{at}} by {{by}}; later changes to rules or objectives do not change it.',
        {
          at: dateTimeFormat(frozen.frozenAt),
          by: frozen.frozenBy,
          interpolation: { escapeValue: false },
        }
      )
    : report.status === 'ended'
      ? t(
          'bizowner.reports.endedLive',
          'Ended, computed now from Prometheus: it is kept once someone who may edit the registry opens it with data.'
        )
      : t('bizowner.reports.inProgressText', 'The period is still running: figures up to {{at}}.', {
          at: dateTimeFormat(report.generatedAt),
          interpolation: { escapeValue: false },
        });
  return (
    <Stack alignItems="center" gap={1} data-testid={testIds.reports.status}>
      {frozen ? (
        <Badge color="green" icon="lock" text={t('bizowner.reports.final', 'Final')} />
      ) : report.status === 'ended' ? (
        <Badge color="orange" text={t('bizowner.reports.notKeptBadge', 'Ended, not kept')} />
      ) : (
        <Badge color="blue" icon="clock-nine" text={t('bizowner.reports.inProgress', 'In progress')} />
      )}
      <Text color="secondary">{text}</Text>
    </Stack>
  );
}

/** A report read: its status, what could not be read, then one section per business owner shown. */
export function ReportBody({
  doc,
  report,
  owner,
  frozen,
  storageProblem,
  signFailure,
  canSign,
  signing,
  onSignOff,
}: BodyProps) {
  const shown = report.owners.filter((item) => owner === ALL_OWNERS || item.ownerId === owner);
  return (
    <Stack direction="column" gap={2}>
      <StatusLine report={report} frozen={frozen} />
      {report.failures.length > 0 && (
        <Alert
          severity="warning"
          title={t('bizowner.reports.partial', 'Part of the report could not be read from Prometheus')}
          data-testid={testIds.reports.failures}
        >
          <ul>
            {report.failures.map((failure) => (
              <li key={`${failure.part}:${failure.message}`}>
                {t('bizowner.reports.failure', '{{part}}: {{message}}', {
                  part: partLabel(failure.part),
                  message: failure.message,
                  interpolation: { escapeValue: false },
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {report.failures.length === 0 && !hasData(report) && (
        <Alert
          severity="info"
          title={t('bizowner.reports.noData.title', 'No recorded data for {{period}}', { period: report.period })}
          data-testid={testIds.reports.noData}
        >
          {t(
            'bizowner.reports.noData.body',
            'Prometheus holds none of the series the SLOs’ rules record over this period: the rules were not loaded yet then, or the data is older than its retention. Pick another period.'
          )}
        </Alert>
      )}
      {storageProblem && (
        <Alert severity="warning" title={t('bizowner.reports.storage', 'The kept reports could not be used')}>
          {storageProblem}
        </Alert>
      )}
      {signFailure && (
        <Alert severity="error" title={t('bizowner.reports.signFailed', 'The sign-off was not saved')}>
          {signFailure}
        </Alert>
      )}
      {shown.length === 0 ? (
        <EmptyState
          variant="not-found"
          message={t('bizowner.reports.nothing', 'Nothing to show for this business owner')}
        >
          <div data-testid={testIds.reports.empty}>
            {t(
              'bizowner.reports.nothingBody',
              'They own no service with SLOs in the registry ({{count}} SLOs in all).',
              {
                count: doc.slos.length,
              }
            )}
          </div>
        </EmptyState>
      ) : (
        shown.map((item) => (
          <OwnerSection
            key={item.ownerId ?? ''}
            owner={item}
            signOffs={frozen?.signOffs ?? {}}
            kept={!!frozen}
            maySign={!!item.ownerId && canSign(item.ownerId)}
            signing={signing}
            onSignOff={() => item.ownerId && onSignOff(item.ownerId)}
          />
        ))
      )}
      <Text color="secondary" variant="bodySmall">
        {t(
          'bizowner.reports.definitions',
          'Attainment: good events over events of the period, from the hourly recorded counts (* freeform SLIs: the mean of their 5-minute ratio, not weighted by traffic). Budget spent: errors over the errors the objective allows. Worst day: the 24 hours from the period start with the lowest attainment. Incidents: page alerts that started in the period. Owner totals weigh each SLO by its events. Each SLO uses the period in its own time zone.'
        )}
      </Text>
    </Stack>
  );
}

function partLabel(part: string): string {
  switch (part) {
    case 'figures':
      return t('bizowner.reports.part.figures', 'attainment and budget');
    case 'days':
      return t('bizowner.reports.part.days', 'worst days');
    default:
      return t('bizowner.reports.part.incidents', 'incidents');
  }
}
