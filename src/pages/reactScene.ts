import React from 'react';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, SceneReactObject } from '@grafana/scenes';

/** Wraps a React page body in a scene, for pages that are forms and tables rather than panels. */
export function reactScene(component: React.ComponentType): EmbeddedScene {
  return new EmbeddedScene({
    body: new SceneFlexLayout({
      direction: 'column',
      children: [new SceneFlexItem({ body: new SceneReactObject({ component }) })],
    }),
  });
}
