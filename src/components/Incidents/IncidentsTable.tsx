import React, { useMemo } from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, BadgeColor, Button, Column, InteractiveTable, Stack, Text, TextLink } from '@grafana/ui';
import { AssessedIncident, PostmortemState } from '../../domain/incidents';
import { testIds } from '../testIds';
import { acknowledgedText, countText, durationText, moneyText, postmortemText, shareText } from './incidentTexts';
import { AcknowledgeAction } from './useIncidents';

type Cell = { row: { original: AssessedIncident } };

const POSTMORTEM_COLORS: Record<PostmortemState, BadgeColor> = {
  missing: 'red',
  pending: 'orange',
  covered: 'green',
  unknown: 'darkgrey',
  notRequired: 'blue',
};

function Impact({ incident }: { incident: AssessedIncident }) {
  const { failedEvents, revenueAtRisk } = incident.impact;
  if (failedEvents === undefined) {
    return <Text color="secondary">—</Text>;
  }
  return (
    <Stack direction="column" gap={0}>
      <span>{t('bizowner.incidents.failed', '{{count}} failed', { count: countText(failedEvents) })}</span>
      {revenueAtRisk && (
        <Text variant="bodySmall" color="secondary">
          {t('bizowner.incidents.revenue', '{{amount}} revenue at risk', {
            amount: moneyText(revenueAtRisk.amount, revenueAtRisk.currency),
            interpolation: { escapeValue: false },
          })}
        </Text>
      )}
    </Stack>
  );
}

function Postmortem({ incident }: { incident: AssessedIncident }) {
  const { state, link } = incident.postmortem;
  const badge = <Badge color={POSTMORTEM_COLORS[state]} text={postmortemText(state)} />;
  return link ? (
    <Stack direction="column" gap={0.5}>
      {badge}
      <TextLink href={link.url} external>
        {link.title}
      </TextLink>
    </Stack>
  ) : (
    badge
  );
}

/** Who acknowledged the incident; otherwise "No", with the Acknowledge button for those who may. */
function Acknowledged({ incident, acknowledge }: { incident: AssessedIncident; acknowledge?: AcknowledgeAction }) {
  const text = acknowledgedText(incident);
  if (text) {
    return <span>{text}</span>;
  }
  const busy = acknowledge?.busy === incident.id;
  return (
    <Stack gap={1} alignItems="center">
      <Text color="warning">{t('bizowner.incidents.notAcknowledged', 'No')}</Text>
      {acknowledge && (
        <Button
          size="sm"
          variant="secondary"
          icon={busy ? 'spinner' : 'check'}
          disabled={acknowledge.busy !== undefined}
          onClick={() => acknowledge.run(incident)}
          data-testid={testIds.incidents.acknowledge}
        >
          {t('bizowner.incidents.acknowledge', 'Acknowledge')}
        </Button>
      )}
    </Stack>
  );
}

/** The incidents of a report, latest first: one row each. */
export function IncidentsTable({
  incidents,
  sloNames,
  acknowledge,
}: {
  incidents: AssessedIncident[];
  sloNames: Map<string, string>;
  acknowledge?: AcknowledgeAction;
}) {
  const columns = useMemo<Array<Column<AssessedIncident>>>(
    () => [
      {
        id: 'start',
        header: t('bizowner.incidents.start', 'Started'),
        cell: ({ row: { original } }: Cell) => dateTimeFormat(original.start, { format: 'YYYY-MM-DD HH:mm' }),
      },
      {
        id: 'slo',
        header: t('bizowner.incidents.slo', 'SLO'),
        cell: ({ row: { original } }: Cell) => (
          <Stack direction="column" gap={0}>
            <span>{sloNames.get(original.sloId) ?? original.sloId}</span>
            <Text variant="bodySmall" color="secondary">
              {original.tiers.join(', ')}
            </Text>
          </Stack>
        ),
      },
      {
        id: 'duration',
        header: t('bizowner.incidents.duration', 'Duration'),
        cell: ({ row: { original } }: Cell) =>
          original.end === undefined ? (
            <Stack gap={1} alignItems="center">
              <Badge color="red" text={t('bizowner.incidents.open', 'Open')} />
              <span>{durationText(original.durationMs)}</span>
            </Stack>
          ) : (
            durationText(original.durationMs)
          ),
      },
      {
        id: 'acknowledged',
        header: t('bizowner.incidents.acknowledged', 'Acknowledged'),
        cell: ({ row: { original } }: Cell) => <Acknowledged incident={original} acknowledge={acknowledge} />,
      },
      {
        id: 'budget',
        header: t('bizowner.incidents.budget', 'Budget consumed'),
        cell: ({ row: { original } }: Cell) =>
          original.impact.budgetConsumed === undefined ? (
            <Text color="secondary">—</Text>
          ) : (
            shareText(original.impact.budgetConsumed)
          ),
      },
      {
        id: 'impact',
        header: t('bizowner.incidents.impact', 'Impact'),
        cell: ({ row: { original } }: Cell) => <Impact incident={original} />,
      },
      {
        id: 'postmortem',
        header: t('bizowner.incidents.postmortem', 'Postmortem'),
        cell: ({ row: { original } }: Cell) => <Postmortem incident={original} />,
      },
    ],
    [sloNames, acknowledge]
  );
  return (
    <div data-testid={testIds.incidents.table}>
      <InteractiveTable columns={columns} data={incidents} getRowId={(incident: AssessedIncident) => incident.id} />
    </div>
  );
}
