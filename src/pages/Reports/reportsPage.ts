import { t } from '@grafana/i18n';
import { SceneAppPage } from '@grafana/scenes';
import { notFoundFallback } from '../../components/NotFound/notFoundPage';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../routing';
import { pageCode } from '../pageCode';
import { lazyPage, reactScene } from '../reactScene';

const ReportsPage = lazyPage(pageCode[ROUTES.Reports], 'ReportsPage');

/** Period reports: each SLO's month, quarter or week against its objective, per business owner. */
export function getReportsPage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.reports.title', 'Reports'),
    subTitle: t(
      'bizowner.reports.subTitle',
      'Each SLO over a calendar month, quarter or week: attainment against the objective, budget spent, worst day and incidents, per business owner.'
    ),
    url: prefixRoute(ROUTES.Reports),
    routePath: `${ROUTES.Reports}/*`,
    getScene: () => reactScene(ReportsPage),
    getFallbackPage: notFoundFallback({
      href: prefixRoute(ROUTES.Reports),
      label: t('bizowner.reports.back', 'Reports'),
    }),
  });
}
