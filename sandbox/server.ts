/**
 * The sandbox host's HTTP server: serves the built plugin the way Grafana serves it
 * (`/public/plugins/<id>/module.js`), the host page under the app's Grafana URLs, the plugin
 * settings API with Grafana's role rules, dashboard save and search (in memory, ./dashboards.ts),
 * and a data source proxy to a real Prometheus/Loki.
 * Without a Prometheus URL, data source `prometheus` is the embedded demo data source
 * (sandbox/demoPrometheus), computed from the demo model and the stored registry's rules.
 *
 * It stands in for Grafana only as far as this plugin needs; it is test and demo tooling.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { readStoredRegistry } from '../src/storage/storedRegistry';
import { DashboardStore } from './dashboards';
import { DemoPrometheus } from './demoPrometheus/api';
import { can, OrgRole, parseRole, permissionsOf } from './roles';
import { readProvisionedSettings, SettingsFile, StoredPluginSettings } from './settingsStore';

export interface SandboxOptions {
  port: number;
  host: string;
  role: OrgRole;
  /** Folder holding the built plugin (`dist/`). */
  distDir: string;
  /** Folder holding the host bundle. */
  buildDir: string;
  settingsPath: string;
  appsYamlPath: string;
  prometheusUrl?: string;
  lokiUrl?: string;
}

const MIME: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css',
  '.md': 'text/markdown',
};

