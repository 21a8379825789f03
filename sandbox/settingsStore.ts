import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';

/** What Grafana stores for an app plugin per organisation. */
export interface StoredPluginSettings {
  enabled: boolean;
  pinned: boolean;
  jsonData: Record<string, unknown>;
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

/** Reads the app's provisioned settings (`provisioning/plugins/apps.yaml`), as Grafana would at start. */
export function readProvisionedSettings(appsYamlPath: string, pluginId: string): StoredPluginSettings {
  const empty: StoredPluginSettings = { enabled: true, pinned: true, jsonData: {}, secureJsonFields: {} };
  if (!existsSync(appsYamlPath)) {
    return empty;
  }
  const provisioned = expandProvisioningValue(parse(readFileSync(appsYamlPath, 'utf8'))) as {
    apps?: Array<Record<string, unknown>>;
  };
  const app = provisioned?.apps?.find((entry) => entry.type === pluginId);
  if (!app) {
    return empty;
  }
  return {
    enabled: app.disabled !== true,
    pinned: true,
    jsonData: (app.jsonData as Record<string, unknown>) ?? {},
    secureJsonFields: Object.fromEntries(Object.keys((app.secureJsonData as object) ?? {}).map((key) => [key, true])),
  };
}

/**
 * Plugin settings persisted to one JSON file. Writes go to a temporary file that is renamed over
 * the old one, so a crash mid-write never leaves a half-written document.
 */
export class SettingsFile {
  constructor(
    private readonly path: string,
    private readonly seed: () => StoredPluginSettings
  ) {}

  read(): StoredPluginSettings {
    if (!existsSync(this.path)) {
      this.write(this.seed());
    }
    return JSON.parse(readFileSync(this.path, 'utf8')) as StoredPluginSettings;
  }

  write(settings: StoredPluginSettings): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(settings, null, 2));
    renameSync(temporary, this.path);
  }
}
