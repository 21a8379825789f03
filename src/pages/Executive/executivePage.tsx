import { t } from '@grafana/i18n';
import { SceneAppPage } from '@grafana/scenes';
import { notFoundFallback } from '../../components/NotFound/notFoundPage';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../routing';
import { pageCode } from '../pageCode';
import { lazyPage, reactScene } from '../reactScene';

const ExecutiveView = lazyPage(pageCode[ROUTES.Executive], 'ExecutiveView');

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
    getFallbackPage: notFoundFallback({
      href: prefixRoute(ROUTES.Executive),
      label: t('bizowner.executive.back', 'Executive view'),
    }),
  });
}
