import React from 'react';
import { t } from '@grafana/i18n';
import { SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { serviceCreateUrl, serviceEditUrl, SUB_ROUTES } from '../../../routing';
import { lazyPage, reactScene } from '../../reactScene';

const ServiceForm = lazyPage(() => import('./ServiceForm'), 'ServiceForm');

/** The create form (`serviceId` absent) or the edit form of a service, as a drilldown of the list. */
export function serviceFormPage(parent: SceneAppPageLike, serviceId?: string): SceneAppPage {
  return new SceneAppPage({
    title: serviceId
      ? t('bizowner.form.editTitle', 'Edit {{id}}', { id: serviceId, interpolation: { escapeValue: false } })
      : t('bizowner.form.newTitle', 'New service'),
    url: serviceId ? serviceEditUrl(serviceId) : serviceCreateUrl(),
    routePath: serviceId ? `:id/${SUB_ROUTES.edit}` : SUB_ROUTES.create,
    getParentPage: () => parent,
    preserveUrlKeys: [],
    getScene: () =>
      reactScene(function ServiceFormBody() {
        return <ServiceForm serviceId={serviceId} />;
      }),
  });
}
