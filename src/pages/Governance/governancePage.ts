import { t } from '@grafana/i18n';
import { SceneAppPage } from '@grafana/scenes';
import { notFoundFallback } from '../../components/NotFound/notFoundPage';
import { ROUTES } from '../../constants';
import { prefixRoute } from '../../routing';
import { pageCode } from '../pageCode';
import { lazyPage, reactScene } from '../reactScene';

const GovernancePage = lazyPage(pageCode[ROUTES.Governance], 'GovernancePage');

/** Governance scorecards for every service, with the portfolio summary on top. */
export function getGovernancePage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.governance.title', 'Governance'),
    subTitle: t(
      'bizowner.governance.subTitle',
      'A scorecard per service: ownership, SLO maturity, budget policy and cost review.'
    ),
    url: prefixRoute(ROUTES.Governance),
    routePath: `${ROUTES.Governance}/*`,
    getScene: () => reactScene(GovernancePage),
    getFallbackPage: notFoundFallback({
      href: prefixRoute(ROUTES.Governance),
      label: t('bizowner.governance.back', 'Governance'),
    }),
  });
}
