/**
 * Browser entry of the sandbox host: wires the @grafana/runtime services the plugin uses, loads
 * the built plugin's `module.js` as Grafana does (AMD, with the host's shared libraries), and
 * renders it under the same URLs as in Grafana.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import { AppPlugin, AppPluginMeta, EventBusSrv, ThemeContext } from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import { config, locationService, setAppEvents, setBackendSrv, setDataSourceSrv } from '@grafana/runtime';
// Grafana 12 shares this entry point too; scenes reach data sources through it.
import * as grafanaRuntimeUnstable from '@grafana/runtime/unstable';
import * as grafanaUi from '@grafana/ui';
import { GlobalStyles } from '@grafana/ui';
import i18next from 'i18next';
import lodash from 'lodash';
// eslint-disable-next-line no-restricted-imports -- Grafana hands plugins its moment instance; so does the sandbox
import moment from 'moment';
import React from 'react';
import * as reactDom from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactRouter from 'react-router';
import * as rxjs from 'rxjs';
// Grafana sets its page frame through this internal setter, which the package index no longer exports.
// @ts-expect-error -- a plain ES module without type declarations
import { setPluginPage } from '../../node_modules/@grafana/runtime/dist/esm/components/PluginPage.mjs';
import { HostRouter } from '../../src/testing/HostRouter';
import { loadAmdModule } from './amd';
import { fetchJson, SandboxBackendSrv } from './backendSrv';
import { SandboxDataSourceSrv } from './dataSourceSrv';
import { HostApp } from './HostApp';
import { installSandboxPanels } from './panels';
import { SandboxPluginPage } from './SandboxPluginPage';
import { installStandardTransformers } from './transformers';

const PLUGIN_ID = 'bizowner-slo-app';

const shared: Record<string, unknown> = {
  react: React,
  'react/jsx-runtime': jsxRuntime,
  'react-dom': reactDom,
  'react-router': reactRouter,
  rxjs,
  lodash,
  moment,
  i18next,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/ui': grafanaUi,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/runtime/unstable': grafanaRuntimeUnstable,
};

function showFatal(root: ReturnType<typeof createRoot>, error: Error) {
  console.error(error);
  root.render(
    <grafanaUi.Alert title="The sandbox could not load the plugin" severity="error" data-testid="sandbox-fatal">
      {error.message}
    </grafanaUi.Alert>
  );
}

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  const backendSrv = new SandboxBackendSrv();
  setBackendSrv(backendSrv);
  // Grafana's app-wide event bus: scenes' panels publish to it (e.g. which panel has the pointer).
  setAppEvents(new EventBusSrv());
  setPluginPage(SandboxPluginPage);
  installSandboxPanels();
  installStandardTransformers();
  try {
    setDataSourceSrv(new SandboxDataSourceSrv(await fetchJson(backendSrv, '/api/datasources')));
    const meta = await fetchJson<AppPluginMeta>(backendSrv, `/api/plugins/${PLUGIN_ID}/settings`);
    // As in Grafana, the plugin's code is loaded when one of its pages is first opened, not at boot.
    let loading: Promise<AppPlugin> | undefined;
    const loadPlugin = () => {
      loading ??= loadAmdModule(`/public/plugins/${PLUGIN_ID}/module.js`, shared).then((exports) => {
        const plugin = exports.plugin as AppPlugin;
        plugin.init(meta);
        plugin.meta = meta;
        return plugin;
      });
      return loading;
    };
    root.render(
      <ThemeContext.Provider value={config.theme2}>
        <GlobalStyles />
        <HostRouter>
          <HostApp loadPlugin={loadPlugin} meta={meta} />
        </HostRouter>
      </ThemeContext.Provider>
    );
  } catch (error) {
    showFatal(root, error as Error);
  }
}

// Scenes and the plugin read the current URL through the location service, as in Grafana.
window.addEventListener('popstate', () => locationService.getHistory());
void boot();
