/**
 * Report queries against Prometheus' HTTP API from the command line: instant queries to
 * `/api/v1/query`, the worst-day range queries to `/api/v1/query_range`, each POSTed as a form
 * (a registry of SLOs in several time zones makes long selectors). Failures are values naming the
 * server, so that the report lists what it could not read.
 */
import { RawSeries } from '../../domain/incidents';
import { QueryOutcome, ReportQuery, ReportQueryRunner } from '../../domain/reports';
import { CliIo } from '../io';
import { parseSampleValue } from '../prometheus';

interface Answer {
  status?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?: Array<{ metric?: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }>;
  };
}

function seriesOf(answer: Answer): RawSeries[] | undefined {
  const result = answer.data?.result;
  if ((answer.data?.resultType !== 'vector' && answer.data?.resultType !== 'matrix') || !Array.isArray(result)) {
    return undefined;
  }
  return result.map((item) => ({
    labels: item.metric ?? {},
    samples: (item.values ?? (item.value ? [item.value] : [])).map(([time, value]): [number, number] => [
      Math.round(time * 1000),
      parseSampleValue(String(value)),
    ]),
  }));
}

function formOf(query: ReportQuery): Record<string, string> {
  return query.kind === 'instant'
    ? { query: query.expr, time: String(query.time / 1000) }
    : {
        query: query.expr,
        start: String(query.start / 1000),
        end: String(query.end / 1000),
        step: String(query.stepSeconds),
      };
}

/** Runs report queries on the Prometheus at `base` (a URL ending in `/`). */
export function prometheusRunner(io: CliIo, base: string): ReportQueryRunner {
  return async (query): Promise<QueryOutcome> => {
    const url = new URL(query.kind === 'instant' ? 'api/v1/query' : 'api/v1/query_range', base);
    let text: string;
    let status: number;
    try {
      const response = await io.fetch(url.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(formOf(query)).toString(),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      return { ok: false, message: `cannot reach Prometheus at ${base}: ${(error as Error).message}` };
    }
    let answer: Answer;
    try {
      answer = JSON.parse(text);
    } catch {
      return { ok: false, message: `Prometheus at ${base} answered HTTP ${status} with a body that is not JSON` };
    }
    if (answer.status !== 'success') {
      return { ok: false, message: `Prometheus at ${base} refused the query: ${answer.error ?? `HTTP ${status}`}` };
    }
    const series = seriesOf(answer);
    return series
      ? { ok: true, series }
      : { ok: false, message: `Prometheus at ${base} answered with a ${answer.data?.resultType ?? 'missing'} result` };
  };
}
