/**
 * The sandbox's `runRequest`: what Grafana's query runner does for scenes, reduced to what the
 * plugin needs — interpolate the targets, call the data source, answer one `PanelData` (errors as
 * panel errors, not exceptions).
 */
import { catchError, from, map, Observable, of } from 'rxjs';
import { DataQueryRequest, DataQueryResponse, DataSourceApi, LoadingState, PanelData } from '@grafana/data';
import { interpolateQuery } from './interpolate';

type TextTarget = DataQueryRequest['targets'][number] & { expr?: string; rawSql?: string };

export function sandboxRunRequest(datasource: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  const targets = request.targets.map((target: TextTarget) => ({
    ...target,
    ...(target.expr !== undefined ? { expr: interpolateQuery(target.expr, request) } : {}),
    ...(target.rawSql !== undefined ? { rawSql: interpolateQuery(target.rawSql, request) } : {}),
  }));
  const answer = datasource.query({ ...request, targets }) as
    Promise<DataQueryResponse> | Observable<DataQueryResponse>;
  return from(answer).pipe(
    map((response) => ({ state: LoadingState.Done, series: response.data, timeRange: request.range, request })),
    catchError((error: Error & { data?: { error?: string; message?: string } }) =>
      of({
        state: LoadingState.Error,
        series: [],
        timeRange: request.range,
        request,
        errors: [{ message: error.data?.error ?? error.data?.message ?? error.message }],
      })
    )
  );
}
