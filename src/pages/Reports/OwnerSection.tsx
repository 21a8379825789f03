import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Badge, Button, Column, InteractiveTable, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { OwnerReport, ReportSignOff, SloOutcome, SloReport } from '../../domain/reports';
import { sloUrl } from '../../routing';
import { formatAttainment, formatDay, formatSpent } from './reportFormat';

interface Row extends SloReport {
  serviceName: string;
}

type Cell = { row: { original: Row } };

const NONE = '—';
/** After a freeform SLI's attainment, which is not weighted by traffic. */
const UNWEIGHTED_MARK = ' *';

function OutcomeBadge({ outcome }: { outcome: SloOutcome }) {
  switch (outcome) {
    case 'met':
      return <Badge color="green" text={t('bizowner.reports.met', 'Met')} />;
    case 'missed':
      return <Badge color="red" text={t('bizowner.reports.missed', 'Missed')} />;
    default:
      return <Badge color="blue" text={t('bizowner.reports.noData', 'No data')} />;
  }
}

function useColumns(): Array<Column<Row>> {
  return useMemo(
    () => [
      { id: 'serviceName', header: t('bizowner.reports.col.service', 'Service') },
      {
        id: 'name',
        header: t('bizowner.reports.col.slo', 'SLO'),
        cell: ({ row: { original } }: Cell) => (
          <TextLink href={sloUrl(original.sloId)} inline={false}>
            {original.name}
          </TextLink>
        ),
      },
      {
        id: 'objective',
        header: t('bizowner.reports.col.objective', 'Objective'),
        cell: ({ row: { original } }: Cell) => `${original.objective}%`,
      },
      {
        id: 'attainment',
        header: t('bizowner.reports.col.attainment', 'Attainment'),
        cell: ({ row: { original } }: Cell) =>
          original.attainment === undefined ? (
            NONE
          ) : (
            <span
              title={
                original.weighted
                  ? undefined
                  : t('bizowner.reports.unweighted', 'Mean of the 5-minute ratio: not weighted by traffic')
              }
            >
              {formatAttainment(original.attainment, original.objective)}
              {original.weighted ? '' : UNWEIGHTED_MARK}
            </span>
          ),
      },
      {
        id: 'budgetSpent',
        header: t('bizowner.reports.col.budget', 'Budget spent'),
        cell: ({ row: { original } }: Cell) =>
          original.budgetSpent === undefined ? NONE : formatSpent(original.budgetSpent),
      },
      {
        id: 'worstDay',
        header: t('bizowner.reports.col.worstDay', 'Worst day'),
        cell: ({ row: { original } }: Cell) =>
          original.worstDay
            ? `${formatDay(original.worstDay.start, original.timeZone)}: ${formatAttainment(
                original.worstDay.attainment,
                original.objective
              )}`
            : NONE,
      },
      { id: 'incidents', header: t('bizowner.reports.col.incidents', 'Incidents') },
      {
        id: 'outcome',
        header: t('bizowner.reports.col.outcome', 'Objective met'),
        cell: ({ row: { original } }: Cell) => <OutcomeBadge outcome={original.outcome} />,
      },
    ],
    []
  );
}

interface SignOffProps {
  /** The kept report's sign-off of this owner, if any. */
  signedOff?: ReportSignOff;
  /** Whether the report is kept (an ended period): only then can it be signed off. */
  kept: boolean;
  /** Whether the signed-in user is this owner and may write. */
  maySign: boolean;
  signing: boolean;
  onSignOff: () => void;
}

function SignOffState({ signedOff, kept, maySign, signing, onSignOff }: SignOffProps) {
  if (signedOff) {
    return (
      <Text color="success" data-testid={testIds.reports.signedOff}>
        {t('bizowner.reports.signedOff', 'Signed off by {{by}} on {{at}}', {
          by: signedOff.by,
          at: dateTimeFormat(signedOff.at),
          interpolation: { escapeValue: false },
        })}
      </Text>
    );
  }
  if (kept && maySign) {
    return (
      <Button
        variant="secondary"
        icon="check"
        onClick={onSignOff}
        disabled={signing}
        data-testid={testIds.reports.signOff}
      >
        {t('bizowner.reports.signOff', 'Sign off this period')}
      </Button>
    );
  }
  return (
    <Text color="secondary" variant="bodySmall">
      {kept
        ? t('bizowner.reports.notSigned', 'Not signed off yet: only the business owner can sign off.')
        : t('bizowner.reports.notKept', 'Can be signed off once the period has ended and its report is kept.')}
    </Text>
  );
}

interface Props extends Omit<SignOffProps, 'signedOff'> {
  owner: OwnerReport;
  signOffs: Record<string, ReportSignOff>;
}

/** One business owner's part of the report: their weighted total, the sign-off and a row per SLO. */
export function OwnerSection({ owner, signOffs, ...signOff }: Props) {
  const styles = useStyles2(getStyles);
  const columns = useColumns();
  const rows = useMemo(
    () => owner.services.flatMap((service) => service.slos.map((slo) => ({ ...slo, serviceName: service.name }))),
    [owner]
  );
  const { totals } = owner;
  return (
    <section
      className={styles.section}
      data-testid={testIds.reports.ownerSection}
      aria-label={owner.ownerName || undefined}
    >
      <Stack justifyContent="space-between" alignItems="center" wrap="wrap">
        <Stack direction="column" gap={0.5}>
          <Text element="h3" variant="h4">
            {owner.ownerName || t('bizowner.reports.noOwner', 'No business owner')}
          </Text>
          <Text color="secondary" data-testid={testIds.reports.ownerTotals}>
            {t(
              'bizowner.reports.totals',
              '{{attainment}} of {{events}} events good · {{met}} met, {{missed}} missed, {{noData}} without data · incidents: {{incidents}}',
              {
                attainment:
                  totals.attainment === undefined ? NONE : formatAttainment(totals.attainment, totals.attainment),
                events: totals.events.total.toLocaleString('en-US', { maximumFractionDigits: 0 }),
                met: totals.met,
                missed: totals.missed,
                noData: totals.noData,
                incidents: totals.incidents,
                interpolation: { escapeValue: false },
              }
            )}
          </Text>
        </Stack>
        {owner.ownerId && <SignOffState signedOff={signOffs[owner.ownerId]} {...signOff} />}
      </Stack>
      <div data-testid={testIds.reports.table}>
        <InteractiveTable columns={columns} data={rows} getRowId={(row: Row) => row.sloId} />
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
});
