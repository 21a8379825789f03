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

/** Pages whose content comes in later versions: each says what it will show and what works today. */
const PLACEHOLDERS: PlaceholderSpec[] = [
  {
    route: ROUTES.Services,
    title: () => t('bizowner.services.title', 'Services'),
    message: () => t('bizowner.services.empty.message', 'Every service with its business owner, tier, SLO status and error budget.'),
    hint: () => t('bizowner.services.empty.hint', 'The services list is not available in this version yet. You can already import a registry as YAML on the configuration page.'),
  },
  {
    route: ROUTES.People,
    title: () => t('bizowner.people.title', 'People'),
    message: () => t('bizowner.people.empty.message', 'Who owns what, by role, with the health of the SLOs they are accountable for.'),
    hint: () => t('bizowner.people.empty.hint', 'The people directory is not available in this version yet. People can already be imported with the registry on the configuration page.'),
  },
  {
    route: ROUTES.Slos,
    title: () => t('bizowner.slos.title', 'SLOs'),
    message: () => t('bizowner.slos.empty.message', 'Every SLO with its objective, current SLI, error budget left and burn rate.'),
    hint: () => t('bizowner.slos.empty.hint', 'The SLO list and editor are not available in this version yet. SLOs can already be imported with the registry on the configuration page.'),
  },
  {
    route: ROUTES.Executive,
    title: () => t('bizowner.executive.title', 'Executive'),
    message: () => t('bizowner.executive.empty.message', 'SLO compliance, error budget, business KPIs and spend for the services you own.'),
    hint: () => t('bizowner.executive.empty.hint', 'The executive dashboard is not available in this version yet. Choose the Prometheus, Loki and billing data sources it will read on the configuration page.'),
  },
  {
    route: ROUTES.Governance,
    title: () => t('bizowner.governance.title', 'Governance'),
    message: () => t('bizowner.governance.empty.message', 'A scorecard per service: ownership, SLO maturity, budget policy and cost review.'),
    hint: () => t('bizowner.governance.empty.hint', 'Governance scorecards are not available in this version yet. Services and owners can already be imported on the configuration page.'),
  },
];

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

/** The app's pages, in navigation order. */
export function getAppPages(): SceneAppPage[] {
  return PLACEHOLDERS.map(placeholderPage);
}
