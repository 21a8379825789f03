import React from 'react';
import { t } from '@grafana/i18n';
import { SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { EmptyState, Stack, TextLink } from '@grafana/ui';
import { notFoundFallback } from '../../components/NotFound/notFoundPage';
import { RegistryLoaded } from '../../components/Registry/RegistryLoaded';
import { ONCALL_ROUTE, onCallUrl, prefixRoute } from '../../routing';
import { lazyPage, reactScene } from '../reactScene';
import { ServiceLoaded } from '../Services/service/ServiceLoaded';

const ServiceDashboard = lazyPage(() => import('../../scenes/ServiceDashboard'), 'ServiceDashboard');

/** `/oncall`: every service's on-call view, one link each. */
function OnCallIndex() {
  return (
    <RegistryLoaded>
      {(doc) =>
        doc.services.length === 0 ? (
          <EmptyState
            variant="not-found"
            message={t('bizowner.oncall.noServices', 'No services in the registry yet')}
          />
        ) : (
          <Stack direction="column" gap={1}>
            {doc.services.map((service) => (
              <TextLink key={service.id} href={onCallUrl(service.id)} inline={false}>
                {service.name}
              </TextLink>
            ))}
          </Stack>
        )
      }
    </RegistryLoaded>
  );
}

function onCallServicePage(serviceId: string, parent: SceneAppPageLike): SceneAppPage {
  const onTitle = (title: string) => page.state.title !== title && page.setState({ title });
  const Body = () => (
    <ServiceLoaded serviceId={serviceId} onTitle={onTitle}>
      {(service, doc) => <ServiceDashboard doc={doc} serviceId={service.id} kind="onCall" />}
    </ServiceLoaded>
  );
  const page: SceneAppPage = new SceneAppPage({
    title: serviceId,
    url: onCallUrl(serviceId),
    routePath: ':id',
    getParentPage: () => parent,
    getScene: () => reactScene(Body),
  });
  return page;
}

/**
 * The standalone on-call view, `/a/bizowner-slo-app/oncall/<service>`: the same dashboard as the
 * service page's On-call tab, at a short URL for alert notifications and chat. Not in the
 * navigation; the index lists the services.
 */
export function getOnCallPage(): SceneAppPage {
  return new SceneAppPage({
    title: t('bizowner.oncall.title', 'On-call'),
    subTitle: t('bizowner.oncall.subTitle', 'Live SLIs, burn rates, alerts, deploys and runbooks of a service.'),
    url: prefixRoute(ONCALL_ROUTE),
    routePath: `${ONCALL_ROUTE}/*`,
    getScene: () => reactScene(OnCallIndex),
    getFallbackPage: notFoundFallback({
      href: prefixRoute(ONCALL_ROUTE),
      label: t('bizowner.oncall.back', 'All on-call views'),
    }),
    drilldowns: [{ routePath: ':id', getPage: (match, parent) => onCallServicePage(match.params.id, parent) }],
  });
}
