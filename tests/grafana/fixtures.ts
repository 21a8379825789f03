import { AppConfigPage, AppPage, test as base } from '@grafana/plugin-e2e';
import type { RegistryDocument } from '../../src/domain/model';
import type { LoadedRegistry } from '../../src/storage/registryStore';
import pluginJson from '../../src/plugin.json';
import { PLUGIN_BASE_URL } from '../../src/constants';
import { adminRegistryApi, readStoredRegistry, restoreRegistry } from './registryApi';

/** The app's registry as Grafana stores it (dashboards in folder `bizowner-registry`), read as the admin. */
export interface RegistryApi {
  read(): Promise<RegistryDocument>;
  /** The version of the registry's index: one more after each save in the app. */
  revision(): Promise<number>;
  /** The registry, with the plugin settings, as it was when the test started; it is put back after it. */
  readonly before: LoadedRegistry;
}

type AppTestFixture = {
  appConfigPage: AppConfigPage;
  gotoPage: (path?: string) => Promise<AppPage>;
  /** Opens one of the app's URLs, as `src/routing` builds them (`/a/bizowner-slo-app/...`). */
  openApp: (url: string) => Promise<AppPage>;
  /**
   * The registry, for journeys that check what was saved. Whatever the test saves is undone
   * afterwards, pass or fail: the registry read before the test is saved back when it changed (as
   * new versions of the changed documents), so runs are repeatable on the same Grafana.
   */
  registry: RegistryApi;
};

export const test = base.extend<AppTestFixture>({
  appConfigPage: async ({ gotoAppConfigPage }, use) => {
    const configPage = await gotoAppConfigPage({
      pluginId: pluginJson.id,
    });
    await use(configPage);
  },
  gotoPage: async ({ gotoAppPage }, use) => {
    await use((path) =>
      gotoAppPage({
        path,
        pluginId: pluginJson.id,
      })
    );
  },
  openApp: async ({ gotoAppPage }, use) => {
    await use((url) => {
      if (!url.startsWith(`${PLUGIN_BASE_URL}/`)) {
        throw new Error(`${url} is not a page of the app`);
      }
      return gotoAppPage({ pluginId: pluginJson.id, path: url.slice(PLUGIN_BASE_URL.length) });
    });
  },
  registry: async ({ baseURL }, use) => {
    const api = adminRegistryApi(baseURL ?? 'http://localhost:3000');
    const before = await readStoredRegistry(api);
    await use({
      before,
      read: async () => (await readStoredRegistry(api)).doc,
      revision: async () => (await readStoredRegistry(api)).doc.revision,
    });
    await restoreRegistry(api, before);
  },
});

export { expect } from '@grafana/plugin-e2e';
