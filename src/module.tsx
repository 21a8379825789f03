import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps } from '@grafana/data';
import { initPluginTranslations, t } from '@grafana/i18n';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppConfigProps } from './components/AppConfig/AppConfig';
import { preloadPageCode, showsRegistryPreview } from './pages/pageCode';
import pluginJson from './plugin.json';

// English strings live in the source as defaults; other languages load on demand. Pages wait for
// the translations so that no string is looked up before i18n is ready.
const translationsReady = initPluginTranslations(pluginJson.id);

const LazyApp = lazy(() => {
  // While the app's code loads, so do the registry and the code of the page the address names:
  // the three arrive together rather than one after the other (bench/RESULTS.md, "UI scale").
  const pathname = window.location.pathname;
  const registry = import('./storage/preload').then(({ preloadRegistry }) =>
    preloadRegistry({ preview: showsRegistryPreview(pathname) })
  );
  // …and, once the registry is read, the live values of a page that shows them.
  Promise.all([registry, import('./components/LiveValues/preloadLiveValues')])
    .then(([, { preloadLiveValues }]) => preloadLiveValues(pathname))
    .catch(() => undefined);
  preloadPageCode(pathname);
  return translationsReady.then(() => import('./components/App/App'));
});
const LazyAppConfig = lazy(() => translationsReady.then(() => import('./components/AppConfig/AppConfig')));

const App = (props: AppRootProps) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<{}>().setRootPage(App).addConfigPage({
  title: t('bizowner.config.tab', 'Configuration'),
  icon: 'cog',
  body: AppConfig,
  id: 'configuration',
});
