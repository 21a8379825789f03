/**
 * The app's settings (data sources, billing query, defaults) live in the plugin settings'
 * `jsonData.settings`: small configuration that admins change and that provisioning may set.
 * Pure: no HTTP here.
 */
import { AppSettings } from '../domain/model';
import { defaultSettings } from '../domain/registry';
import { REGISTRY_KEY } from './storedRegistry';

/** `jsonData` key holding the app's settings. */
export const SETTINGS_KEY = 'settings';

/**
 * The settings in `jsonData`: `jsonData.settings`, or, before the registry moved out of the plugin
 * settings, the settings inside `jsonData.registry`; defaults fill the rest.
 */
export function readAppSettings(jsonData: Record<string, unknown> | null | undefined): AppSettings {
  const own = jsonData?.[SETTINGS_KEY];
  if (isRecord(own)) {
    return { ...defaultSettings(), ...(own as Partial<AppSettings>) };
  }
  const legacy = jsonData?.[REGISTRY_KEY];
  if (isRecord(legacy) && isRecord(legacy.settings)) {
    return { ...defaultSettings(), ...(legacy.settings as Partial<AppSettings>) };
  }
  return defaultSettings();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
