/** Translated names of the registry's enumerations, shared by lists, pages and forms. */
import { t } from '@grafana/i18n';
import { ScoreLevel } from '../domain/governance/types';
import { Lifecycle, LinkType, OwnerRole, Slo, Tier } from '../domain/model';
import { LOW_BUDGET_LEFT, SloHealth, SloHealthReason, SloStatus } from '../domain/registryView/sloStatus';

const RAW = { interpolation: { escapeValue: false } };

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

/** The label of a status that names the rule behind it: "Release freeze", "Budget low". */
export function sloStatusLabel(health: SloHealth | 'none', reason: SloHealthReason | undefined): string {
  if (health === 'atRisk' && reason === 'releaseFreeze') {
    return t('bizowner.labels.health.releaseFreeze', 'Release freeze');
  }
  if (health === 'atRisk' && reason === 'budgetLow') {
    return t('bizowner.labels.health.budgetLow', 'Budget low');
  }
  return healthLabel(health);
}

function percentOf(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** What froze releases: each threshold of the SLO's policy that its values cross. */
function freezeTriggers(slo: Slo, status: SloStatus): string {
  const policy = slo.budgetPolicy;
  const triggers: string[] = [];
  const burn = status.policyBurn;
  if (policy?.freezeBurnRate !== undefined && burn && burn.rate > policy.freezeBurnRate) {
    triggers.push(
      t('bizowner.labels.status.burnAbove', 'burn rate {{burn}}x over {{window}} is above its {{limit}}x', {
        burn: burn.rate.toFixed(2),
        window: burn.window,
        limit: policy.freezeBurnRate,
      })
    );
  }
  const limit = policy?.freezeBudgetLeftPercent;
  if (limit !== undefined && status.budgetLeft !== undefined && status.budgetLeft < limit / 100) {
    triggers.push(
      t('bizowner.labels.status.budgetBelow', '{{left}} of the budget left is below its {{limit}}%', {
        left: percentOf(status.budgetLeft),
        limit,
        ...RAW,
      })
    );
  }
  return triggers.join('; ');
}

/**
 * Why an SLO has its status, with its values and the rule it was held to; undefined without
 * values (the reason for missing values says why).
 */
export function sloStatusExplanation(slo: Slo, status: SloStatus): string | undefined {
  const values = { slo: slo.name, left: status.budgetLeft === undefined ? '' : percentOf(status.budgetLeft), ...RAW };
  switch (status.reason) {
    case 'noValues':
      return undefined;
    case 'budgetSpent':
      return t('bizowner.labels.status.spent', '{{slo}} has spent its error budget ({{left}} left).', values);
    case 'releaseFreeze':
      return t('bizowner.labels.status.freeze', '{{slo}}: its budget policy freezes releases: {{triggers}}.', {
        ...values,
        triggers: freezeTriggers(slo, status),
      });
    case 'budgetLow':
      return t(
        'bizowner.labels.status.low',
        '{{slo}} has no budget policy and {{left}} of its budget left: below {{limit}}%, an SLO without a policy is at risk.',
        { ...values, limit: LOW_BUDGET_LEFT * 100 }
      );
    case 'withinBudget':
      return t(
        'bizowner.labels.status.within',
        'Within budget: nothing spent beyond the budget, no freeze threshold of a budget policy crossed and, for SLOs without a policy, at least {{limit}}% of the budget left.',
        { limit: LOW_BUDGET_LEFT * 100 }
      );
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

/** An SLO's window in words: `Rolling 30d`, `Calendar month`, or with its time zone `Calendar month (Europe/Berlin)`. */
export function windowLabel(window: string, timeZone?: string): string {
  const calendar: Record<string, string> = {
    'calendar-week': t('bizowner.slos.window.week', 'Calendar week'),
    'calendar-month': t('bizowner.slos.window.month', 'Calendar month'),
    'calendar-quarter': t('bizowner.slos.window.quarter', 'Calendar quarter'),
  };
  const label = calendar[window];
  if (!label) {
    return t('bizowner.slos.window.rolling', 'Rolling {{window}}', { window, ...RAW });
  }
  return timeZone && timeZone !== 'UTC'
    ? t('bizowner.slos.window.zoned', '{{label}} ({{timeZone}})', { label, timeZone, ...RAW })
    : label;
}

/** The same within a sentence: `rolling 30d`, `calendar month (Europe/Berlin)`. */
export function windowInSentence(window: string, timeZone?: string): string {
  const label = windowLabel(window, timeZone);
  return label.charAt(0).toLowerCase() + label.slice(1);
}
