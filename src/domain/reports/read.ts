/**
 * Reading a report: every query of the plan at once through whatever runs PromQL (the data source
 * in the browser, Prometheus' HTTP API on the command line), then the report of the answers.
 */
import { FiringSeries, RawSeries } from '../incidents';
import { RegistryDocument } from '../model';
import { buildReport } from './compute';
import { ReportPlan } from './plan';
import { INCIDENTS_QUERY_ID, reportQueries } from './queries';
import { PeriodReport, ReportAnswers, ReportFailure, ReportQuery } from './types';

export type QueryOutcome = { ok: true; series: RawSeries[] } | { ok: false; message: string };

/** Runs one report query. */
export type ReportQueryRunner = (query: ReportQuery) => Promise<QueryOutcome>;

/** What a query reads, for messages: `figures`, `days` or `incidents`. */
function partOf(query: ReportQuery): string {
  return query.id === INCIDENTS_QUERY_ID ? 'incidents' : query.id.slice(query.id.indexOf('.') + 1);
}

/**
 * The report of `plan`, its queries run in parallel; failed queries are listed in `failures`. With
 * `firing` (the page alerts' firing periods from Grafana's state history), the incidents query is
 * not sent.
 */
export async function readReport(
  doc: RegistryDocument,
  plan: ReportPlan,
  run: ReportQueryRunner,
  firing?: FiringSeries[]
): Promise<PeriodReport> {
  const queries = reportQueries(plan).filter((query) => !firing || query.id !== INCIDENTS_QUERY_ID);
  const outcomes = await Promise.all(queries.map((query) => run(query)));
  const answers: ReportAnswers = {};
  const failures: ReportFailure[] = [];
  outcomes.forEach((outcome, index) => {
    const query = queries[index];
    if (outcome.ok) {
      answers[query.id] = outcome.series;
    } else if (!failures.some((failure) => failure.part === partOf(query) && failure.message === outcome.message)) {
      failures.push({ part: partOf(query), message: outcome.message });
    }
  });
  return firing ? buildReport(doc, plan, answers, failures, firing) : buildReport(doc, plan, answers, failures);
}
