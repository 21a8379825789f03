/**
 * What the scenes need from Grafana in jest: runtime data sources that record the queries they
 * receive and answer with one series per query, a data source service that knows them, a
 * `runRequest`, and panel plugins that print their frames (Grafana's core panels do not exist
 * outside Grafana). Install once per test file with `installFakeGrafana()`.
 */
import React from 'react';
import { from, map } from 'rxjs';
import {
  DataQueryRequest,
  DataQueryResponse,
  FieldType,
  LoadingState,
  PanelPlugin,
  PanelProps,
  createDataFrame,
  createTheme,
  getDisplayProcessor,
} from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setPluginImportUtils, setRunRequest } from '@grafana/runtime';
import { registerRuntimeDataSource, RuntimeDataSource } from '@grafana/scenes';
import { DataQuery } from '@grafana/schema';

type Target = DataQuery & { expr?: string; rawSql?: string };

/** The queries each data source received, in order, with the step Grafana computed for their request. */
export const received: Array<{ uid: string; target: Target; intervalMs: number }> = [];

/** Labels of the series answered for a query, as the rules label them: one SLO of checkout, named by refId. */
function labelsFor(target: Target): Record<string, string> {
  return {
    sloth_service: 'checkout',
    sloth_id: 'checkout-availability',
    sloth_slo: 'availability',
    refId: target.refId,
  };
}

class RecordingDataSource extends RuntimeDataSource<Target> {
  constructor(uid: string, type: string) {
    super(type, uid);
  }

  query(request: DataQueryRequest<Target>): Promise<DataQueryResponse> {
    const data = request.targets.map((target, i) => {
      received.push({ uid: this.uid, target, intervalMs: request.intervalMs });
      return createDataFrame({
        refId: target.refId,
        fields: [
          { name: 'Time', type: FieldType.time, values: [request.range.to.valueOf()] },
          { name: 'Value', type: FieldType.number, values: [0.5 + i / 10], labels: labelsFor(target) },
        ],
      });
    });
    return Promise.resolve({ data });
  }

  testDatasource() {
    // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- a test double's answer, never shown
    return Promise.resolve({ status: 'success', message: 'ok' });
  }
}

const theme = createTheme();

/** A panel that prints each frame's fields and their formatted last values. */
function PrintPanel({ data, title }: PanelProps) {
  return (
    <div data-testid={`panel ${title}`}>
      {data.series.map((frame, i) => (
        <div key={i}>
          {frame.fields.map((field) => {
            const last = field.values[field.values.length - 1];
            const display = field.display ?? getDisplayProcessor({ field, theme });
            return <span key={field.name}>{`${field.config.displayName ?? field.name}=${display(last).text} `}</span>;
          })}
        </div>
      ))}
    </div>
  );
}

const KINDS = ['timeseries', 'stat', 'table', 'gauge', 'bargauge', 'logs', 'text'];
const plugins = new Map(
  KINDS.map((id) => {
    const plugin = new PanelPlugin(PrintPanel);
    plugin.meta = { ...plugin.meta, id, name: id, info: { version: '1.0.0' } } as PanelPlugin['meta'];
    return [id, plugin];
  })
);

let installed = false;

/** Registers data sources `prometheus` and `loki`, the run-request and the panel plugins. */
export function installFakeGrafana(): void {
  if (installed) {
    return;
  }
  installed = true;
  // @grafana/ui's auto-sized inputs measure their text on a canvas, which jsdom does not draw.
  HTMLCanvasElement.prototype.getContext = (() => ({
    measureText: (text: string) => ({ width: text.length * 8 }),
  })) as unknown as HTMLCanvasElement['getContext'];
  const sources = [new RecordingDataSource('prometheus', 'prometheus'), new RecordingDataSource('loki', 'loki')];
  sources.forEach((dataSource) => registerRuntimeDataSource({ dataSource }));
  setDataSourceSrv({
    getInstanceSettings: (ref: string | { uid?: string } | null | undefined) => {
      const uid = typeof ref === 'string' ? ref : ref?.uid;
      const source = sources.find((candidate) => candidate.uid === uid);
      return source && { uid: source.uid, type: source.type, name: source.uid };
    },
    get: (ref: { uid?: string }) => Promise.resolve(sources.find((source) => source.uid === ref?.uid)),
    getList: () => [],
    reload: () => Promise.resolve(),
    registerRuntimeDataSource: () => undefined,
  } as unknown as DataSourceSrv);
  setRunRequest((ds, request) =>
    from(ds.query(request) as Promise<DataQueryResponse>).pipe(
      map((response) => ({ state: LoadingState.Done, series: response.data, timeRange: request.range }))
    )
  );
  setPluginImportUtils({
    importPanelPlugin: (id: string) => Promise.resolve(plugins.get(id)!),
    getPanelPluginFromCache: (id: string) => plugins.get(id),
  });
}
