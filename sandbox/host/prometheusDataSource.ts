import { lastValueFrom } from 'rxjs';
import {
  DataFrame,
  DataQuery,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  FieldType,
  TestDataSourceResponse,
  createDataFrame,
} from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';

export interface PromQuery extends DataQuery {
  expr: string;
  instant?: boolean;
  range?: boolean;
  legendFormat?: string;
  format?: 'time_series' | 'table';
}

interface PromSeries {
  metric: Record<string, string>;
  values?: Array<[number, string]>;
  value?: [number, string];
}

interface PromAnswer {
  status: string;
  error?: string;
  data: { resultType: string; result: PromSeries[] };
}

function legend(format: string | undefined, labels: Record<string, string>): string | undefined {
  if (!format) {
    return undefined;
  }
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? '');
}

function toFrame(query: PromQuery, series: PromSeries): DataFrame {
  const { __name__, ...labels } = series.metric;
  const points = series.values ?? (series.value ? [series.value] : []);
  return createDataFrame({
    refId: query.refId,
    name: legend(query.legendFormat, series.metric) ?? __name__,
    fields: [
      { name: 'Time', type: FieldType.time, values: points.map(([t]) => t * 1000) },
      {
        name: 'Value',
        type: FieldType.number,
        values: points.map(([, v]) => Number(v)),
        labels,
        config: { displayNameFromDS: legend(query.legendFormat, series.metric) },
      },
    ],
  });
}

/**
 * A small Prometheus data source for the sandbox: range and instant PromQL queries through the
 * host's data source proxy, answered as data frames with labels. Grafana's own Prometheus data
 * source does far more; this covers what the plugin's panels ask for.
 */
export class SandboxPrometheusDataSource extends DataSourceApi<PromQuery> {
  constructor(instanceSettings: DataSourceInstanceSettings) {
    super(instanceSettings);
  }

  async query(request: DataQueryRequest<PromQuery>): Promise<DataQueryResponse> {
    const targets = request.targets.filter((target) => !target.hide && target.expr);
    const frames = await Promise.all(targets.map((target) => this.runQuery(target, request)));
    return { data: frames.flat() };
  }

  private async runQuery(query: PromQuery, request: DataQueryRequest<PromQuery>): Promise<DataFrame[]> {
    const end = Math.floor(request.range.to.valueOf() / 1000);
    const start = Math.floor(request.range.from.valueOf() / 1000);
    const step = Math.max(Math.floor((request.intervalMs ?? 60000) / 1000), 1);
    const expr = query.expr;
    const path = query.instant ? 'api/v1/query' : 'api/v1/query_range';
    const params = query.instant ? { query: expr, time: end } : { query: expr, start, end, step };
    const response = await lastValueFrom(
      getBackendSrv().fetch<PromAnswer>({ url: `/api/datasources/proxy/uid/${this.uid}/${path}`, params })
    );
    return response.data.data.result.map((series) => toFrame(query, series));
  }

  /**
   * A variable's values: `label_values(<selector>, <label>)` as Grafana's Prometheus data source
   * reads it (the label's values among the matching series), or a bare label name (all its values).
   */
  async metricFindQuery(query: string): Promise<Array<{ text: string }>> {
    const call = /^\s*label_values\((.*),\s*(\w+)\s*\)\s*$/s.exec(query);
    const label = call ? call[2] : query;
    const answer = await getBackendSrv().get<{ data: string[] }>(
      `/api/datasources/uid/${this.uid}/resources/api/v1/label/${label}/values`,
      call ? { 'match[]': call[1].trim() } : undefined
    );
    return answer.data.map((text) => ({ text }));
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    await getBackendSrv().get(`/api/datasources/proxy/uid/${this.uid}/api/v1/status/buildinfo`);
    return { status: 'success', message: 'Prometheus answered' };
  }
}
