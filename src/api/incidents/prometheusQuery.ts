/**
 * Instant queries whose answer is read as Prometheus sends it, through the data source's resource
 * API (`POST /api/datasources/uid/<uid>/resources/api/v1/query`): Grafana's Prometheus data source
 * forwards any `api/v1/…` path to the data source's URL with its authentication. The incident
 * report needs Prometheus' own answer rather than data frames: a range selector's raw samples with
 * their evaluation timestamps (`ALERTS_FOR_STATE{…}[7d]`) and subquery steps. The query goes in a
 * form body, as Grafana's data source sends it, so a long SLO list does not make a long URL.
 */
import { RawSeries } from '../../domain/incidents';
import { apiRequest } from '../backend';
import { resourceUrl } from '../prometheus/resources';

interface PrometheusAnswer {
  status?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?: Array<{ metric?: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }>;
  };
}

export type RawQueryResult = { ok: true; series: RawSeries[] } | { ok: false; message: string };

/** Prometheus sample values are strings; `+Inf`, `-Inf` and `NaN` included. */
function sampleValue(text: string): number {
  if (text === '+Inf') {
    return Infinity;
  }
  return text === '-Inf' ? -Infinity : Number(text);
}

/** The series of a vector or matrix answer, samples as `[Unix ms, value]`. */
export function readPrometheusAnswer(answer: PrometheusAnswer): RawQueryResult {
  if (answer.status !== 'success') {
    return { ok: false, message: answer.error ?? 'Prometheus did not answer with success' };
  }
  const { resultType, result } = answer.data ?? {};
  if ((resultType !== 'vector' && resultType !== 'matrix') || !Array.isArray(result)) {
    return { ok: false, message: `Prometheus answered with a ${resultType ?? 'missing'} result` };
  }
  return {
    ok: true,
    series: result.map((item) => ({
      labels: item.metric ?? {},
      samples: (item.values ?? (item.value ? [item.value] : [])).map(([time, value]): [number, number] => [
        Math.round(time * 1000),
        sampleValue(value),
      ]),
    })),
  };
}

/** Runs `expr` at `time` (Unix ms) on the Prometheus data source `uid`. */
export async function queryPrometheusRaw(uid: string, expr: string, time: number): Promise<RawQueryResult> {
  const body = new URLSearchParams({ query: expr, time: String(time / 1000) });
  const answer = await apiRequest<PrometheusAnswer>({
    url: resourceUrl(uid, 'query'),
    method: 'POST',
    data: body.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return answer.ok ? readPrometheusAnswer(answer.value) : { ok: false, message: answer.message };
}
