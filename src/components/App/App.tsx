import React, { useState } from 'react';
import { AppRootProps } from '@grafana/data';
import { SceneApp, useSceneApp } from '@grafana/scenes';
import { getAppPages } from '../../pages/appPages';
import { showsRegistryPreview } from '../../pages/pageCode';
import { RegistryUser } from '../../storage/access';
import { RegistryProvider } from '../../storage/RegistryContext';
import { GrafanaApi } from '../../storage/grafana/api';

function getSceneApp() {
  return new SceneApp({
    pages: getAppPages(),
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}

export interface AppProps extends AppRootProps {
  /** Where the registry is read and saved; Grafana's HTTP API when absent (tests pass a fake). */
  registryApi?: GrafanaApi;
  /** The signed-in user; `config.bootData.user` when absent. */
  user?: RegistryUser;
}

/** The app: one SceneApp whose pages share the registry loaded once by `RegistryProvider`. */
function App({ registryApi, user }: AppProps) {
  const scene = useSceneApp(getSceneApp);
  // The registry is read once, for the page the app opened on.
  const [wantsPreview] = useState(() => showsRegistryPreview(window.location.pathname));
  return (
    <RegistryProvider api={registryApi} user={user} wantsPreview={wantsPreview}>
      <scene.Component model={scene} />
    </RegistryProvider>
  );
}

export default App;
