import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Alert, EmptyState, Stack, Text, useStyles2 } from '@grafana/ui';
import { IncidentsResult } from '../../api/incidents/fetchIncidents';
import { IncidentStats, incidentStats, SloBudgetSplit } from '../../domain/incidents';
import { Slo } from '../../domain/model';
import { Section } from '../Section/Section';
import { testIds } from '../testIds';
import { IncidentsTable } from './IncidentsTable';
import { durationText, shareText } from './incidentTexts';
import { IncidentGaps, IncidentsUnread } from './IncidentsStatus';
import { AcknowledgeAction } from './useIncidents';

export interface IncidentsSectionProps {
  /** What `fetchIncidents` answered; undefined while it is being read. */
  result: IncidentsResult | undefined;
  /** The registry's SLOs, for their names. */
  slos: Slo[];
  /** Only this service's incidents (the service page). */
  serviceId?: string;
  /** Only this SLO's incidents (the SLO page). */
  sloId?: string;
  /** The Acknowledge button of unacknowledged incidents, for users who may write annotations. */
  acknowledge?: AcknowledgeAction;
  /** The section's title; "Incidents" by default. */
  title?: string;
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
export function IncidentsSection({
  result,
  slos,
  serviceId,
  sloId,
  acknowledge,
  title: heading,
}: IncidentsSectionProps) {
  const sloNames = useMemo(() => new Map(slos.map((slo) => [slo.id, slo.name])), [slos]);
  const serviceOf = useMemo(() => new Map(slos.map((slo) => [slo.id, slo.serviceId])), [slos]);
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
  const splits = useMemo(
    () =>
      result?.ok
        ? result.report.services
            .flatMap((service) => service.budget)
            .filter(
              (split) =>
                (serviceId === undefined || serviceOf.get(split.sloId) === serviceId) &&
                (sloId === undefined || split.sloId === sloId)
            )
        : [],
    [result, serviceOf, serviceId, sloId]
  );
  const title = heading ?? t('bizowner.incidents.title', 'Incidents');
  if (!result?.ok) {
    return (
      <Section title={title}>
        <IncidentsUnread result={result} />
      </Section>
    );
  }
  return (
    <Section title={title}>
      <div data-testid={testIds.incidents.section}>
        <Stack direction="column" gap={2}>
          <Summary stats={stats} />
          <BudgetSplits splits={splits} sloNames={sloNames} />
          <IncidentGaps gaps={result.gaps} />
          {acknowledge?.failure && (
            <Alert
              severity="error"
              title={t('bizowner.incidents.ackFailed', 'Could not record the acknowledgement of {{id}}', {
                id: acknowledge.failure.incidentId,
                interpolation: { escapeValue: false },
              })}
              data-testid={testIds.incidents.acknowledgeFailed}
            >
              {t(
                'bizowner.incidents.ackFailedBody',
                'Grafana did not create the annotation that records it: {{message}}',
                {
                  message: acknowledge.failure.message,
                  interpolation: { escapeValue: false },
                }
              )}
            </Alert>
          )}
          {incidents.length === 0 ? (
            <EmptyState variant="completed" message={t('bizowner.incidents.empty', 'No incidents in this window')}>
              {t('bizowner.incidents.emptyHint', 'No page alert of these SLOs fired in the window.')}
            </EmptyState>
          ) : (
            <IncidentsTable incidents={incidents} sloNames={sloNames} acknowledge={acknowledge} />
          )}
        </Stack>
      </div>
    </Section>
  );
}

/**
 * Where each SLO's budget went in the window: the share of its period budget the failed events
 * during incidents used, and the share the rest (background errors) used.
 */
function BudgetSplits({ splits, sloNames }: { splits: SloBudgetSplit[]; sloNames: Map<string, string> }) {
  const measured = splits.filter((split) => split.incidents !== undefined || split.background !== undefined);
  if (measured.length === 0) {
    return null;
  }
  const unknown = t('bizowner.incidents.split.unknown', 'not measured');
  return (
    <Stack direction="column" gap={0.5} data-testid={testIds.incidents.budgetSplit}>
      <Text variant="bodySmall" color="secondary">
        {t('bizowner.incidents.split.title', 'Budget used in the window, as a share of the period’s budget:')}
      </Text>
      {measured.map((split) => (
        <Text key={split.sloId} variant="bodySmall">
          {t('bizowner.incidents.split.line', '{{slo}}: incidents {{incidents}}, background errors {{background}}', {
            slo: sloNames.get(split.sloId) ?? split.sloId,
            incidents: split.incidents === undefined ? unknown : shareText(split.incidents),
            background: split.background === undefined ? unknown : shareText(split.background),
            interpolation: { escapeValue: false },
          })}
        </Text>
      ))}
    </Stack>
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
