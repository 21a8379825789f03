import { AppSettings, RegistryDocument, SCHEMA_VERSION } from './model';

/** The billing query used until an admin edits it: hourly cost metrics summed per cost tag set. */
export const DEFAULT_BILLING_QUERY = 'sum(rate(cloud_cost_usd_total{$costTags}[1h])) * 3600';

/** Settings of a freshly installed app. */
export function defaultSettings(): AppSettings {
  return { defaultWindow: '30d', defaultAlertPreset: 'google-30d' };
}

/** An empty registry at revision 0, what a new installation starts from. */
export function emptyRegistry(): RegistryDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    revision: 0,
    settings: defaultSettings(),
    people: [],
    services: [],
    slos: [],
  };
}
