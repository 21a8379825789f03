/**
 * Starts sandbox servers for the integration tests: each on 127.0.0.1 and a free port, with its
 * state in a folder of its own (or a shared one, to restart a server on the same state), and
 * stops them all after the suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { optionsFromEnv, SandboxOptions, startSandboxServer } from '../../sandbox/server';

const root = resolve(__dirname, '..', '..');

export interface RunningSandbox {
  base: string;
  /** Stops the server, as a restart of Grafana would. */
  stop(): Promise<void>;
}

export interface Answer {
  status: number;
  body: any;
}

export class SandboxHarness {
  private readonly root = mkdtempSync(join(tmpdir(), 'bizowner-sandbox-'));
  private readonly running = new Set<Server>();

  /** A new, empty folder for one sandbox's state (settings, dashboards, provisioning files). */
  stateDir(name: string): string {
    return mkdtempSync(join(this.root, `${name}-`));
  }

  /**
   * A sandbox whose state lives in `dir`: settings and dashboards files, `apps.yaml` and the
   * dashboard provider folder `providers/` (both optional).
   */
  async start(dir: string, overrides: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
    const server = await startSandboxServer({
      ...optionsFromEnv(root),
      // dist/plugin.json comes from the build; the source plugin.json has the same id
      distDir: join(root, 'src'),
      port: 0,
      role: 'Admin',
      tokens: {},
      versionsToKeep: 20,
      settingsPath: join(dir, 'settings.json'),
      appsYamlPath: join(dir, 'apps.yaml'),
      dashboardProvidersDir: join(dir, 'providers'),
      // An empty Grafana: the demo registry is seeded only where a test asks for it.
      seedRegistryPath: undefined,
      prometheusUrl: undefined,
      lokiUrl: undefined,
      ...overrides,
    });
    this.running.add(server);
    return {
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      stop: () => this.close(server),
    };
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.running].map((server) => this.close(server)));
    rmSync(this.root, { recursive: true, force: true });
  }

  private close(server: Server): Promise<void> {
    this.running.delete(server);
    return new Promise((done) => server.close(() => done()));
  }
}

/** One JSON request; `headers` may carry `authorization` or `x-sandbox-user`. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** The body of `POST /api/dashboards/db` for a small dashboard. */
export function dashboardCommand(
  uid: string,
  title: string,
  extra: { folderUid?: string; version?: number; tags?: string[]; overwrite?: boolean; message?: string } = {}
) {
  return {
    dashboard: {
      uid,
      title,
      tags: extra.tags ?? [],
      panels: [],
      ...(extra.version === undefined ? {} : { version: extra.version }),
    },
    folderUid: extra.folderUid,
    overwrite: extra.overwrite,
    message: extra.message,
  };
}
