import { expect, test as base, type Page } from '@playwright/test';
import { join } from 'node:path';
import type { RegistryDocument } from '../../src/domain/model';
import type { LoadedRegistry } from '../../src/storage/registryStore';
import type { OrgRole } from '../../sandbox/roles';
import { watchPage as watchGrafanaPage } from '../grafana/helpers';
import { adminRegistryApi, readStoredRegistry, restoreRegistry } from '../grafana/registryApi';
import { watchPage } from '../e2e/watchPage';
import { journeyPort, startSandbox, type SandboxInstance } from '../e2e/journeys/sandboxInstance';

/**
 * The journeys in this folder run unchanged against both hosts of the app: the sandbox host
 * (`npm run e2e:sandbox`, each test on a sandbox of its own with the demo registry) and a real
 * Grafana (`npm run e2e:grafana`, the compose stack, signed in by the Grafana config's projects).
 * Whatever differs between the two lives here, behind `host`.
 */
export type HostKind = 'sandbox' | 'grafana';

/** One instant sample: its labels and value. */
export interface PromSample {
  labels: Record<string, string>;
  value: number;
}

/** One series of a range selector's answer: its labels and raw samples as `[Unix ms, value]`. */
export interface PromSeries {
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

export interface JourneyHost {
  kind: HostKind;
  baseURL: string;
  /** The stored registry, with the app's settings row, read the way the app reads it. */
  loaded(): Promise<LoadedRegistry>;
  /** The stored registry now. */
  registry(): Promise<RegistryDocument>;
  /** The revision of the stored registry (its index's version): one more after each save in the app. */
  revision(): Promise<number>;
  /**
   * An instant PromQL query through the host's data source proxy, with the signed-in user's rights:
   * the same Prometheus, and the same answer, the app's pages get.
   */
  queryPrometheus(expr: string, time?: number): Promise<PromSample[]>;
  /** The same for a range selector (`metric[30d]`): Prometheus' matrix, raw samples and all. */
  queryPrometheusMatrix(expr: string, time?: number): Promise<PromSeries[]>;
  /** A full-page screenshot of a journey step, kept with the host's other screenshots. */
  screenshot(page: Page, name: string): Promise<void>;
  /**
   * Collects the page's uncaught errors; `assertClean` fails the test if there were any or if an
   * error boundary replaced part of the page. On the sandbox console errors count too; Grafana
   * itself logs some that have nothing to do with the app.
   */
  watch(page: Page): { assertClean(): Promise<void> };
}

export interface JourneyOptions {
  /** The host the project runs against (set in each Playwright config). */
  hostKind: HostKind;
  /** The Grafana role the journey is for: the sandbox starts with it, Grafana's project must sign in with it. */
  role: OrgRole;
}

interface JourneyFixtures {
  host: JourneyHost;
  /** The journey's own sandbox, on the sandbox host; nothing on Grafana. */
  sandbox: SandboxInstance | undefined;
}

/** The port of each journey's own sandbox (one at a time: the sandbox config runs one worker). */
const SANDBOX_OFFSET = 30;

const SCREENSHOTS = join(__dirname, '..', 'e2e', 'screenshots');

export const test = base.extend<JourneyFixtures & JourneyOptions>({
  hostKind: ['sandbox', { option: true }],
  role: ['Admin', { option: true }],
  sandbox: async ({ hostKind, role }, use) => {
    if (hostKind !== 'sandbox') {
      await use(undefined);
      return;
    }
    const sandbox = await startSandbox(journeyPort(SANDBOX_OFFSET), role);
    try {
      await use(sandbox);
    } finally {
      await sandbox.stop();
    }
  },
  baseURL: async ({ baseURL, sandbox }, use) => {
    await use(sandbox?.baseURL ?? baseURL);
  },
  host: async ({ hostKind, role, sandbox, baseURL, request }, use, testInfo) => {
    const url = baseURL ?? 'http://localhost:3000';
    const api = sandbox ? undefined : adminRegistryApi(url);
    const loaded = async (): Promise<LoadedRegistry> =>
      sandbox ? await sandbox.loaded() : await readStoredRegistry(api!);
    const before = await loaded();
    if (hostKind === 'grafana') {
      // The project's stored session must be the role the journey is written for.
      const orgs = await request.get('/api/user/orgs');
      expect(orgs.ok(), `GET /api/user/orgs: ${orgs.status()}`).toBe(true);
      const roles = (await orgs.json()) as Array<{ orgId: number; role: string }>;
      expect(roles.find((org) => org.orgId === 1)?.role, 'the signed-in role of this project').toBe(role);
    }
    const instantQuery = async (expr: string, time: number | undefined, resultType: 'vector' | 'matrix') => {
      const uid = before.doc.settings.prometheus?.uid;
      expect(uid, 'the registry names a Prometheus data source').toBeTruthy();
      const form: Record<string, string> = { query: expr };
      if (time !== undefined) {
        form.time = String(time);
      }
      const response = await request.post(`/api/datasources/proxy/uid/${encodeURIComponent(uid!)}/api/v1/query`, {
        form,
      });
      const body = (await response.json()) as {
        status: string;
        error?: string;
        data: {
          resultType: string;
          result: Array<{
            metric: Record<string, string>;
            value: [number, string];
            values: Array<[number, string]>;
          }>;
        };
      };
      expect(body.status, `Prometheus refused ${expr}: ${body.error ?? response.status()}`).toBe('success');
      expect(body.data.resultType).toBe(resultType);
      return body.data.result;
    };
    const host: JourneyHost = {
      kind: hostKind,
      baseURL: url,
      loaded,
      registry: async () => (await loaded()).doc,
      revision: async () => (await loaded()).doc.revision,
      async queryPrometheus(expr, time) {
        const result = await instantQuery(expr, time, 'vector');
        return result.map((sample) => ({ labels: sample.metric, value: Number(sample.value[1]) }));
      },
      async queryPrometheusMatrix(expr, time) {
        const result = await instantQuery(expr, time, 'matrix');
        return result.map((series) => ({
          labels: series.metric,
          samples: series.values.map(([at, value]): [number, number] => [Math.round(at * 1000), Number(value)]),
        }));
      },
      async screenshot(page, name) {
        const path =
          hostKind === 'sandbox'
            ? join(SCREENSHOTS, `journey-${name}.png`)
            : testInfo.outputPath(`journey-${name}.png`);
        await page.screenshot({ path, fullPage: true });
      },
      watch: (page) => (hostKind === 'sandbox' ? watchPage(page) : watchGrafanaPage(page)),
    };
    await use(host);
    // Grafana keeps its state between runs: put back whatever the journey saved. A sandbox is thrown away.
    if (api) {
      await restoreRegistry(api, before);
    }
  },
});

export { expect };
