import React, { useMemo } from 'react';
import { dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Column, InteractiveTable, Stack, Text, TextLink, Tooltip } from '@grafana/ui';
import { OwnerResponse, ownerResponses, WeekStats } from '../../domain/incidents';
import { RegistryDocument } from '../../domain/model';
import { personUrl } from '../../routing';
import { Section } from '../Section/Section';
import { testIds } from '../testIds';
import { durationText, shareText } from './incidentTexts';
import { IncidentGaps, IncidentsUnread } from './IncidentsStatus';
import { INCIDENT_WINDOW_DAYS, useIncidents } from './useIncidents';

type Cell = { row: { original: OwnerResponse } };

const NONE = '—';

function Figure({ value, note }: { value: string; note?: string }) {
  return (
    <Stack direction="column" gap={0}>
      <span>{value}</span>
      {note && (
        <Text variant="bodySmall" color="secondary">
          {note}
        </Text>
      )}
    </Stack>
  );
}

function weekLabel(week: WeekStats): string {
  return t('bizowner.incidents.week', '{{from}} to {{to}}: {{count}} incidents, MTTR {{mttr}}', {
    from: dateTimeFormat(week.from, { format: 'MMM D' }),
    to: dateTimeFormat(week.to, { format: 'MMM D' }),
    count: week.count,
    mttr: week.mttrMs === undefined ? NONE : durationText(week.mttrMs),
    interpolation: { escapeValue: false },
  });
}

/** The weeks oldest first: the count over the MTTR of each, the dates in a tooltip. */
function Trend({ weeks }: { weeks: WeekStats[] }) {
  return (
    <Stack gap={1.5}>
      {weeks.map((week) => (
        <Tooltip key={week.from} content={weekLabel(week)}>
          <div aria-label={weekLabel(week)}>
            <Figure value={String(week.count)} note={week.mttrMs === undefined ? NONE : durationText(week.mttrMs)} />
          </div>
        </Tooltip>
      ))}
    </Stack>
  );
}

/**
 * Incident response per business owner over the last 30 days: incidents, MTTA, MTTR, the budget
 * their incidents used, postmortems the outage policy still asks for, and the last four weeks.
 * One read for the page whatever the number of owners.
 */
export function IncidentResponse({ doc }: { doc: RegistryDocument }) {
  const { result } = useIncidents(doc);
  const rows = useMemo(() => (result?.ok ? ownerResponses(result.report) : []), [result]);
  const columns = useMemo<Array<Column<OwnerResponse>>>(() => {
    const people = new Map(doc.people.map((person) => [person.id, person.name]));
    const sloNames = new Map(doc.slos.map((slo) => [slo.id, slo.name]));
    return [
      {
        id: 'owner',
        header: t('bizowner.incidents.owner', 'Business owner'),
        cell: ({ row: { original } }: Cell) => (
          <TextLink href={personUrl(original.owner)} inline={false}>
            {people.get(original.owner) ?? original.owner}
          </TextLink>
        ),
      },
      {
        id: 'count',
        header: t('bizowner.incidents.count', 'Incidents'),
        cell: ({ row: { original } }: Cell) => (
          <Figure
            value={String(original.stats.count)}
            note={
              original.stats.open > 0
                ? t('bizowner.incidents.openCount', '{{count}} open', { count: original.stats.open })
                : undefined
            }
          />
        ),
      },
      {
        id: 'mtta',
        header: t('bizowner.incidents.mtta', 'MTTA'),
        cell: ({ row: { original } }: Cell) => (
          <Figure
            value={original.stats.mttaMs === undefined ? NONE : durationText(original.stats.mttaMs)}
            note={t('bizowner.incidents.unacknowledged', '{{count}} not acknowledged', {
              count: original.stats.unacknowledged,
            })}
          />
        ),
      },
      {
        id: 'mttr',
        header: t('bizowner.incidents.mttr', 'MTTR'),
        cell: ({ row: { original } }: Cell) => (
          <Figure
            value={original.stats.mttrMs === undefined ? NONE : durationText(original.stats.mttrMs)}
            note={t('bizowner.incidents.resolved', 'over {{count}} resolved', { count: original.stats.resolved })}
          />
        ),
      },
      {
        id: 'budget',
        header: t('bizowner.incidents.ownerBudget', 'Budget used by incidents'),
        cell: ({ row: { original } }: Cell) =>
          original.budget ? (
            <Figure
              value={shareText(original.budget.share)}
              note={sloNames.get(original.budget.sloId) ?? original.budget.sloId}
            />
          ) : (
            <Text color="secondary">{NONE}</Text>
          ),
      },
      {
        id: 'postmortems',
        header: t('bizowner.incidents.postmortemsMissing', 'Postmortems missing'),
        cell: ({ row: { original } }: Cell) => (
          <Text color={original.stats.postmortemsMissing > 0 ? 'error' : undefined}>
            {String(original.stats.postmortemsMissing)}
          </Text>
        ),
      },
      {
        id: 'trend',
        header: t('bizowner.incidents.trend', 'Last 4 weeks, oldest first: incidents over MTTR'),
        cell: ({ row: { original } }: Cell) => <Trend weeks={original.weeks} />,
      },
    ];
  }, [doc.people, doc.slos]);
  const title = t('bizowner.incidents.responseTitle', 'Incident response (last {{count}} days)', {
    count: INCIDENT_WINDOW_DAYS,
  });
  return (
    <Section title={title}>
      {!result?.ok ? (
        <IncidentsUnread result={result} />
      ) : (
        <Stack direction="column" gap={1.5} data-testid={testIds.incidents.response}>
          <IncidentGaps gaps={result.gaps} />
          {rows.length === 0 ? (
            <Text color="secondary">
              {t('bizowner.incidents.noOwners', 'No service names a business owner: nobody to report on.')}
            </Text>
          ) : (
            <InteractiveTable columns={columns} data={rows} getRowId={(row: OwnerResponse) => row.owner} />
          )}
        </Stack>
      )}
    </Section>
  );
}
