import { t } from '@grafana/i18n';
import { SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { notFoundFallback } from '../../../components/NotFound/notFoundPage';
import { SERVICE_TABS, serviceUrl } from '../../../routing';
import { reactScene } from '../../reactScene';
import { serviceTabBody, ServiceTab } from './serviceTabs';

/** A service's page, a drilldown of the services list, with its overview, SLO and dashboard tabs. */
export function servicePage(serviceId: string, parent: SceneAppPageLike): SceneAppPage {
  const onTitle = (title: string) => {
    if (page.state.title !== title) {
      page.setState({ title });
    }
  };
  const tab = (kind: ServiceTab, title: string, path: string | undefined) =>
    new SceneAppPage({
      title,
      url: serviceUrl(serviceId, path),
      routePath: path ?? 'overview',
      getScene: () => reactScene(serviceTabBody(serviceId, kind, onTitle)),
    });
  const page: SceneAppPage = new SceneAppPage({
    title: serviceId,
    url: serviceUrl(serviceId),
    routePath: ':id/*',
    getParentPage: () => parent,
    preserveUrlKeys: [],
    getFallbackPage: notFoundFallback({
      href: serviceUrl(serviceId),
      label: t('bizowner.service.back', 'Service {{id}}', { id: serviceId, interpolation: { escapeValue: false } }),
    }),
    tabs: [
      tab('overview', t('bizowner.service.tab.overview', 'Overview'), undefined),
      tab('slos', t('bizowner.service.tab.slos', 'SLOs'), SERVICE_TABS.slos),
      tab('onCall', t('bizowner.service.tab.onCall', 'On-call'), SERVICE_TABS.onCall),
      tab('debug', t('bizowner.service.tab.debug', 'Debug'), SERVICE_TABS.debug),
      tab('cost', t('bizowner.service.tab.cost', 'Cost'), SERVICE_TABS.cost),
    ],
  });
  return page;
}
