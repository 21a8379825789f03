import { t } from '@grafana/i18n';
import { SceneAppPage } from '@grafana/scenes';
import { notFoundFallback } from '../../components/NotFound/notFoundPage';
import { ROUTES } from '../../constants';
import { prefixRoute, SUB_ROUTES } from '../../routing';
import { pageCode } from '../pageCode';
import { lazyPage, reactScene } from '../reactScene';
import { sloEditorPage } from './editor/sloEditorPage';
import { sloDetailPage } from './page/sloDetailPage';

const SlosList = lazyPage(pageCode[ROUTES.Slos], 'SlosList');

/** The SLO list, with each SLO's page and the editor for a new or an existing SLO as drilldowns. */
export function getSlosPage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.slos.title', 'SLOs'),
    subTitle: t(
      'bizowner.slos.subTitle',
      'Every SLO with its business owner, current SLI, error budget left, burn rate and alert state.'
    ),
    url: prefixRoute(ROUTES.Slos),
    routePath: `${ROUTES.Slos}/*`,
    getScene: () => reactScene(SlosList),
    getFallbackPage: notFoundFallback({
      href: prefixRoute(ROUTES.Slos),
      label: t('bizowner.sloEditor.backToList', 'All SLOs'),
    }),
    drilldowns: [
      { routePath: SUB_ROUTES.create, getPage: (_match, parent) => sloEditorPage(parent) },
      { routePath: `:id/${SUB_ROUTES.edit}`, getPage: (match, parent) => sloEditorPage(parent, match.params.id) },
      { routePath: ':id', getPage: (match, parent) => sloDetailPage(parent, match.params.id) },
    ],
  });
}
