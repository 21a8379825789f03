/**
 * Instant queries through the data source's own `query()`, the way panels query. In Grafana the
 * Prometheus and Loki data sources send it to the documented query endpoint `POST /api/ds/query`
 * with the data source's settings; elsewhere (the sandbox host) the data source registered under
 * the same uid answers it. Going through the data source rather than posting to `/api/ds/query`
 * ourselves keeps the query model (Prometheus `instant`, Loki `queryType`) the data source's
 * business, and works wherever a data source service is present.
 */
import { from, lastValueFrom } from 'rxjs';
import { DataFrame, DataQueryRequest, DataQueryResponse, dateTime, FieldType } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { DataSourceRef } from '../../domain/model';
import { failureOf } from '../backend';

/** One series of an instant result. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface InstantQuery {
  refId: string;
  expr: string;
}

export type InstantResult = { ok: true; samples: Sample[] } | { ok: false; message: string };

const LOKI = 'loki';

/** The query model of one target, in the shape the Prometheus or Loki data source reads. */
export function instantTarget(datasource: DataSourceRef, query: InstantQuery) {
  const ref = { uid: datasource.uid, type: datasource.type ?? 'prometheus' };
  return ref.type === LOKI
    ? { refId: query.refId, expr: query.expr, queryType: 'instant', datasource: ref }
    : { refId: query.refId, expr: query.expr, instant: true, range: false, datasource: ref };
}

function samplesOf(frames: DataFrame[], refId: string): Sample[] {
  return frames
    .filter((frame) => frame.refId === refId)
    .flatMap((frame) =>
      frame.fields
        .filter((field) => field.type === FieldType.number)
        // NaN stays: it is 0/0, a ratio over no events, which callers report as no traffic.
        .map((field) => ({ labels: field.labels ?? {}, value: Number(field.values[field.values.length - 1]) }))
    );
}

/**
 * Runs `queries` as instant queries at `now` in one data source request and returns each one's
 * series by refId, or the data source's error for that query.
 */
export async function runInstantQueries(
  datasource: DataSourceRef,
  queries: InstantQuery[],
  now = Date.now()
): Promise<Record<string, InstantResult>> {
  const failed = (message: string): Record<string, InstantResult> =>
    Object.fromEntries(queries.map((query) => [query.refId, { ok: false, message }]));
  if (queries.length === 0) {
    return {};
  }
  let response: DataQueryResponse;
  try {
    const ds = await getDataSourceSrv().get({ uid: datasource.uid, type: datasource.type });
    const to = dateTime(now);
    const request = {
      app: 'bizowner-slo-app',
      requestId: `bizowner-${now}`,
      interval: '1m',
      intervalMs: 60_000,
      range: { from: dateTime(now - 60_000), to, raw: { from: 'now-1m', to: 'now' } },
      scopedVars: {},
      targets: queries.map((query) => instantTarget(datasource, query)),
      timezone: 'utc',
      startTime: now,
    } as unknown as DataQueryRequest;
    response = await lastValueFrom(from(ds.query(request)));
  } catch (error) {
    return failed(failureOf(error).message);
  }
  const errors = response.errors ?? [];
  const frames = response.data as DataFrame[];
  return Object.fromEntries(
    queries.map((query) => {
      const error = errors.find((item) => item.refId === query.refId || item.refId === undefined);
      const result: InstantResult = error
        ? { ok: false, message: error.message ?? 'the query failed' }
        : { ok: true, samples: samplesOf(frames, query.refId) };
      return [query.refId, result];
    })
  );
}
