/**
 * The sandbox host's HTTP server: serves the built plugin the way Grafana serves it
 * (`/public/plugins/<id>/module.js`), the host page under the app's Grafana URLs, the plugin
 * settings API with Grafana's role rules, Grafana's folder, dashboard, version and search API
 * (persisted next to the settings, ./grafanaStore), and a data source proxy to a real Prometheus/Loki.
 * Provisioning (plugin settings and dashboard providers) is re-applied at every start, as Grafana does.
 * Without a Prometheus URL, data source `prometheus` is the embedded demo data source
 * (sandbox/demoPrometheus), computed from the demo model and the stored registry's rules.
 *
 * It stands in for Grafana only as far as this plugin needs; it is test and demo tooling.
 */
import { createAlertingRoutes } from './alertingRoutes';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { AddressInfo } from 'node:net';
import { readAppSettings } from '../src/storage/appSettings';
import { assembleRegistry } from '../src/storage/documents/assemble';
import { decodeDocument } from '../src/storage/documents/dashboardCodec';
import { INDEX_UID } from '../src/storage/documents/layout';
import { DemoPrometheus } from './demoPrometheus/api';
import { routeGrafanaApi } from './grafanaRoutes';
import { readDashboardProviders } from './grafanaStore/providers';
import { provisionDashboards } from './grafanaStore/provisioning';
import { GrafanaStore } from './grafanaStore/store';
import { sandboxHost } from './hostPackages';
import { readBody, send, sendJson } from './http';
import { identify, parseTokens, SandboxTokens } from './identity';
import { OrgRole, parseRole, permissionsOf } from './roles';
import { settingsAnswer } from './settingsApi';
import { readProvisionedApps, SettingsFile } from './settingsStore';

export interface SandboxOptions {
  port: number;
  host: string;
  /** The browser session's role; its login is the role in lower case. */
  role: OrgRole;
  /** Bearer tokens API clients may send, each acting as a role and a login. */
  tokens: SandboxTokens;
  /** Folder holding the built plugin (`dist/`). */
  distDir: string;
  /** Folder holding the host bundle. */
  buildDir: string;
  /** The Grafana version the host stands in for (its build info and `/api/health`); 12.4.10 when unset. */
  grafanaVersion?: string;
  settingsPath: string;
  /** Folders and dashboards with their versions; `dashboards.json` next to `settingsPath` when unset. */
  dashboardsPath?: string;
  /** Grafana's `[dashboards] versions_to_keep`. */
  versionsToKeep: number;
  /** The plugin provisioning file, applied at every start. */
  appsYamlPath: string;
  /** Grafana dashboard provider files (`provisioning/dashboards`), applied at every start; may not exist. */
  dashboardProvidersDir: string;
  prometheusUrl?: string;
  lokiUrl?: string;
  /**
   * A registry YAML pushed through the API when no registry is stored, as the compose stack seeds
   * Grafana (`cli push --if-empty`): once, never over a stored one.
   */
  seedRegistryPath?: string;
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
      buildInfo: { version: options.grafanaVersion ?? '12.4.10', env: 'sandbox' },
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

/** Starts the sandbox server; resolves once it listens. */
export function startSandboxServer(options: SandboxOptions): Promise<http.Server> {
  const pluginId = String(pluginJson(options).id);
  const store = new SettingsFile(options.settingsPath);
  store.applyProvisioning(readProvisionedApps(options.appsYamlPath, pluginId));
  const grafana = new GrafanaStore(
    options.dashboardsPath ?? join(dirname(options.settingsPath), 'dashboards.json'),
    options.versionsToKeep
  );
  provisionDashboards(grafana, readDashboardProviders(options.dashboardProvidersDir));
  const demo = options.prometheusUrl
    ? undefined
    : new DemoPrometheus({
        registry: () => {
          const index = grafana.state.dashboards.get(INDEX_UID);
          const decoded = index ? decodeDocument(index.data, 'index') : undefined;
          return index && decoded?.ok
            ? assembleRegistry(decoded.payload, index.version, readAppSettings(store.read().jsonData)).doc
            : undefined;
        },
      });
  // The seed acts as an admin through the API, whatever role the browser session has.
  const seedToken = randomBytes(16).toString('hex');
  const tokens: SandboxTokens = { ...options.tokens, [seedToken]: { role: 'Admin', login: 'admin' } };
  const alerting = createAlertingRoutes();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${options.host}`);
    const path = url.pathname;
    const datasourceCall = path.match(/^\/api\/datasources\/(?:proxy\/uid|uid)\/([^/]+)\/(?:resources\/)?(.*)$/);
    const route = async () => {
      const identity = identify(req, options.role, tokens);
      if (!('ok' in identity)) {
        return send(res, identity);
      }
      if (path === `/api/plugins/${pluginId}/settings`) {
        return send(res, await settingsAnswer(req, pluginJson(options), store, identity.identity));
      }
      if (path === '/api/user' && req.method === 'GET') {
        // The signed-in user (or the token's service account), as `GET /api/user` answers.
        const { login, role } = identity.identity;
        return sendJson(res, 200, {
          id: 1,
          login,
          name: login,
          email: `${login}@sandbox.invalid`,
          orgId: 1,
          orgRole: role,
          isGrafanaAdmin: false,
        });
      }
      if (path === '/api/health') {
        // What Grafana answers once it serves requests; clients such as `cli push --wait` poll it.
        return sendJson(res, 200, { database: 'ok', version: options.grafanaVersion ?? '12.4.10' });
      }
      if (path === '/api/datasources') {
        return sendJson(res, 200, dataSources(options));
      }
      const grafanaAnswer = await routeGrafanaApi(req, url, grafana, identity.identity);
      if (grafanaAnswer) {
        return send(res, grafanaAnswer);
      }
      const alertingAnswer = await alerting(req, url, identity.identity);
      if (alertingAnswer) {
        return send(res, alertingAnswer);
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
  return new Promise<http.Server>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen(server));
  }).then(async (listening) => {
    if (options.seedRegistryPath && !grafana.state.dashboards.has(INDEX_UID)) {
      const { port } = listening.address() as AddressInfo;
      await seedInChild(`http://${options.host}:${port}`, options.seedRegistryPath, seedToken);
    }
    return listening;
  });
}

