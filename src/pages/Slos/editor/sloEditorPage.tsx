import React from 'react';
import { t } from '@grafana/i18n';
import { SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { sloEditUrl, SUB_ROUTES } from '../../../routing';
import { lazyPage, reactScene } from '../../reactScene';

const SloEditor = lazyPage(() => import('./SloEditor'), 'SloEditor');

/** The editor of a new SLO (`sloId` absent) or of an existing one, as a drilldown of the list. */
export function sloEditorPage(parent: SceneAppPageLike, sloId?: string): SceneAppPage {
  return new SceneAppPage({
    title: sloId
      ? t('bizowner.sloEditor.editTitle', 'Edit SLO {{id}}', { id: sloId, interpolation: { escapeValue: false } })
      : t('bizowner.sloEditor.newTitle', 'New SLO'),
    url: sloEditUrl(sloId),
    routePath: sloId ? `:id/${SUB_ROUTES.edit}` : SUB_ROUTES.create,
    getParentPage: () => parent,
    preserveUrlKeys: [],
    getScene: () =>
      reactScene(function SloEditorBody() {
        return <SloEditor sloId={sloId} />;
      }),
  });
}
