import { AppConfigPage, AppPage, test as base } from '@grafana/plugin-e2e';
import type { RegistryDocument } from '../../src/domain/model';
import pluginJson from '../../src/plugin.json';
import { PLUGIN_BASE_URL } from '../../src/constants';
import { AppSettingsDto, readRegistry, readSettings, writeSettings } from './helpers';

/** The app's registry as Grafana stores it, read through the settings API. */
export interface RegistryApi {
  read(): Promise<RegistryDocument>;
  revision(): Promise<number>;
  /** The settings as they were when the test started; they are written back after it. */
  readonly before: AppSettingsDto;
}

type AppTestFixture = {
  appConfigPage: AppConfigPage;
  gotoPage: (path?: string) => Promise<AppPage>;
  /** Opens one of the app's URLs, as `src/routing` builds them (`/a/bizowner-slo-app/...`). */
  openApp: (url: string) => Promise<AppPage>;
  /**
   * The registry, for journeys that check what was saved. Whatever the test saves is undone
   * afterwards: the settings read before the test are posted back when they changed, so runs
   * are repeatable on the same Grafana.
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
  registry: async ({ request }, use) => {
    const before = await readSettings(request);
    await use({
      before,
      read: () => readRegistry(request),
      revision: async () => (await readRegistry(request)).revision,
    });
    const after = await readSettings(request);
    if (JSON.stringify(after.jsonData) !== JSON.stringify(before.jsonData)) {
      await writeSettings(request, before);
    }
  },
});

export { expect } from '@grafana/plugin-e2e';
