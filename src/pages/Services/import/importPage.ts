import { t } from '@grafana/i18n';
import { SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { servicesImportUrl, SUB_ROUTES } from '../../../routing';
import { lazyPage, reactScene } from '../../reactScene';

const ImportPage = lazyPage(() => import('./ImportPage'), 'ImportPage');

/** The import page, a drilldown of the services list. */
export function importPage(parent: SceneAppPageLike): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.import.title', 'Import services'),
    subTitle: t(
      'bizowner.import.subTitle',
      'From a Backstage catalog, OpenSLO, Sloth or Pyrra definitions, with a preview before anything is saved.'
    ),
    url: servicesImportUrl(),
    routePath: SUB_ROUTES.import,
    getParentPage: () => parent,
    preserveUrlKeys: [],
    getScene: () => reactScene(ImportPage),
  });
}
