import React, { useMemo, useState } from 'react';
import { t } from '@grafana/i18n';
import { Column, FilterInput, InlineField, InlineSwitch, InteractiveTable, Stack, Text, TextLink } from '@grafana/ui';
import { IncidentsResult } from '../../api/incidents/fetchIncidents';
import { useIncidents } from '../../components/Incidents/useIncidents';
import { usePageLive } from '../../components/LiveValues/liveState';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { LevelBadge } from '../../components/Status/LevelBadge';
import { LiveDataNotice } from '../../components/Status/LiveDataNotice';
import { liveStateReason } from '../../components/LiveValues/liveTexts';
import { levelLabel } from '../../components/labels';
import { summarizePortfolio } from '../../domain/governance/portfolio';
import { scoreRegistry } from '../../domain/governance/scorecard';
import { Scorecard } from '../../domain/governance/types';
import { RegistryDocument } from '../../domain/model';
import { LiveValues } from '../../domain/registryView/liveValues';
import { serviceUrl } from '../../routing';
import { checkText } from './checkTexts';
import { PortfolioSummary } from './PortfolioSummary';
import { ScorecardDetails } from './ScorecardDetails';

interface CardRow {
  card: Scorecard;
  name: string;
}

type Cell = { row: { original: CardRow } };

/** The page's live values with the incidents once read, or why they could not be. */
function withIncidents(live: LiveValues | undefined, result: IncidentsResult | undefined): LiveValues | undefined {
  if (!result) {
    return live;
  }
  if (result.ok) {
    return { ...live, incidents: result.report.incidents };
  }
  return {
    ...live,
    incidentsUnknown: result.kind === 'noDataSource' ? result : { kind: 'queryFailed', message: result.message },
  };
}

/** Governance: the portfolio summary, then one scorecard per service with its evidence. */
export function GovernancePage() {
  return <RegistryLoaded>{(doc) => <Governance doc={doc} />}</RegistryLoaded>;
}

function Governance({ doc }: { doc: RegistryDocument }) {
  const { live: measured, state, dataSource } = usePageLive(doc.settings.prometheus);
  // Read once for the page (seven requests at most): the postmortem check needs the incidents.
  const incidents = useIncidents(doc).result;
  const live = useMemo(() => withIncidents(measured, incidents), [measured, incidents]);
  const [search, setSearch] = useState('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const liveReason = state ? liveStateReason(state, dataSource) : undefined;
  const cards = useMemo(() => scoreRegistry(doc, live), [doc, live]);
  const summary = useMemo(() => summarizePortfolio(cards), [cards]);
  const rows = useMemo(() => {
    const names = new Map(doc.services.map((service) => [service.id, service.name]));
    const text = search.toLowerCase();
    return cards
      .map((card) => ({ card, name: names.get(card.serviceId) ?? card.serviceId }))
      .filter(
        (row) =>
          (!attentionOnly || row.card.failing.length > 0) &&
          `${row.card.serviceId} ${row.name}`.toLowerCase().includes(text)
      );
  }, [cards, doc.services, search, attentionOnly]);
  const columns = useMemo<Array<Column<CardRow>>>(
    () => [
      {
        id: 'service',
        header: t('bizowner.gov.col.service', 'Service'),
        cell: ({ row: { original } }: Cell) => (
          <TextLink href={serviceUrl(original.card.serviceId)} inline={false}>
            {original.name}
          </TextLink>
        ),
      },
      {
        id: 'level',
        header: t('bizowner.gov.col.level', 'Level'),
        cell: ({ row: { original } }: Cell) => <LevelBadge level={original.card.level} />,
      },
      {
        id: 'next',
        header: t('bizowner.gov.col.next', 'Next step'),
        cell: ({ row: { original } }: Cell) =>
          original.card.next ? (
            t('bizowner.gov.nextStep', '{{level}}: {{missing}}', {
              level: levelLabel(original.card.next.level),
              missing: original.card.next.missing.map((id) => checkText(id).title).join(', '),
              interpolation: { escapeValue: false },
            })
          ) : (
            <Text color="success">{t('bizowner.gov.top', 'Top of the ladder')}</Text>
          ),
      },
      {
        id: 'failing',
        header: t('bizowner.gov.col.failing', 'Failure modes found'),
        cell: ({ row: { original } }: Cell) => (
          <Stack direction="column" gap={0}>
            {original.card.failing.length > 0 ? (
              <Text color="error">{original.card.failing.map((id) => checkText(id).title).join(', ')}</Text>
            ) : (
              <Text color="secondary">{t('bizowner.gov.noneFound', 'None found')}</Text>
            )}
            {original.card.unknown.length > 0 && (
              <Text color="secondary" variant="bodySmall">
                {t('bizowner.gov.unknownModes', 'Unknown: {{checks}}', {
                  checks: original.card.unknown.map((id) => checkText(id).title).join(', '),
                  interpolation: { escapeValue: false },
                })}
              </Text>
            )}
          </Stack>
        ),
      },
    ],
    []
  );

  return (
    <Stack direction="column" gap={2}>
      <PortfolioSummary summary={summary} />
      <LiveDataNotice state={state} dataSource={dataSource} />
      <Stack gap={2} alignItems="center" wrap="wrap">
        <FilterInput
          value={search}
          onChange={setSearch}
          placeholder={t('bizowner.gov.search', 'Search services')}
          aria-label={t('bizowner.gov.search', 'Search services')}
          width={40}
        />
        <InlineField label={t('bizowner.gov.attentionOnly', 'Only services that need attention')} transparent>
          <InlineSwitch
            id="governance-attention-only"
            value={attentionOnly}
            onChange={() => setAttentionOnly(!attentionOnly)}
          />
        </InlineField>
      </Stack>
      {doc.services.length === 0 ? (
        <Text color="secondary">
          {t('bizowner.gov.empty', 'No services yet: scorecards appear once services are in the registry.')}
        </Text>
      ) : (
        <InteractiveTable
          columns={columns}
          data={rows}
          getRowId={(row: CardRow) => row.card.serviceId}
          pageSize={25}
          renderExpandedRow={(row: CardRow) => <ScorecardDetails card={row.card} liveReason={liveReason} />}
        />
      )}
    </Stack>
  );
}
