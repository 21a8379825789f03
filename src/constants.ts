import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;

export const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;

/** Top-level routes of the app; `plugin.json` includes mirror them. */
export enum ROUTES {
  Services = 'services',
  People = 'people',
  Slos = 'slos',
  Executive = 'executive',
  Governance = 'governance',
  Reports = 'reports',
}

/** Where Grafana shows the app's configuration page. */
export const CONFIG_URL = `/plugins/${PLUGIN_ID}`;
