/**
 * The incident report of a window, read from Grafana and Prometheus. At most six requests,
 * whatever the number of SLOs or incidents:
 *
 * 1. the page alerts' firing periods: Grafana alerting's state history when it holds them
 *    (Grafana-managed rules with a Loki history backend), else Prometheus' `ALERTS_FOR_STATE`
 *    (rules evaluated by Prometheus), one query for all SLOs;
 * 2. the silences of the Alertmanager (acknowledgements), beside it;
 * 3. then, in parallel: the 5-minute increases of the SLOs that had incidents, every SLO's window
 *    errors and period events, and the revenue KPIs of the services that had incidents.
 *
 * What could not be read is listed in `gaps`; the report shows the rest.
 */
import {
  Acknowledgement,
  FiringSeries,
  Incident,
  IncidentInputs,
  IncidentReport,
  RevenueKpi,
  assessIncidents,
  budgetInputsQuery,
  detectIncidents,
  eventsRangeMs,
  firingFromForState,
  incidentEventsQuery,
  isPageBurnAlert,
  pageAlertsQuery,
  readBudgetInputs,
  readEventBuckets,
  readRevenue,
  revenueKpi,
  revenueQuery,
} from '../../domain/incidents';
import { RegistryDocument } from '../../domain/model';
import { LABEL_ID } from '../../domain/rules/names';
import { queryPrometheusRaw, RawQueryResult } from './prometheusQuery';
import { fetchSilences, GRAFANA_ALERTMANAGER } from './silences';
import { fetchStateHistory } from './stateHistory';

/** Where the firing periods come from; `auto` tries Grafana's state history first. */
export type IncidentSource = 'auto' | 'grafana' | 'prometheus';

/** How far before the window the state history is read, to find the start of an incident open at its start. */
const HISTORY_LOOKBACK_MS = 86_400_000;

export interface FetchIncidentsOptions {
  /** The window (Unix ms); `to` is the read time. */
  from: number;
  to: number;
  source?: IncidentSource;
  /** Acknowledgements recorded in the app. */
  acknowledgements?: Acknowledgement[];
  /** The Alertmanager whose silences acknowledge: `grafana` (default) or a data source uid. */
  alertmanager?: string;
  mergeGapMs?: number;
  postmortemShare?: number;
  /**
   * Only these SLOs' incidents (a service's or an SLO's page): the other SLOs' alerts are left out
   * once read, so that their events and budgets are not asked for.
   */
  sloIds?: string[];
}

/** A part of the report that could not be read. */
export type IncidentGap =
  | { kind: 'stateHistoryUnavailable'; message: string }
  | { kind: 'stateHistoryTruncated' }
  | { kind: 'silencesUnavailable'; message: string }
  | { kind: 'acknowledgementsUnavailable'; message: string }
  | { kind: 'acknowledgementsTruncated' }
  | { kind: 'eventsFailed'; message: string }
  | { kind: 'budgetFailed'; message: string }
  | { kind: 'revenueFailed'; message: string };

export type IncidentsResult =
  | { ok: true; source: 'grafana' | 'prometheus'; report: IncidentReport; gaps: IncidentGap[] }
  | { ok: false; kind: 'noDataSource' }
  | { ok: false; kind: 'queryFailed'; message: string };

type FiringRead =
  { ok: true; source: 'grafana' | 'prometheus'; series: FiringSeries[] } | { ok: false; message: string };

async function readFiring(
  prometheus: string | undefined,
  options: FetchIncidentsOptions,
  gaps: IncidentGap[]
): Promise<FiringRead> {
  const source = options.source ?? 'auto';
  if (source !== 'prometheus') {
    const history = await fetchStateHistory(options.from - HISTORY_LOOKBACK_MS, options.to);
    if (history.ok && (source === 'grafana' || history.series.some((series) => isPageBurnAlert(series.labels)))) {
      if (history.truncated) {
        gaps.push({ kind: 'stateHistoryTruncated' });
      }
      return { ok: true, source: 'grafana', series: history.series };
    }
    if (!history.ok && (source === 'grafana' || !prometheus)) {
      return { ok: false, message: history.message };
    }
    if (!history.ok) {
      gaps.push({ kind: 'stateHistoryUnavailable', message: history.message });
    }
  }
  if (!prometheus) {
    return { ok: false, message: 'no Prometheus data source' };
  }
  const answer = await queryPrometheusRaw(prometheus, pageAlertsQuery(options.to - options.from), options.to);
  return answer.ok
    ? { ok: true, source: 'prometheus', series: firingFromForState(answer.series, options.to) }
    : { ok: false, message: answer.message };
}

