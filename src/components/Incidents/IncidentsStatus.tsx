import React from 'react';
import { t } from '@grafana/i18n';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { IncidentGap, IncidentsResult } from '../../api/incidents/fetchIncidents';
import { testIds } from '../testIds';
import { gapText } from './incidentTexts';

/** What shows instead of a report: being read, no Prometheus data source, or the read that failed. */
export function IncidentsUnread({ result }: { result: Exclude<IncidentsResult, { ok: true }> | undefined }) {
  if (!result) {
    return <LoadingPlaceholder text={t('bizowner.incidents.loading', 'Reading the alert history…')} />;
  }
  return result.kind === 'noDataSource' ? (
    <Alert severity="info" title={t('bizowner.incidents.noDataSource', 'No Prometheus data source')}>
      {t(
        'bizowner.incidents.noDataSourceBody',
        'Incidents are read from the page alerts in Prometheus: choose its data source on the configuration page.'
      )}
    </Alert>
  ) : (
    <Alert severity="error" title={t('bizowner.incidents.failedTitle', 'Could not read the alert history')}>
      {result.message}
    </Alert>
  );
}

/** The parts of a report that could not be read, one sentence each; nothing when all were. */
export function IncidentGaps({ gaps }: { gaps: IncidentGap[] }) {
  if (gaps.length === 0) {
    return null;
  }
  return (
    <Alert severity="warning" title={t('bizowner.incidents.gaps', 'Some of the report could not be read')}>
      <ul data-testid={testIds.incidents.gaps}>
        {gaps.map((gap) => (
          <li key={gap.kind}>{gapText(gap)}</li>
        ))}
      </ul>
    </Alert>
  );
}
