import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, EmptyState, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { IncidentsResult } from '../../api/incidents/fetchIncidents';
import { IncidentStats, incidentStats } from '../../domain/incidents';
import { Slo } from '../../domain/model';
import { Section } from '../Section/Section';
import { testIds } from '../testIds';
import { IncidentsTable } from './IncidentsTable';
import { durationText, gapText } from './incidentTexts';

export interface IncidentsSectionProps {
  /** What `fetchIncidents` answered; undefined while it is being read. */
  result: IncidentsResult | undefined;
  /** The registry's SLOs, for their names. */
  slos: Slo[];
  /** Only this service's incidents (the service page). */
  serviceId?: string;
  /** Only this SLO's incidents (the SLO page). */
  sloId?: string;
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.stat}>
      <Text color="secondary" variant="bodySmall">
        {label}
      </Text>
      <Text element="p" variant="h4">
        {value}
      </Text>
      {note && (
        <Text color="secondary" variant="bodySmall">
          {note}
        </Text>
      )}
    </div>
  );
}

function Summary({ stats }: { stats: IncidentStats }) {
  const none = t('bizowner.incidents.none', '—');
  return (
    <Stack gap={2} wrap="wrap" data-testid={testIds.incidents.summary}>
      <Stat
        label={t('bizowner.incidents.count', 'Incidents')}
        value={String(stats.count)}
        note={stats.open > 0 ? t('bizowner.incidents.openCount', '{{count}} open', { count: stats.open }) : undefined}
      />
      <Stat
        label={t('bizowner.incidents.mtta', 'MTTA')}
        value={stats.mttaMs === undefined ? none : durationText(stats.mttaMs)}
        note={t('bizowner.incidents.unacknowledged', '{{count}} not acknowledged', { count: stats.unacknowledged })}
      />
      <Stat
        label={t('bizowner.incidents.mttr', 'MTTR')}
        value={stats.mttrMs === undefined ? none : durationText(stats.mttrMs)}
        note={t('bizowner.incidents.resolved', 'over {{count}} resolved', { count: stats.resolved })}
      />
      <Stat
        label={t('bizowner.incidents.postmortemsMissing', 'Postmortems missing')}
        value={String(stats.postmortemsMissing)}
      />
    </Stack>
  );
}

/**
 * The incidents of a window with their MTTA and MTTR: start, duration, acknowledgement, budget
 * consumed, impact and whether the outage policy asks for a postmortem. Shows the reading, a
 * missing data source, a failed read and an empty window as such; parts that could not be read
 * are listed above the table.
 */
export function IncidentsSection({ result, slos, serviceId, sloId }: IncidentsSectionProps) {
  const sloNames = useMemo(() => new Map(slos.map((slo) => [slo.id, slo.name])), [slos]);
  const incidents = useMemo(
    () =>
      result?.ok
        ? result.report.incidents.filter(
            (incident) =>
              (serviceId === undefined || incident.serviceId === serviceId) &&
              (sloId === undefined || incident.sloId === sloId)
          )
        : [],
    [result, serviceId, sloId]
  );
  const stats = useMemo(() => incidentStats(incidents), [incidents]);
  const title = t('bizowner.incidents.title', 'Incidents');
  if (!result) {
    return (
      <Section title={title}>
        <LoadingPlaceholder text={t('bizowner.incidents.loading', 'Reading the alert history…')} />
      </Section>
    );
  }
  if (!result.ok) {
    return (
      <Section title={title}>
        {result.kind === 'noDataSource' ? (
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
        )}
      </Section>
    );
  }
  return (
    <Section title={title}>
      <div data-testid={testIds.incidents.section}>
        <Stack direction="column" gap={2}>
          <Summary stats={stats} />
          {result.gaps.length > 0 && (
            <Alert severity="warning" title={t('bizowner.incidents.gaps', 'Some of the report could not be read')}>
              <ul data-testid={testIds.incidents.gaps}>
                {result.gaps.map((gap) => (
                  <li key={gap.kind}>{gapText(gap)}</li>
                ))}
              </ul>
            </Alert>
          )}
          {incidents.length === 0 ? (
            <EmptyState variant="completed" message={t('bizowner.incidents.empty', 'No incidents in this window')}>
              {t('bizowner.incidents.emptyHint', 'No page alert of these SLOs fired in the window.')}
            </EmptyState>
          ) : (
            <IncidentsTable incidents={incidents} sloNames={sloNames} />
          )}
        </Stack>
      </div>
    </Section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  stat: css({
    minWidth: theme.spacing(16),
    padding: theme.spacing(1, 2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
});