/** The revenue KPIs of the services that had incidents, by service id. */
function revenueKpisOf(doc: RegistryDocument, incidents: Incident[]): Map<string, RevenueKpi> {
  const kpis = new Map<string, RevenueKpi>();
  for (const service of doc.services) {
    const kpi = incidents.some((incident) => incident.serviceId === service.id) ? revenueKpi(service) : undefined;
    if (kpi) {
      kpis.set(service.id, kpi);
    }
  }
  return kpis;
}

/**
 * What the incidents cost, in three queries at most, run together: the 5-minute increases of the
 * SLOs that had incidents, every SLO's window errors and period events, the revenue KPIs.
 */
async function readCosts(
  prometheus: string,
  doc: RegistryDocument,
  incidents: Incident[],
  window: { from: number; to: number },
  gaps: IncidentGap[]
): Promise<Pick<IncidentInputs, 'buckets' | 'budgets' | 'revenue'>> {
  const { from, to } = window;
  const kpis = revenueKpisOf(doc, incidents);
  const run = (expr: string | undefined) => (expr ? queryPrometheusRaw(prometheus, expr, to) : undefined);
  const firstStart = Math.min(...incidents.map((incident) => incident.start));
  const [events, budget, revenue] = await Promise.all([
    run(
      incidents.length > 0
        ? incidentEventsQuery([...new Set(incidents.map((item) => item.sloId))], eventsRangeMs(firstStart, to))
        : undefined
    ),
    run(doc.slos.length > 0 ? budgetInputsQuery(doc.slos, to - from) : undefined),
    run(
      kpis.size > 0
        ? revenueQuery(
            [...kpis].map(([serviceId, kpi]) => ({ serviceId, revenue: kpi })),
            to - from
          )
        : undefined
    ),
  ]);
  const noteFailure = (kind: 'eventsFailed' | 'budgetFailed' | 'revenueFailed', result?: RawQueryResult) => {
    if (result?.ok === false) {
      gaps.push({ kind, message: result.message });
    }
  };
  noteFailure('eventsFailed', events);
  noteFailure('budgetFailed', budget);
  noteFailure('revenueFailed', revenue);
  return {
    buckets: events?.ok ? readEventBuckets(events.series) : undefined,
    budgets: budget?.ok ? readBudgetInputs(budget.series, doc.slos) : undefined,
    revenue: revenue?.ok ? readRevenue(revenue.series, kpis) : undefined,
  };
}

/** The registry and firing series narrowed to `sloIds`; as given without them. */
function scoped(doc: RegistryDocument, series: FiringSeries[], sloIds: string[] | undefined) {
  if (!sloIds) {
    return { doc, series };
  }
  const only = new Set(sloIds);
  return {
    doc: { ...doc, slos: doc.slos.filter((slo) => only.has(slo.id)) },
    series: series.filter((item) => only.has(item.labels[LABEL_ID])),
  };
}

/** Reads the window's incidents and everything the report needs about them. */
export async function fetchIncidents(
  registry: RegistryDocument,
  options: FetchIncidentsOptions
): Promise<IncidentsResult> {
  const { from, to } = options;
  const prometheus = registry.settings.prometheus?.uid;
  if (!prometheus && options.source === 'prometheus') {
    return { ok: false, kind: 'noDataSource' };
  }
  const gaps: IncidentGap[] = [];
  const [firing, silences] = await Promise.all([
    readFiring(prometheus, options, gaps),
    fetchSilences(options.alertmanager ?? GRAFANA_ALERTMANAGER),
  ]);
  if (!firing.ok) {
    return prometheus || options.source === 'grafana'
      ? { ok: false, kind: 'queryFailed', message: firing.message }
      : { ok: false, kind: 'noDataSource' };
  }
  if (!silences.ok) {
    gaps.push({ kind: 'silencesUnavailable', message: silences.message });
  }
  const { doc, series } = scoped(registry, firing.series, options.sloIds);
  const serviceBySlo = new Map(doc.slos.map((slo) => [slo.id, slo.serviceId]));
  const inWindow = detectIncidents(series, {
    mergeGapMs: options.mergeGapMs,
    serviceOf: (sloId) => serviceBySlo.get(sloId),
  }).filter((incident) => incident.start >= from && incident.start < to);
  const costs = prometheus ? await readCosts(prometheus, doc, inWindow, { from, to }, gaps) : {};
  const report = assessIncidents({
    doc,
    window: { from, to },
    series,
    acknowledgements: options.acknowledgements,
    silences: silences.ok ? silences.silences : [],
    ...costs,
    options: { mergeGapMs: options.mergeGapMs, postmortemShare: options.postmortemShare },
  });
  return { ok: true, source: firing.source, report, gaps };
}
