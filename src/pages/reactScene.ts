import React from 'react';
import { EmbeddedScene, SceneFlexItem, SceneFlexLayout, SceneReactObject } from '@grafana/scenes';
import { LoadingPlaceholder } from '@grafana/ui';

/**
 * Wraps a React page body in a scene, for pages that are forms and tables rather than panels. The
 * body may be a `lazyPage`: a placeholder shows while its code loads.
 */
export function reactScene(component: React.ComponentType): EmbeddedScene {
  const Body = component;
  function PageBody() {
    return React.createElement(
      React.Suspense,
      { fallback: React.createElement(LoadingPlaceholder, { text: '' }) },
      React.createElement(Body)
    );
  }
  return new EmbeddedScene({
    body: new SceneFlexLayout({
      direction: 'column',
      children: [new SceneFlexItem({ body: new SceneReactObject({ component: PageBody }) })],
    }),
  });
}

/**
 * A page component whose code loads on first render (its own chunk), so that opening one page
 * does not download every other page: `lazyPage(() => import('./list/ServicesList'), 'ServicesList')`.
 * Render it inside `reactScene` (or another Suspense boundary). Dialogs opened from a page load theirs
 * the same way (Slos/escalation/EscalationButton.tsx).
 */
export function lazyPage<P extends object, K extends string>(
  load: () => Promise<Record<K, React.ComponentType<P>>>,
  name: K
): React.ComponentType<P> {
  return React.lazy(() => load().then((module) => ({ default: module[name] }))) as unknown as React.ComponentType<P>;
}
