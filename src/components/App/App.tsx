import React from 'react';
import { AppRootProps } from '@grafana/data';
import { SceneApp, useSceneApp } from '@grafana/scenes';
import { getAppPages } from '../../pages/placeholderPages';

function getSceneApp() {
  return new SceneApp({
    pages: getAppPages(),
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}

function App(_props: AppRootProps) {
  const scene = useSceneApp(getSceneApp);
  return <scene.Component model={scene} />;
}

export default App;
