import React, { useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { t } from '@grafana/i18n';
import { getBackendSrv, locationSearchToObject, locationService } from '@grafana/runtime';
import { Alert, Button, Combobox, EmptyState, Field, LoadingPlaceholder, RadioButtonGroup, Stack } from '@grafana/ui';
import { downloadText } from '../../components/AppConfig/downloadText';
import { signedInIdentity } from '../../storage/grafana/signedInUser';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { testIds } from '../../components/testIds';
import { CalendarUnit, parsePeriodName } from '../../domain/budget/period';
import { RegistryDocument } from '../../domain/model';
import {
  defaultPeriodName,
  isPerson,
  recentPeriods,
  reportCsv,
  reportFileName,
  ReportQueryRunner,
  SignedInIdentity,
} from '../../domain/reports';
import { createGrafanaApi, GrafanaApi } from '../../storage/grafana/api';
import { backendSrvTransport } from '../../storage/grafana/backendSrvTransport';
import { useRegistry } from '../../storage/RegistryContext';
import { ALL_OWNERS, ReportBody } from './ReportBody';
import { useReport } from './useReport';

/** How many periods the picker offers, newest (the running one) first. */
const PICKER_LENGTH: Record<CalendarUnit, number> = { month: 13, quarter: 8, week: 26 };

interface Props {
  /** Grafana's API for the kept reports; the signed-in user's by default. */
  api?: GrafanaApi;
  /** Runs the report's PromQL; the registry's Prometheus data source by default. */
  run?: ReportQueryRunner;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
}

/** Period reports of the loaded registry. */
export function ReportsPage(props: Props) {
  return <RegistryLoaded>{(doc) => <Reports doc={doc} {...props} />}</RegistryLoaded>;
}

function usePeriodQuery(now: number) {
  const { search } = useLocation();
  const params = locationSearchToObject(search);
  const requested = typeof params.period === 'string' ? params.period : defaultPeriodName('month', new Date(now));
  const parsed = parsePeriodName(requested);
  const unit: CalendarUnit = 'unit' in parsed ? parsed.unit : 'month';
  const owner = typeof params.owner === 'string' ? params.owner : ALL_OWNERS;
  return { period: requested, unit, owner };
}

function Reports({ doc, api: givenApi, run, now: clock = Date.now }: Props & { doc: RegistryDocument }) {
  const { canWrite } = useRegistry();
  const [now] = useState(clock);
  const api = useMemo(() => givenApi ?? createGrafanaApi(backendSrvTransport(getBackendSrv())), [givenApi]);
  const user: SignedInIdentity = useMemo(() => signedInIdentity(), []);
  const { period, unit, owner } = usePeriodQuery(now);
  const { state, signOff, signing, signFailure } = useReport(doc, {
    period,
    now,
    api,
    canWrite,
    login: user.login,
    run,
  });
  const periods = useMemo(() => {
    const names = recentPeriods(unit, new Date(now), PICKER_LENGTH[unit]);
    return (names.includes(period) ? names : [period, ...names]).map((name, index) => ({
      value: name,
      label:
        index === 0 && names[0] === name ? t('bizowner.reports.running', '{{name}} (in progress)', { name }) : name,
    }));
  }, [unit, now, period]);
  const owners = useMemo(() => {
    const ids = new Set(doc.services.map((service) => service.owners.businessOwner).filter(Boolean));
    return [
      { value: ALL_OWNERS, label: t('bizowner.reports.allOwners', 'All business owners') },
      ...doc.people.filter((person) => ids.has(person.id)).map((person) => ({ value: person.id, label: person.name })),
    ];
  }, [doc]);

  const setQuery = (patch: Record<string, string | undefined>) => locationService.partial(patch, true);

  return (
    <Stack direction="column" gap={2} data-testid={testIds.reports.page}>
      <Stack gap={2} alignItems="flex-end" wrap="wrap">
        <Field label={t('bizowner.reports.unit', 'Period')} noMargin>
          <RadioButtonGroup<CalendarUnit>
            data-testid={testIds.reports.unit}
            value={unit}
            onChange={(next) => setQuery({ period: defaultPeriodName(next, new Date(now)) })}
            options={[
              { value: 'month', label: t('bizowner.reports.month', 'Month') },
              { value: 'quarter', label: t('bizowner.reports.quarter', 'Quarter') },
              { value: 'week', label: t('bizowner.reports.week', 'Week') },
            ]}
          />
        </Field>
        <Field label={t('bizowner.reports.which', 'Which')} noMargin>
          <Combobox
            id="report-period"
            data-testid={testIds.reports.period}
            width={24}
            value={period}
            options={periods}
            onChange={(option) => setQuery({ period: option.value })}
          />
        </Field>
        <Field label={t('bizowner.reports.owner', 'Business owner')} noMargin>
          <Combobox
            id="report-owner"
            data-testid={testIds.reports.owner}
            width={30}
            value={owner}
            options={owners}
            onChange={(option) => setQuery({ owner: option.value || undefined })}
          />
        </Field>
        <Button
          variant="secondary"
          icon="download-alt"
          disabled={state.loading || !state.ok}
          onClick={() =>
            state.loading ||
            !state.ok ||
            downloadText(reportFileName(state.report), reportCsv(state.report), 'text/csv')
          }
          data-testid={testIds.reports.download}
        >
          {t('bizowner.reports.download', 'Download CSV')}
        </Button>
      </Stack>
      {doc.slos.length === 0 ? (
        <EmptyState variant="not-found" message={t('bizowner.reports.noSlos', 'No SLOs to report on')}>
          <div data-testid={testIds.reports.empty}>
            {t(
              'bizowner.reports.noSlosBody',
              'Reports show each SLO over a calendar period once the services have SLOs.'
            )}
          </div>
        </EmptyState>
      ) : state.loading ? (
        <LoadingPlaceholder text={t('bizowner.reports.loading', 'Reading the report of {{period}}…', { period })} />
      ) : !state.ok ? (
        <Alert
          severity="error"
          title={t('bizowner.reports.failed', 'The report of {{period}} could not be made', { period })}
          data-testid={testIds.reports.error}
        >
          {state.message}
        </Alert>
      ) : (
        <ReportBody
          doc={doc}
          report={state.report}
          owner={owner}
          frozen={state.frozen}
          storageProblem={state.storageProblem}
          signFailure={signFailure}
          canSign={(ownerId) =>
            canWrite &&
            isPerson(
              doc.people.find((person) => person.id === ownerId),
              user
            )
          }
          signing={signing}
          onSignOff={signOff}
        />
      )}
    </Stack>
  );
}
