/**
 * Panel plugins for the sandbox host. Grafana ships core panels (time series, stat, table, logs,
 * text, …) that scenes load by id through `getPluginImportUtils()`; the sandbox is not Grafana and
 * has none, so these small panels built from @grafana/ui stand in for them, with the standard
 * field options and a `runRequest` they need. They are sandbox tooling: inside Grafana the app's
 * scenes use Grafana's own panels.
 */
import { ComponentType } from 'react';
import { PanelPlugin, PanelProps } from '@grafana/data';
import { setPluginImportUtils, setRunRequest } from '@grafana/runtime';
import { LogsPanel } from './LogsPanel';
import { sandboxRunRequest } from './runRequest';
import { passThroughOption, registerStandardOptions } from './standardOptions';
import { StatPanel } from './StatPanel';
import { TablePanel } from './TablePanel';
import { TextPanel } from './TextPanel';
import { TimeSeriesPanel } from './TimeSeriesPanel';

/** Custom (per-visualisation) field options the generated dashboards set, kept as set. */
const CUSTOM_OPTIONS = ['thresholdsStyle', 'cellOptions', 'drawStyle', 'fillOpacity', 'lineWidth'];

function panelPlugin(id: string, component: ComponentType<PanelProps<any>>): PanelPlugin {
  const plugin = new PanelPlugin(component).useFieldConfig({
    useCustomConfig: (builder) => {
      for (const name of CUSTOM_OPTIONS) {
        const { id: optionId, ...option } = passThroughOption(name);
        builder.addCustomEditor({ ...option, id: optionId, category: ['Sandbox'] });
      }
    },
  });
  plugin.meta = {
    ...plugin.meta,
    id,
    name: `${id} (sandbox stand-in)`,
    info: { ...plugin.meta?.info, version: 'sandbox' },
  } as PanelPlugin['meta'];
  return plugin;
}

const PANELS: Record<string, ComponentType<PanelProps<any>>> = {
  timeseries: TimeSeriesPanel,
  stat: StatPanel,
  gauge: StatPanel,
  bargauge: StatPanel,
  table: TablePanel,
  logs: LogsPanel,
  text: TextPanel,
};

/** Registers the stand-in panels, the standard field options and the sandbox's `runRequest`. */
export function installSandboxPanels(): void {
  registerStandardOptions();
  const plugins = new Map(Object.entries(PANELS).map(([id, component]) => [id, panelPlugin(id, component)]));
  setPluginImportUtils({
    importPanelPlugin: (id: string) => {
      const plugin = plugins.get(id);
      return plugin ? Promise.resolve(plugin) : Promise.reject(new Error(`The sandbox has no "${id}" panel`));
    },
    getPanelPluginFromCache: (id: string) => plugins.get(id),
  });
  setRunRequest(sandboxRunRequest);
}
