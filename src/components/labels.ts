/** Translated names of the registry's enumerations, shared by lists, pages and forms. */
import { t } from '@grafana/i18n';
import { ScoreLevel } from '../domain/governance/types';
import { Lifecycle, LinkType, OwnerRole, Tier } from '../domain/model';
import { SloHealth } from '../domain/registryView/sloStatus';

export function tierLabel(tier: Tier): string {
  return t('bizowner.labels.tier', 'Tier {{tier}}', { tier });
}

export function lifecycleLabel(lifecycle: Lifecycle): string {
  const labels: Record<Lifecycle, string> = {
    experimental: t('bizowner.labels.lifecycle.experimental', 'Experimental'),
    beta: t('bizowner.labels.lifecycle.beta', 'Beta'),
    production: t('bizowner.labels.lifecycle.production', 'Production'),
    deprecated: t('bizowner.labels.lifecycle.deprecated', 'Deprecated'),
  };
  return labels[lifecycle];
}

export function roleLabel(role: OwnerRole | string): string {
  const labels: Record<string, string> = {
    businessOwner: t('bizowner.labels.role.businessOwner', 'Business owner'),
    productManager: t('bizowner.labels.role.productManager', 'Product manager'),
    serviceOwner: t('bizowner.labels.role.serviceOwner', 'Service owner'),
    engineeringManager: t('bizowner.labels.role.engineeringManager', 'Engineering manager'),
    sreLead: t('bizowner.labels.role.sreLead', 'SRE lead'),
    escalation: t('bizowner.labels.role.escalation', 'On-call escalation'),
  };
  return labels[role] ?? role;
}

/** One link type, e.g. in the link form: "Runbook". */
export function linkTypeName(type: LinkType): string {
  const names: Record<LinkType, string> = {
    runbook: t('bizowner.labels.linkName.runbook', 'Runbook'),
    dashboard: t('bizowner.labels.linkName.dashboard', 'Dashboard'),
    repo: t('bizowner.labels.linkName.repo', 'Repository'),
    docs: t('bizowner.labels.linkName.docs', 'Documentation'),
    postmortem: t('bizowner.labels.linkName.postmortem', 'Postmortem'),
  };
  return names[type];
}

/** A group of links by type, e.g. on the service page: "Runbooks". */
export function linkTypeLabel(type: LinkType): string {
  const labels: Record<LinkType, string> = {
    runbook: t('bizowner.labels.link.runbook', 'Runbooks'),
    dashboard: t('bizowner.labels.link.dashboard', 'Dashboards'),
    repo: t('bizowner.labels.link.repo', 'Repositories'),
    docs: t('bizowner.labels.link.docs', 'Documentation'),
    postmortem: t('bizowner.labels.link.postmortem', 'Postmortems'),
  };
  return labels[type];
}

/** A health's label; only the one asked for is looked up, as lists call this once per row. */
export function healthLabel(health: SloHealth | 'none'): string {
  switch (health) {
    case 'ok':
      return t('bizowner.labels.health.ok', 'Within budget');
    case 'atRisk':
      return t('bizowner.labels.health.atRisk', 'At risk');
    case 'exhausted':
      return t('bizowner.labels.health.exhausted', 'Budget spent');
    case 'noData':
      return t('bizowner.labels.health.noData', 'No data');
    case 'none':
      return t('bizowner.labels.health.none', 'No SLOs');
  }
}

/** A governance level's label; only the one asked for is looked up. */
export function levelLabel(level: ScoreLevel): string {
  switch (level) {
    case 'none':
      return t('bizowner.labels.level.none', 'Not started');
    case 'beginner':
      return t('bizowner.labels.level.beginner', 'Beginner');
    case 'intermediate':
      return t('bizowner.labels.level.intermediate', 'Intermediate');
    case 'advanced':
      return t('bizowner.labels.level.advanced', 'Advanced');
  }
}

/** The reason for missing live values in a few words, next to a dash. */
export function noLiveDataShort(prometheusConfigured: boolean): string {
  return prometheusConfigured
    ? t('bizowner.live.pendingShort', 'read once the dashboards arrive')
    : t('bizowner.live.noDataSourceShort', 'no data source yet');
}

/** Why live values (SLO status, budget left, KPI values) are not shown, for tooltips and notices. */
export function noLiveDataReason(prometheusConfigured: boolean): string {
  return prometheusConfigured
    ? t(
        'bizowner.live.pending',
        'A Prometheus data source is configured. Reading SLO status, error budget left and KPI values from the recording rules comes with the generated dashboards; until then they show no data.'
      )
    : t(
        'bizowner.live.noDataSource',
        'No data source yet: SLO status, error budget left and KPI values come from the recording rules once a Prometheus data source is chosen on the configuration page.'
      );
}
