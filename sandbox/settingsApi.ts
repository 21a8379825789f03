/**
 * `GET`/`POST /api/plugins/:id/settings` as Grafana answers them for an app plugin; writing needs
 * `plugins:write`, which only org admins hold.
 */
import { IncomingMessage } from 'node:http';
import { accessDenied, ApiAnswer, readJsonBody } from './http';
import { Identity } from './identity';
import { can } from './roles';
import { SettingsFile, StoredPluginSettings } from './settingsStore';

/** The answer to a settings request; `meta` is the plugin's plugin.json. */
export async function settingsAnswer(
  req: IncomingMessage,
  meta: Record<string, unknown>,
  store: SettingsFile,
  who: Identity
): Promise<ApiAnswer> {
  if (req.method === 'GET') {
    const stored = store.read();
    return {
      status: 200,
      body: {
        ...meta,
        module: `public/plugins/${meta.id}/module.js`,
        baseUrl: `public/plugins/${meta.id}`,
        enabled: stored.enabled,
        pinned: stored.pinned,
        jsonData: stored.jsonData,
        secureJsonFields: stored.secureJsonFields,
      },
    };
  }
  if (req.method !== 'POST') {
    return { status: 405, body: { message: 'Method not allowed' } };
  }
  if (!can(who.role, 'plugins:write')) {
    return accessDenied('plugins:write');
  }
  const body = await readJsonBody(req);
  if (!('ok' in body)) {
    return body;
  }
  const command = body.value as Partial<StoredPluginSettings> & { secureJsonData?: Record<string, string> };
  const previous = store.read();
  // Grafana replaces the stored settings with the command's fields as sent.
  store.write({
    enabled: Boolean(command.enabled),
    pinned: Boolean(command.pinned),
    jsonData: command.jsonData ?? {},
    secureJsonFields: command.secureJsonData
      ? Object.fromEntries(Object.keys(command.secureJsonData).map((key) => [key, true]))
      : previous.secureJsonFields,
  });
  return { status: 200, body: { message: 'Plugin settings updated' } };
}
