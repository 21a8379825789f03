import React from 'react';
import { t } from '@grafana/i18n';
import { SceneAppPage } from '@grafana/scenes';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { ROUTES } from '../../constants';
import { RegistryDocument } from '../../domain/model';
import { prefixRoute } from '../../routing';
import { getExecutiveScene } from '../../scenes/executiveScene';
import { RegistrySceneView } from '../../scenes/RegistrySceneView';
import { reactScene } from '../reactScene';

const buildExecutive = (doc: RegistryDocument) => getExecutiveScene(doc);

function ExecutiveView() {
  return <RegistryLoaded>{(doc) => <RegistrySceneView doc={doc} build={buildExecutive} />}</RegistryLoaded>;
}

/** The executive dashboard, filtered by business owner, team and tier. */
export function getExecutivePage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.executive.title', 'Executive'),
    subTitle: t(
      'bizowner.executive.subTitle',
      'SLO compliance, error budget, business KPIs, spend and incidents of the services you own.'
    ),
    url: prefixRoute(ROUTES.Executive),
    routePath: `${ROUTES.Executive}/*`,
    getScene: () => reactScene(ExecutiveView),
  });
}
