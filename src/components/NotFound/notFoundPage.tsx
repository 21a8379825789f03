import React from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { t } from '@grafana/i18n';
import { EmbeddedScene, SceneAppPage, SceneFlexItem, SceneFlexLayout, SceneReactObject } from '@grafana/scenes';
import { PLUGIN_BASE_URL, ROUTES } from '../../constants';
import { prefixRoute } from '../../routing';
import { NotFound } from './NotFound';

type List = { href: string; label: string };

function notFoundScene(Body: React.ComponentType): EmbeddedScene {
  return new EmbeddedScene({
    body: new SceneFlexLayout({
      direction: 'column',
      children: [new SceneFlexItem({ body: new SceneReactObject({ component: Body }) })],
    }),
  });
}

function notFoundPage(list?: List): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.notFound.pageTitle', 'Not found'),
    url: '',
    routePath: '*',
    getScene: () =>
      notFoundScene(function NotFoundBody() {
        return <NotFound list={list} />;
      }),
  });
}

/**
 * A `getFallbackPage` for a top-level page: the page for an address under it that none of its
 * drilldowns match (e.g. `/slos/x/y`), offering `list` (that page's list) besides the way home.
 * Built once, not on every render.
 */
export function notFoundFallback(list?: List): () => SceneAppPage {
  let page: SceneAppPage | undefined;
  return () => (page ??= notFoundPage(list));
}

/** The app's root leads to its home, the services list; anything else unknown is not found. */
function AppRootBody() {
  const { pathname } = useLocation();
  if (pathname.replace(/\/+$/, '') === PLUGIN_BASE_URL) {
    return <Navigate to={prefixRoute(ROUTES.Services)} replace />;
  }
  return <NotFound />;
}

/**
 * The last of the app's pages: the app's root (which leads home) and, as its fallback, every
 * address under the app that no page matches, e.g. `/a/<app>/reports`.
 */
export function appFallbackPage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.notFound.pageTitle', 'Not found'),
    url: PLUGIN_BASE_URL,
    routePath: '*',
    getScene: () => notFoundScene(AppRootBody),
    getFallbackPage: notFoundFallback(),
  });
}
