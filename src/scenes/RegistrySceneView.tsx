import React, { useMemo } from 'react';
import { EmbeddedScene, UrlSyncContextProvider } from '@grafana/scenes';
import { RegistryDocument } from '../domain/model';

interface Props {
  doc: RegistryDocument;
  /** Builds the scene; must be a stable function (module level), so a scene is rebuilt only for a new registry. */
  build: (doc: RegistryDocument) => EmbeddedScene;
}

/**
 * Renders a scene built from the loaded registry, with its time range and variables synced to the
 * URL (browser back and forward step through changes). Pages load the registry through React
 * context, so their scenes are built here rather than in the page's `getScene`.
 */
export function RegistrySceneView({ doc, build }: Props) {
  const scene = useMemo(() => build(doc), [doc, build]);
  return (
    <UrlSyncContextProvider scene={scene} updateUrlOnInit createBrowserHistorySteps>
      {/* A block of its content's height: the scene's body grows to the page's height when a flex
          parent gives it one (min-height: 100%), which left a gap before anything the page shows
          after the dashboard. */}
      <div>
        <scene.Component model={scene} />
      </div>
    </UrlSyncContextProvider>
  );
}
