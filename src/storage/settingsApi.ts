/**
 * The slice of Grafana's plugin settings HTTP API that the registry uses:
 * `GET /api/plugins/:pluginId/settings` and `POST /api/plugins/:pluginId/settings`.
 * Kept behind an interface so that tests run against a fake of the documented API.
 */

/** What `GET /api/plugins/:pluginId/settings` returns (fields this app does not read are omitted). */
export interface PluginSettingsDto {
  enabled: boolean;
  pinned: boolean;
  /** `null` until the settings were saved once in this organisation. */
  jsonData?: Record<string, unknown> | null;
  /** Names of secrets that are set; their values are never sent to the browser. */
  secureJsonFields?: Record<string, boolean>;
}

/**
 * Body of `POST /api/plugins/:pluginId/settings`. Grafana replaces `jsonData` as a whole and
 * keeps stored secrets that are not named in `secureJsonData`.
 */
export interface PluginSettingsUpdate {
  enabled: boolean;
  pinned: boolean;
  jsonData: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

/** Result of one HTTP call; `status` is 0 when the request did not reach Grafana. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export interface SettingsApi {
  getSettings(): Promise<ApiResult<PluginSettingsDto>>;
  updateSettings(body: PluginSettingsUpdate): Promise<ApiResult<void>>;
}
