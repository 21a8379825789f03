import React from 'react';
import { SceneAppPage } from '@grafana/scenes';
import { t } from '@grafana/i18n';
import { PagePlaceholder } from '../components/PagePlaceholder/PagePlaceholder';
import { ROUTES } from '../constants';
import { prefixRoute } from '../routing';
import { reactScene } from './reactScene';

interface PlaceholderSpec {
  route: ROUTES;
  title: () => string;
  message: () => string;
  hint: () => string;
}

function placeholderPage(spec: PlaceholderSpec): SceneAppPage {
  const Body = () =>
    React.createElement(PagePlaceholder, {
      message: spec.message(),
      hint: spec.hint(),
      actionLabel: t('bizowner.common.open-configuration', 'Open configuration'),
    });
  return new SceneAppPage({
    title: spec.title(),
    url: prefixRoute(spec.route),
    routePath: `${spec.route}/*`,
    getScene: () => reactScene(Body),
  });
}

/** The executive dashboard, until it is built. */
export function getExecutivePlaceholderPage(): SceneAppPage {
  return placeholderPage({
    route: ROUTES.Executive,
    title: () => t('bizowner.executive.title', 'Executive'),
    message: () =>
      t(
        'bizowner.executive.empty.message',
        'SLO compliance, error budget, business KPIs and spend for the services you own.'
      ),
    hint: () =>
      t(
        'bizowner.executive.empty.hint',
        'The executive dashboard is not available in this version yet. Choose the Prometheus, Loki and billing data sources it will read on the configuration page.'
      ),
  });
}
