/**
 * What the preview's scene needs from Grafana in jest: a `runRequest` over the installed data
 * sources and a time-series panel plugin that prints its frames (Grafana's core panels do not
 * exist outside Grafana).
 */
import React from 'react';
import { from, map } from 'rxjs';
import { DataQueryResponse, LoadingState, PanelPlugin, PanelProps } from '@grafana/data';
import { setPluginImportUtils, setRunRequest } from '@grafana/runtime';

function PrintPanel({ data, title }: PanelProps) {
  return (
    <div data-testid={`panel ${title}`}>
      {data.series.map((frame, i) => (
        <div key={i}>{frame.fields.map((field) => `${field.name}=${field.values.join(',')} `)}</div>
      ))}
    </div>
  );
}

const timeseries = new PanelPlugin(PrintPanel);
timeseries.meta = {
  ...timeseries.meta,
  id: 'timeseries',
  name: 'timeseries',
  info: { version: '1.0.0' },
} as PanelPlugin['meta'];

let pluginsInstalled = false;

/** Installs the run-request and (once per test file, as Grafana allows) the panel plugin. */
export function installFakePanels(): void {
  setRunRequest((ds, request) =>
    from(ds.query(request) as Promise<DataQueryResponse>).pipe(
      map((response) => ({ state: LoadingState.Done, series: response.data, timeRange: request.range }))
    )
  );
  if (pluginsInstalled) {
    return;
  }
  pluginsInstalled = true;
  setPluginImportUtils({
    importPanelPlugin: () => Promise.resolve(timeseries),
    getPanelPluginFromCache: () => timeseries,
  });
}
