/**
 * Report queries through the Prometheus data source's resource API, as the incident report sends
 * its queries (api/incidents/prometheusQuery.ts): instant queries to `api/v1/query`, the worst-day
 * range queries to `api/v1/query_range`, each in a form body.
 */
import { QueryOutcome, ReportQuery, ReportQueryRunner } from '../../domain/reports';
import { apiRequest } from '../backend';
import { queryPrometheusRaw, readPrometheusAnswer } from '../incidents/prometheusQuery';
import { resourceUrl } from '../prometheus/resources';

async function rangeQuery(uid: string, query: Extract<ReportQuery, { kind: 'range' }>): Promise<QueryOutcome> {
  const body = new URLSearchParams({
    query: query.expr,
    start: String(query.start / 1000),
    end: String(query.end / 1000),
    step: String(query.stepSeconds),
  });
  const answer = await apiRequest<Parameters<typeof readPrometheusAnswer>[0]>({
    url: resourceUrl(uid, 'query_range'),
    method: 'POST',
    data: body.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return answer.ok ? readPrometheusAnswer(answer.value) : { ok: false, message: answer.message };
}

/** Runs report queries on the Prometheus data source `uid`. */
export function dataSourceRunner(uid: string): ReportQueryRunner {
  return (query) =>
    query.kind === 'instant' ? queryPrometheusRaw(uid, query.expr, query.time) : rangeQuery(uid, query);
}
