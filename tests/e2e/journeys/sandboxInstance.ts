import { test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OrgRole } from '../../../sandbox/roles';
import { optionsFromEnv, SandboxOptions, startSandboxServer } from '../../../sandbox/server';
import type { RegistryDocument } from '../../../src/domain/model';
import { RegistryUser } from '../../../src/storage/access';
import { createGrafanaApi } from '../../../src/storage/grafana/api';
import { fetchTransport } from '../../../src/storage/grafana/fetchTransport';
import { loadRegistry, LoadedRegistry } from '../../../src/storage/registryStore';

/**
 * A sandbox server of a journey's own, on its own port, with throw-away state (settings from
 * provisioning/plugins/apps.yaml, the demo registry seeded through the API), so a journey that
 * saves does not disturb any other test.
 */
export interface SandboxInstance {
  baseURL: string;
  /** The revision of the stored registry now (its index's version). */
  revision(): Promise<number>;
  /** The registry stored now, read the way the app reads it. */
  registry(): Promise<RegistryDocument>;
  /** The same, with the app's settings row and the documents' versions. */
  loaded(): Promise<LoadedRegistry>;
  /** The folder holding the sandbox's state. */
  stateDir: string;
  /**
   * Stops the server and starts a new one on the same port and state, which re-applies
   * provisioning as Grafana does at every start.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Reads without moving anything: no `plugins:write`, so a registry in the plugin settings stays there. */
const READER = {
  login: 'journey',
  orgRole: 'Viewer',
  permissions: { 'plugins.app:access': true },
} as unknown as RegistryUser;

export async function startSandbox(
  port: number,
  role: OrgRole = 'Admin',
  overrides: Partial<SandboxOptions> = {}
): Promise<SandboxInstance> {
  const root = resolve(__dirname, '..', '..', '..');
  const state = mkdtempSync(join(tmpdir(), 'bizowner-journey-'));
  const start = () =>
    startSandboxServer({
      ...optionsFromEnv(root),
      port,
      role,
      settingsPath: join(state, 'settings.json'),
      ...overrides,
    });
  let server: Server = await start();
  const baseURL = `http://127.0.0.1:${port}`;
  const close = () => new Promise((done) => server.close(done));
  async function loaded(): Promise<LoadedRegistry> {
    const result = await loadRegistry(createGrafanaApi(fetchTransport(baseURL)), READER);
    if (!result.ok) {
      throw new Error(`stored registry unreadable: ${result.message}`);
    }
    return result;
  }
  async function registry(): Promise<RegistryDocument> {
    return (await loaded()).doc;
  }
  return {
    baseURL,
    stateDir: state,
    registry,
    loaded,
    async revision() {
      return (await registry()).revision;
    },
    async restart() {
      server.closeAllConnections();
      await close();
      server = await start();
    },
    async stop() {
      server.closeAllConnections();
      await close();
      rmSync(state, { recursive: true, force: true });
    },
  };
}

/** Ports for journeys' own servers, next to the shared one. */
export function journeyPort(offset: number): number {
  return Number(process.env.SANDBOX_E2E_PORT ?? 3101) + offset;
}

/**
 * Gives the journey file its own sandbox server at `journeyPort(offset)`, started before its tests
 * and stopped after them, and points the tests' `baseURL` at it. Call it at the top of a spec file;
 * the returned function gives the running instance.
 */
export function useJourneySandbox(
  offset: number,
  role: OrgRole = 'Admin',
  overrides: Partial<SandboxOptions> = {}
): () => SandboxInstance {
  const port = journeyPort(offset);
  let sandbox: SandboxInstance | undefined;
  test.beforeAll(async () => {
    sandbox = await startSandbox(port, role, overrides);
  });
  test.afterAll(async () => {
    await sandbox?.stop();
  });
  test.use({ baseURL: `http://127.0.0.1:${port}` });
  return () => {
    if (!sandbox) {
      throw new Error(`the journey sandbox on port ${port} is not running`);
    }
    return sandbox;
  };
}

/** A full-page screenshot of a journey step: tests/e2e/screenshots/journey-<name>.png. */
export function journeyScreenshot(page: Page, name: string) {
  return page.screenshot({ path: join(__dirname, '..', 'screenshots', `journey-${name}.png`), fullPage: true });
}