/** Grafana's icons, where @grafana/ui asks for them under the public path, from its npm package. */
const ICONS_PATH = '/public/build/img/icons/';
const ICONS_DIR = resolve(__dirname, '..', 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img', 'icons');

/** An icon of @grafana/ui's package; the few Grafana ships only with its server are drawn blank. */
function sendIcon(res: ServerResponse, relative: string): void {
  const file = normalize(join(ICONS_DIR, relative));
  if (file.startsWith(ICONS_DIR) && file.endsWith('.svg') && existsSync(file)) {
    sendFile(res, ICONS_DIR, relative);
    return;
  }
  res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-cache' });
  res.end('<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"></svg>');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendFile(res: ServerResponse, root: string, relative: string): void {
  const file = normalize(join(root, relative));
  if (!file.startsWith(resolve(root)) || !existsSync(file) || !statSync(file).isFile()) {
    sendJson(res, 404, { message: 'Plugin file not found' });
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Forwards a data source request to the upstream URL, as Grafana's data source proxy does. */
async function proxy(req: IncomingMessage, res: ServerResponse, upstream: string, path: string): Promise<void> {
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  try {
    const answer = await fetch(`${upstream.replace(/\/$/, '')}/${path}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
      body,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    sendJson(res, 502, { message: `Bad gateway: ${(error as Error).message}` });
  }
}

function pluginJson(options: SandboxOptions): Record<string, unknown> {
  return JSON.parse(readFileSync(join(options.distDir, 'plugin.json'), 'utf8'));
}

function dataSources(options: SandboxOptions) {
  const list = [];
  const prometheusName = options.prometheusUrl ? 'Prometheus' : 'Prometheus (demo)';
  list.push({ id: 1, uid: 'prometheus', name: prometheusName, type: 'prometheus', access: 'proxy', isDefault: true });
  if (options.lokiUrl) {
    list.push({ id: 2, uid: 'loki', name: 'Loki', type: 'loki', access: 'proxy', isDefault: false });
  }
  return list;
}

function upstreamOf(options: SandboxOptions, uid: string): string | undefined {
  return uid === 'prometheus' ? options.prometheusUrl : uid === 'loki' ? options.lokiUrl : undefined;
}

function indexHtml(options: SandboxOptions): string {
  const datasources = Object.fromEntries(
    dataSources(options).map((ds) => [ds.name, { ...ds, meta: { id: ds.type, name: ds.type, info: { logos: {} } } }])
  );
  const bootData = {
    settings: {
      featureToggles: {},
      appSubUrl: '',
      appUrl: `http://${options.host}:${options.port}/`,
      datasources,
      buildInfo: { version: '12.4.10', env: 'sandbox' },
    },
    user: {
      id: 1,
      login: options.role.toLowerCase(),
      name: `Sandbox ${options.role}`,
      email: `${options.role.toLowerCase()}@sandbox.invalid`,
      orgId: 1,
      orgRole: options.role,
      isSignedIn: true,
      isGrafanaAdmin: false,
      theme: 'dark',
      timezone: 'utc',
      permissions: permissionsOf(options.role),
    },
    navTree: [],
    assets: { dark: '', light: '' },
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Business Owner · sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>window.grafanaBootData = ${JSON.stringify(bootData)}; window.__grafana_public_path__ = '/public/';</script>
<link rel="stylesheet" href="/public/build/host.css"><style>body { margin: 0; }</style>
</head><body><div id="root"></div><script src="/public/build/host.js"></script></body></html>`;
}

async function handleSettings(req: IncomingMessage, res: ServerResponse, options: SandboxOptions, store: SettingsFile) {
  const meta = pluginJson(options);
  if (req.method === 'GET') {
    const stored = store.read();
    sendJson(res, 200, {
      ...meta,
      module: `public/plugins/${meta.id}/module.js`,
      baseUrl: `public/plugins/${meta.id}`,
      enabled: stored.enabled,
      pinned: stored.pinned,
      jsonData: stored.jsonData,
      secureJsonFields: stored.secureJsonFields,
    });
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, { message: 'Method not allowed' });
    return;
  }
  if (!can(options.role, 'plugins:write')) {
    sendJson(res, 403, {
      message: 'You do not have permission to perform this action (plugins:write)',
      accessErrorId: 'ACE0001',
    });
    return;
  }
  let command: Partial<StoredPluginSettings> & { secureJsonData?: Record<string, string> };
  try {
    command = JSON.parse(await readBody(req));
  } catch {
    sendJson(res, 400, { message: 'bad request data' });
    return;
  }
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
  sendJson(res, 200, { message: 'Plugin settings updated' });
}

/** Starts the sandbox server; resolves once it listens. */
export function startSandboxServer(options: SandboxOptions): Promise<http.Server> {
  const pluginId = String(pluginJson(options).id);
  const store = new SettingsFile(options.settingsPath, () => readProvisionedSettings(options.appsYamlPath, pluginId));
  const demo = options.prometheusUrl
    ? undefined
    : new DemoPrometheus({
        registry: () => {
          const stored = readStoredRegistry(store.read().jsonData);
          return stored.ok ? stored.doc : undefined;
        },
      });
  const dashboards = new DashboardStore();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${options.host}`);
    const path = url.pathname;
    const datasourceCall = path.match(/^\/api\/datasources\/(?:proxy\/uid|uid)\/([^/]+)\/(?:resources\/)?(.*)$/);
    const route = async () => {
      if (path === `/api/plugins/${pluginId}/settings`) {
        return handleSettings(req, res, options, store);
      }
      if (path === '/api/datasources') {
        return sendJson(res, 200, dataSources(options));
      }
      if (path === '/api/search' && req.method === 'GET') {
        const answer = dashboards.search(url.searchParams);
        return sendJson(res, answer.status, answer.body);
      }
      if (path === '/api/dashboards/db' && req.method === 'POST') {
        if (!can(options.role, 'dashboards:write')) {
          return sendJson(res, 403, { message: 'Access denied to save dashboard', accessErrorId: 'ACE0002' });
        }
        let command: unknown;
        try {
          command = JSON.parse(await readBody(req));
        } catch {
          return sendJson(res, 400, { message: 'bad request data' });
        }
        const answer = dashboards.save(command);
        return sendJson(res, answer.status, answer.body);
      }
      if (datasourceCall && datasourceCall[1] === 'prometheus' && demo) {
        const params = new URLSearchParams(url.search);
        if (req.method === 'POST') {
          new URLSearchParams(await readBody(req)).forEach((value, key) => params.append(key, value));
        }
        const answer = demo.handle(req.method ?? 'GET', datasourceCall[2], params);
        return sendJson(res, answer.status, answer.body);
      }
      if (datasourceCall) {
        const upstream = upstreamOf(options, datasourceCall[1]);
        if (!upstream) {
          return sendJson(res, 404, { message: 'Data source not found' });
        }
        return proxy(req, res, upstream, `${datasourceCall[2]}${url.search}`);
      }
      if (path.startsWith('/api/')) {
        return sendJson(res, 404, { message: `Not found: the sandbox does not stand in for ${path}` });
      }
      if (path.startsWith(`/public/plugins/${pluginId}/`)) {
        return sendFile(res, options.distDir, path.slice(`/public/plugins/${pluginId}/`.length));
      }
      if (path.startsWith(ICONS_PATH)) {
        return sendIcon(res, path.slice(ICONS_PATH.length));
      }
      if (path.startsWith('/public/build/')) {
        return sendFile(res, options.buildDir, path.slice('/public/build/'.length));
      }
      if (path === '/favicon.ico' || path.includes('/public/fonts/')) {
        // Grafana's own fonts and icon are not published in npm packages: the browser falls back to system fonts.
        res.writeHead(204);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(indexHtml(options));
    };
    route().catch((error: Error) => sendJson(res, 500, { message: error.message }));
  });
  // Longer than clients keep idle connections (undici: 4 s by default, browsers more), so the
  // server never closes a connection a client is about to reuse (ECONNRESET on the next request).
  server.keepAliveTimeout = 65_000;
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen(server));
  });
}

/** Options from the environment: SANDBOX_PORT, SANDBOX_ROLE, SANDBOX_STATE, PROMETHEUS_URL, LOKI_URL. */
export function optionsFromEnv(root: string): SandboxOptions {
  return {
    port: Number(process.env.SANDBOX_PORT ?? 3001),
    host: '127.0.0.1',
    role: parseRole(process.env.SANDBOX_ROLE),
    distDir: join(root, 'dist'),
    buildDir: join(root, '.sandbox', 'build'),
    settingsPath: process.env.SANDBOX_STATE ?? join(root, '.sandbox', 'settings.json'),
    appsYamlPath: join(root, 'provisioning', 'plugins', 'apps.yaml'),
    prometheusUrl: process.env.PROMETHEUS_URL || undefined,
    lokiUrl: process.env.LOKI_URL || undefined,
  };
}
