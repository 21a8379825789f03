import { t } from '@grafana/i18n';
import { SceneAppPage } from '@grafana/scenes';
import { notFoundFallback } from '../../components/NotFound/notFoundPage';
import { ROUTES } from '../../constants';
import { prefixRoute, SUB_ROUTES } from '../../routing';
import { pageCode } from '../pageCode';
import { lazyPage, reactScene } from '../reactScene';
import { serviceFormPage } from './form/serviceFormPage';
import { importPage } from './import/importPage';
import { servicePage } from './service/servicePage';

const ServicesList = lazyPage(pageCode[ROUTES.Services], 'ServicesList');

/** The services list, with the create, import, edit and service pages as drilldowns. */
export function getServicesPage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.services.title', 'Services'),
    subTitle: t(
      'bizowner.services.subTitle',
      'Every service with its business owner, tier, SLO status and error budget.'
    ),
    url: prefixRoute(ROUTES.Services),
    routePath: `${ROUTES.Services}/*`,
    getScene: () => reactScene(ServicesList),
    getFallbackPage: notFoundFallback({
      href: prefixRoute(ROUTES.Services),
      label: t('bizowner.service.backToList', 'All services'),
    }),
    drilldowns: [
      { routePath: SUB_ROUTES.create, getPage: (_match, parent) => serviceFormPage(parent) },
      { routePath: SUB_ROUTES.import, getPage: (_match, parent) => importPage(parent) },
      { routePath: `:id/${SUB_ROUTES.edit}`, getPage: (match, parent) => serviceFormPage(parent, match.params.id) },
      { routePath: ':id/*', getPage: (match, parent) => servicePage(match.params.id, parent) },
    ],
  });
}