/**
 * Seeds the way the compose stack seeds Grafana: `cli push --if-empty`, in a child process (this
 * server answers its requests meanwhile, and the domain's parsers load there whatever loader runs
 * this file), signed in with a token only this server knows.
 */
async function seedInChild(baseUrl: string, yamlPath: string, token: string): Promise<void> {
  const root = resolve(__dirname, '..');
  await promisify(execFile)(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'src', 'cli', 'main.ts'), 'push', yamlPath, '--grafana', baseUrl, '--if-empty'],
    { env: { ...process.env, GRAFANA_TOKEN: token, GRAFANA_USER: '', GRAFANA_PASSWORD: '' } }
  );
}

/** Grafana's default `[dashboards] versions_to_keep`. */
const DEFAULT_VERSIONS_TO_KEEP = 20;

function versionsToKeepFromEnv(value: string | undefined): number {
  const count = Number(value ?? DEFAULT_VERSIONS_TO_KEEP);
  if (!Number.isInteger(count)) {
    throw new Error(`SANDBOX_VERSIONS_TO_KEEP must be a whole number, not "${value}"`);
  }
  return count;
}

/**
 * Options from the environment: SANDBOX_PORT, SANDBOX_ROLE, SANDBOX_TOKENS (JSON token → `{ role,
 * login }`), SANDBOX_STATE (the settings file; dashboards are kept in `dashboards.json` beside it),
 * SANDBOX_VERSIONS_TO_KEEP, SANDBOX_SEED (a registry YAML for a new sandbox, `none` for an empty
 * one; the demo registry by default), SANDBOX_GRAFANA (the Grafana the host stands in for, 12 or 13:
 * sandbox/hostPackages.ts), PROMETHEUS_URL, LOKI_URL. `dashboardsPath` stays unset so callers that
 * only move `settingsPath` move the dashboards with it.
 */
export function optionsFromEnv(root: string): SandboxOptions {
  const host = sandboxHost(root);
  return {
    port: Number(process.env.SANDBOX_PORT ?? 3001),
    host: '127.0.0.1',
    role: parseRole(process.env.SANDBOX_ROLE),
    tokens: parseTokens(process.env.SANDBOX_TOKENS),
    distDir: join(root, 'dist'),
    buildDir: host.buildDir,
    grafanaVersion: host.version,
    settingsPath: process.env.SANDBOX_STATE ?? join(root, '.sandbox', 'settings.json'),
    versionsToKeep: versionsToKeepFromEnv(process.env.SANDBOX_VERSIONS_TO_KEEP),
    appsYamlPath: join(root, 'provisioning', 'plugins', 'apps.yaml'),
    dashboardProvidersDir: join(root, 'provisioning', 'dashboards'),
    prometheusUrl: process.env.PROMETHEUS_URL || undefined,
    lokiUrl: process.env.LOKI_URL || undefined,
    seedRegistryPath:
      process.env.SANDBOX_SEED === 'none'
        ? undefined
        : (process.env.SANDBOX_SEED ?? join(root, 'provisioning', 'registry', 'demo-registry.yaml')),
  };
}
