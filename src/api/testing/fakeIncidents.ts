/**
 * Grafana and Prometheus holding the incidents fixture's day (src/domain/incidents/fixtures.ts), as
 * routes of the fake backend service: Prometheus' answers through the data source's resource API,
 * Grafana's annotations (kept in memory, `login` of the creator), an empty state history (no
 * history backend) and no silences.
 */
import {
  AVAILABILITY,
  LATENCY,
  MINUTE,
  PERIOD_EVENTS,
  REVENUE_PER_HOUR,
  incidentBuckets,
  incidentForStateSeries,
} from '../../domain/incidents/fixtures';
import { FakeAnswer, on, RecordedRequest, Route } from './fakeBackend';

export const PROMETHEUS_UID = 'prom';
export const QUERY_URL = `/api/datasources/uid/${PROMETHEUS_UID}/resources/api/v1/query`;

type Samples = Array<[number, number]>;

function matrix(series: Array<{ labels: Record<string, string>; samples: Samples }>): FakeAnswer {
  const result = series.map(({ labels, samples }) => ({
    metric: labels,
    values: samples.map(([time, value]) => [time / 1000, String(value)]),
  }));
  return { status: 200, body: { status: 'success', data: { resultType: 'matrix', result } } };
}

function vector(items: Array<[Record<string, string>, number]>, time: number): FakeAnswer {
  const result = items.map(([metric, value]) => ({ metric, value: [time / 1000, String(value)] }));
  return { status: 200, body: { status: 'success', data: { resultType: 'vector', result } } };
}

/** Prometheus holding the fixture's day read at `to`, as the resource API answers each query. */
export function incidentPrometheus(day: number, to: number) {
  return (request: RecordedRequest): FakeAnswer => {
    const query = new URLSearchParams(String(request.data)).get('query') ?? '';
    if (query.startsWith('ALERTS_FOR_STATE')) {
      return matrix(incidentForStateSeries(day, MINUTE, to));
    }
    if (query.startsWith('{__name__=~"slo:sli_error:increase5m')) {
      return matrix(
        [...incidentBuckets(day)].flatMap(([sloId, buckets]) => [
          {
            labels: { __name__: 'slo:sli_error:increase5m', sloth_id: sloId },
            samples: buckets.map((b): [number, number] => [b.end, b.errors]),
          },
          {
            labels: { __name__: 'slo:sli_total:increase5m', sloth_id: sloId },
            samples: buckets.map((b): [number, number] => [b.end, b.total]),
          },
        ])
      );
    }
    if (query.includes('window_errors')) {
      return vector(
        [
          [{ sloth_id: AVAILABILITY, measure: 'window_errors' }, 3450],
          [{ sloth_id: LATENCY, measure: 'window_errors' }, 3090],
          [{ sloth_id: AVAILABILITY, measure: 'period_events' }, PERIOD_EVENTS[AVAILABILITY]],
          [{ sloth_id: LATENCY, measure: 'period_events' }, PERIOD_EVENTS[LATENCY]],
        ],
        to
      );
    }
    if (query.includes('avg_over_time')) {
      return vector([[{ sloth_service: 'checkout' }, REVENUE_PER_HOUR]], to);
    }
    return { status: 400, body: { status: 'error', error: `unexpected query ${query}` } };
  };
}

export interface FakeAnnotation {
  id: number;
  time: number;
  tags: string[];
  text: string;
  login: string;
}

/**
 * Grafana's annotation API over `annotations`: `POST` adds one made by `login` (or answers
 * `refusal`), `GET` lists those carrying every tag asked for.
 */
export function annotationRoutes(annotations: FakeAnnotation[], login: string, refusal?: FakeAnswer): Route[] {
  return [
    on('POST', '/api/annotations', (request) => {
      if (refusal) {
        return refusal;
      }
      const body = request.data as { time: number; tags: string[]; text: string };
      const id = annotations.length + 1;
      annotations.push({ id, time: body.time, tags: body.tags, text: body.text, login });
      return { status: 200, body: { message: 'Annotation added', id } };
    }),
    on('GET', '/api/annotations', (request) => {
      const tags = ([] as unknown[]).concat(request.params.tags ?? []).map(String);
      return { status: 200, body: annotations.filter((item) => tags.every((tag) => item.tags.includes(tag))) };
    }),
  ];
}

/** The fixture's day in Prometheus, Grafana without a state history backend or silences, and `annotations`. */
export function incidentGrafana(day: number, to: number, annotations: Route[]): Route[] {
  return [
    on('GET', '/api/v1/rules/history', {
      status: 200,
      body: { schema: { name: 'states', fields: [] }, data: { values: [] } },
    }),
    on('GET', '/api/alertmanager/grafana/api/v2/silences', { status: 200, body: [] }),
    on('POST', QUERY_URL, incidentPrometheus(day, to)),
    ...annotations,
  ];
}
