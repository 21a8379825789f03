import { DataSourceApi, DataSourceInstanceSettings, DataSourceRef, PluginType } from '@grafana/data';
import type { DataSourceSrv, GetDataSourceListFilters } from '@grafana/runtime';
import { SandboxPrometheusDataSource } from './prometheusDataSource';

interface ListedDataSource {
  uid: string;
  name: string;
  type: string;
  isDefault: boolean;
}

function toInstanceSettings(ds: ListedDataSource): DataSourceInstanceSettings {
  return {
    id: 0,
    uid: ds.uid,
    name: ds.name,
    type: ds.type,
    access: 'proxy',
    isDefault: ds.isDefault,
    readOnly: true,
    jsonData: {},
    meta: {
      id: ds.type,
      name: ds.type === 'prometheus' ? 'Prometheus' : ds.type === 'loki' ? 'Loki' : ds.type,
      type: PluginType.datasource,
      module: '',
      baseUrl: '',
      metrics: true,
      logs: ds.type === 'loki',
      info: {
        author: { name: 'Grafana Labs' },
        description: '',
        links: [],
        logos: { small: 'public/img/icn-datasource.svg', large: 'public/img/icn-datasource.svg' },
        screenshots: [],
        updated: '',
        version: '',
      },
    },
  } as DataSourceInstanceSettings;
}

/** The data sources the sandbox server proxies, as Grafana's data source service lists them. */
export class SandboxDataSourceSrv implements DataSourceSrv {
  private readonly settings: DataSourceInstanceSettings[];
  private readonly instances = new Map<string, DataSourceApi>();

  constructor(list: ListedDataSource[]) {
    this.settings = list.map(toInstanceSettings);
  }

  async get(ref?: string | DataSourceRef | null): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref);
    if (!settings) {
      throw new Error(`Data source ${JSON.stringify(ref)} was not found`);
    }
    const known = this.instances.get(settings.uid);
    if (known) {
      return known;
    }
    if (settings.type !== 'prometheus') {
      throw new Error(`The sandbox has no ${settings.type} data source plugin`);
    }
    const created = new SandboxPrometheusDataSource(settings) as unknown as DataSourceApi;
    this.instances.set(settings.uid, created);
    return created;
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return this.settings.filter((ds) => {
      if (filters.pluginId && ds.type !== filters.pluginId) {
        return false;
      }
      if (filters.type && ![filters.type].flat().includes(ds.type)) {
        return false;
      }
      if (filters.filter && !filters.filter(ds)) {
        return false;
      }
      return true;
    });
  }

  getInstanceSettings(ref?: string | DataSourceRef | null): DataSourceInstanceSettings | undefined {
    if (ref === undefined || ref === null) {
      return this.settings.find((ds) => ds.isDefault) ?? this.settings[0];
    }
    const key = typeof ref === 'string' ? ref : ref.uid;
    return this.settings.find((ds) => ds.uid === key || ds.name === key);
  }

  reload(): Promise<void> {
    return Promise.resolve();
  }

  registerRuntimeDataSource(): void {
    throw new Error('Runtime data sources are registered through @grafana/scenes in the plugin');
  }
}
