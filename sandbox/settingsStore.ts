import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { writeJsonAtomically } from './persist';

/** What Grafana stores for an app plugin per organisation. */
export interface StoredPluginSettings {
  enabled: boolean;
  pinned: boolean;
  jsonData: Record<string, unknown>;
  secureJsonFields: Record<string, boolean>;
}

/** One `apps` entry of a plugin provisioning file, as Grafana's plugin provisioner reads it. */
export interface ProvisionedApp {
  enabled: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonFields: Record<string, boolean>;
}

/**
 * Grafana expands environment variables in provisioning files: `$VAR` and `${VAR}` become the
 * variable's value and `$$` stands for a literal `$`.
 */
export function expandProvisioningValue(value: unknown, env: NodeJS.ProcessEnv = process.env): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) =>
      match === '$$' ? '$' : (env[braced ?? bare ?? ''] ?? '')
    );
  }
  if (Array.isArray(value)) {
    return value.map((item) => expandProvisioningValue(item, env));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandProvisioningValue(item, env)]));
  }
  return value;
}

/**
 * The app's entries in a plugin provisioning file (`provisioning/plugins/apps.yaml`), in file
 * order; none when the file is missing. Grafana's provisioner applies each entry in turn.
 */
export function readProvisionedApps(appsYamlPath: string, pluginId: string): ProvisionedApp[] {
  if (!existsSync(appsYamlPath)) {
    return [];
  }
  const provisioned = expandProvisioningValue(parse(readFileSync(appsYamlPath, 'utf8'))) as {
    apps?: Array<Record<string, unknown>>;
  };
  return (provisioned?.apps ?? [])
    .filter((entry) => entry.type === pluginId)
    .map((app) => ({
      enabled: app.disabled !== true,
      jsonData: app.jsonData as Record<string, unknown> | undefined,
      secureJsonFields: Object.fromEntries(Object.keys((app.secureJsonData as object) ?? {}).map((key) => [key, true])),
    }));
}

/** What the settings API answers before anything was saved or provisioned. */
const UNSAVED: StoredPluginSettings = { enabled: true, pinned: true, jsonData: {}, secureJsonFields: {} };

/** Plugin settings persisted to one JSON file, written atomically. */
export class SettingsFile {
  constructor(private readonly path: string) {}

  read(): StoredPluginSettings {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as StoredPluginSettings) : UNSAVED;
  }

  write(settings: StoredPluginSettings): void {
    writeJsonAtomically(this.path, settings);
  }

  /**
   * Applies provisioned app entries as Grafana does at every start
   * (pkg/services/provisioning/plugins/plugin_provisioner.go → pluginsettings `updatePluginSetting`):
   * `enabled` and `pinned` (always true for provisioned apps) are written; `jsonData` replaces the
   * stored one, except that xorm's `Update` skips a nil or empty map, so an entry without
   * `jsonData` keeps what was saved; provisioned secrets are merged into the stored ones.
   */
  applyProvisioning(apps: ProvisionedApp[]): void {
    if (apps.length === 0) {
      return;
    }
    let settings = existsSync(this.path) ? this.read() : undefined;
    for (const app of apps) {
      const jsonData = app.jsonData && Object.keys(app.jsonData).length > 0 ? app.jsonData : undefined;
      settings = {
        enabled: app.enabled,
        pinned: true,
        jsonData: jsonData ?? settings?.jsonData ?? {},
        secureJsonFields: { ...settings?.secureJsonFields, ...app.secureJsonFields },
      };
    }
    this.write(settings as StoredPluginSettings);
  }
}
