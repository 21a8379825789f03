/**
 * The report of a period as the page shows it: the kept copy when the period has ended and was
 * kept, else computed from Prometheus (incidents from Grafana's alert state history when it holds
 * the page alerts, as the incident report reads them); an ended period's report is kept on its first computation
 * by someone who may write the registry, once it has data and every query answered, so that later
 * rule or objective changes never rewrite it.
 */
import { FiringSeries, isPageBurnAlert } from '../../domain/incidents';
import { RegistryDocument } from '../../domain/model';
import {
  FrozenReport,
  hasData,
  incidentWindow,
  PeriodReport,
  planReport,
  ReportPlan,
  readReport,
  ReportQueryRunner,
} from '../../domain/reports';
import { GrafanaApi } from '../../storage/grafana/api';
import { freezeReport, readFrozenReport } from '../../storage/reports/reportStore';
import { fetchStateHistory } from '../incidents/stateHistory';
import { dataSourceRunner } from './prometheusRunner';

export interface FetchReportOptions {
  period: string;
  now: number;
  api: GrafanaApi;
  /** Whether the user may write the registry's folder, where kept reports go. */
  canWrite: boolean;
  login: string;
  /** Runs the queries; the registry's Prometheus data source by default. */
  run?: ReportQueryRunner;
}

export type ReportResult =
  | {
      ok: true;
      report: PeriodReport;
      /** The kept copy, for an ended period that was kept. */
      frozen?: FrozenReport;
      /** Why an ended period's report could not be read from or kept in Grafana. */
      storageProblem?: string;
    }
  | { ok: false; kind: 'badPeriod' | 'noDataSource'; message: string };

/**
 * The page alerts' firing periods from Grafana's alert state history when it holds them
 * (Grafana-managed rules with a Loki history backend), as the incident report reads them first;
 * undefined otherwise, and the report reads Prometheus' `ALERTS_FOR_STATE`. A history cut at its
 * limit is not used.
 */
async function historyFiring(plan: ReportPlan): Promise<FiringSeries[] | undefined> {
  const window = incidentWindow(plan);
  if (!window) {
    return undefined;
  }
  const history = await fetchStateHistory(window.from, window.to);
  return history.ok && !history.truncated && history.series.some((series) => isPageBurnAlert(series.labels))
    ? history.series
    : undefined;
}

/** Reads (and, the first time after its period ended, keeps) the report of `options.period`. */
export async function fetchReport(doc: RegistryDocument, options: FetchReportOptions): Promise<ReportResult> {
  const plan = planReport(doc, options.period, options.now);
  if ('message' in plan) {
    return { ok: false, kind: 'badPeriod', message: plan.message };
  }
  let storageProblem: string | undefined;
  if (plan.ended) {
    const kept = await readFrozenReport(options.api, plan.period);
    if (kept.ok && kept.stored) {
      return { ok: true, report: kept.stored.frozen.report, frozen: kept.stored.frozen };
    }
    storageProblem = kept.ok ? undefined : `the kept report could not be read: ${kept.message}`;
  }
  const uid = doc.settings.prometheus?.uid;
  if (!options.run && !uid) {
    return { ok: false, kind: 'noDataSource', message: 'no Prometheus data source is chosen in the configuration' };
  }
  const firing = await historyFiring(plan);
  const report = await readReport(doc, plan, options.run ?? dataSourceRunner(uid!), firing);
  if (
    report.status !== 'ended' ||
    !options.canWrite ||
    storageProblem ||
    report.failures.length > 0 ||
    !hasData(report)
  ) {
    return { ok: true, report, storageProblem };
  }
  const kept = await freezeReport(options.api, report, options.login, new Date(options.now));
  if (kept.ok && kept.stored) {
    return { ok: true, report: kept.stored.frozen.report, frozen: kept.stored.frozen };
  }
  return { ok: true, report, storageProblem: `the report could not be kept: ${kept.ok ? 'not found' : kept.message}` };
}
