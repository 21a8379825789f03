import React from 'react';
import { SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { sloUrl } from '../../../routing';
import { lazyPage, reactScene } from '../../reactScene';

const SloPage = lazyPage(() => import('./SloPage'), 'SloPage');

/** The page of one SLO, a drilldown of the SLO list, titled with the SLO's name once it is loaded. */
export function sloDetailPage(parent: SceneAppPageLike, sloId: string): SceneAppPage {
  const onTitle = (title: string) => {
    if (page.state.title !== title) {
      page.setState({ title });
    }
  };
  const page: SceneAppPage = new SceneAppPage({
    title: sloId,
    url: sloUrl(sloId),
    routePath: ':id',
    getParentPage: () => parent,
    preserveUrlKeys: [],
    getScene: () =>
      reactScene(function SloPageBody() {
        return <SloPage sloId={sloId} onTitle={onTitle} />;
      }),
  });
  return page;
}
