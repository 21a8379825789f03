/** What each governance check is called, what to do when it fails, and its evidence in words. */
import { t } from '@grafana/i18n';
import { CheckNeed, Evidence } from '../../domain/governance/types';

export interface CheckText {
  title: string;
  /** What to do when the check fails or cannot decide. */
  remedy: string;
}

export function checkText(id: string): CheckText {
  const texts: Record<string, CheckText> = {
    businessOwnerNamed: {
      title: t('bizowner.gov.check.businessOwnerNamed', 'Business owner named'),
      remedy: t(
        'bizowner.gov.fix.businessOwnerNamed',
        'Edit the service and name the person accountable for its objectives.'
      ),
    },
    kpisSet: {
      title: t('bizowner.gov.check.kpisSet', 'Business KPIs set'),
      remedy: t(
        'bizowner.gov.fix.kpisSet',
        'Add the KPIs the business owner watches (revenue, conversion) with their PromQL queries.'
      ),
    },
    slosWithBudgets: {
      title: t('bizowner.gov.check.slosWithBudgets', 'SLOs with error budgets'),
      remedy: t(
        'bizowner.gov.fix.slosWithBudgets',
        'Write at least one SLO for the service; its objective defines the error budget.'
      ),
    },
    budgetPolicy: {
      title: t('bizowner.gov.check.budgetPolicy', 'Error-budget policy'),
      remedy: t(
        'bizowner.gov.fix.budgetPolicy',
        'Enable the budget policy on every SLO and agree it with the business owner.'
      ),
    },
    runbooks: {
      title: t('bizowner.gov.check.runbooks', 'Runbooks'),
      remedy: t(
        'bizowner.gov.fix.runbooks',
        'Add a runbook link to the service, or a runbook URL to the alerting of every SLO.'
      ),
    },
    onCallRouting: {
      title: t('bizowner.gov.check.onCallRouting', 'On-call routing'),
      remedy: t('bizowner.gov.fix.onCallRouting', 'Name the on-call team or an escalation chain on the service.'),
    },
    releaseGates: {
      title: t('bizowner.gov.check.releaseGates', 'Budget policy gates releases'),
      remedy: t(
        'bizowner.gov.fix.releaseGates',
        'Give every policy a freeze threshold (burn rate or budget left) and run the gate command in the release pipeline.'
      ),
    },
    dashboardsGenerated: {
      title: t('bizowner.gov.check.dashboardsGenerated', 'Dashboards generated'),
      remedy: t(
        'bizowner.gov.fix.dashboardsGenerated',
        'Open the service’s on-call page and use “Save as Grafana dashboard”.'
      ),
    },
    costTags: {
      title: t('bizowner.gov.check.costTags', 'Cost tags set'),
      remedy: t(
        'bizowner.gov.fix.costTags',
        'Add the billing allocation labels (e.g. cost_center) so that spend can be attributed.'
      ),
    },
    accountableOwner: {
      title: t('bizowner.gov.check.accountableOwner', 'No accountable owner'),
      remedy: t(
        'bizowner.gov.fix.accountableOwner',
        'Name a business owner who is in the people directory; nobody decides during incidents otherwise.'
      ),
    },
    burnWithoutPolicy: {
      title: t('bizowner.gov.check.burnWithoutPolicy', 'Budget burning with no policy'),
      remedy: t(
        'bizowner.gov.fix.burnWithoutPolicy',
        'Enable a budget policy on these SLOs so that fast burn freezes releases and reaches the business owner.'
      ),
    },
    missingTelemetry: {
      title: t('bizowner.gov.check.missingTelemetry', 'Missing telemetry'),
      remedy: t(
        'bizowner.gov.fix.missingTelemetry',
        'Check the SLI queries and the service selector: an SLI without data hides every outage.'
      ),
    },
    budgetOverused: {
      title: t('bizowner.gov.check.budgetOverused', 'Budget overused window after window'),
      remedy: t(
        'bizowner.gov.fix.budgetOverused',
        'Review the objective with the business owner: either invest in reliability or lower the objective.'
      ),
    },
    costSpikeUnreviewed: {
      title: t('bizowner.gov.check.costSpikeUnreviewed', 'Cost spike with no owner review'),
      remedy: t(
        'bizowner.gov.fix.costSpikeUnreviewed',
        'Ask the business owner to review the spend increase and record the decision.'
      ),
    },
  };
  return texts[id] ?? { title: id, remedy: '' };
}

/** One evidence fact as a sentence. */
export function evidenceText({ code, values = {} }: Evidence): string {
  const v = { ...values, interpolation: { escapeValue: false } };
  const texts: Record<string, () => string> = {
    businessOwner: () => t('bizowner.gov.ev.businessOwner', 'Business owner: {{name}} ({{email}}).', v),
    noBusinessOwner: () => t('bizowner.gov.ev.noBusinessOwner', 'No business owner is named.'),
    businessOwnerUnknown: () =>
      t('bizowner.gov.ev.businessOwnerUnknown', 'The business owner "{{id}}" is not in the people directory.', v),
    kpis: () => t('bizowner.gov.ev.kpis', '{{count}} KPIs: {{names}}.', v),
    noKpis: () => t('bizowner.gov.ev.noKpis', 'No KPIs are set.'),
    slos: () => t('bizowner.gov.ev.slos', '{{count}} SLOs: {{objectives}}.', v),
    noSlos: () => t('bizowner.gov.ev.noSlos', 'The service has no SLOs.'),
    policyOnAll: () => t('bizowner.gov.ev.policyOnAll', 'All {{count}} SLOs have a budget policy.', v),
    policyMissing: () => t('bizowner.gov.ev.policyMissing', 'No budget policy on: {{slos}}.', v),
    runbookLinks: () => t('bizowner.gov.ev.runbookLinks', 'Runbooks: {{titles}}.', v),
    runbookOnAlerts: () => t('bizowner.gov.ev.runbookOnAlerts', 'Runbook URLs on the alerts of: {{slos}}.', v),
    noRunbook: () => t('bizowner.gov.ev.noRunbook', 'No runbook link on the service or its alerts.'),
    onCall: () => t('bizowner.gov.ev.onCall', 'On-call team {{team}}, escalation {{escalation}}.', v),
    noOnCall: () => t('bizowner.gov.ev.noOnCall', 'No on-call team or escalation chain.'),
    gateThresholds: () =>
      t('bizowner.gov.ev.gateThresholds', 'All {{count}} SLOs have a policy with a freeze threshold.', v),
    gateMissing: () => t('bizowner.gov.ev.gateMissing', 'No freeze threshold (or no policy) on: {{slos}}.', v),
    dashboardsNotRecorded: () =>
      t(
        'bizowner.gov.ev.dashboardsNotRecorded',
        'Grafana’s dashboard search did not answer, so whether the dashboards are saved is unknown.'
      ),
    dashboardsGenerated: () => t('bizowner.gov.ev.dashboardsGenerated', 'The on-call dashboard is saved in Grafana.'),
    noDashboards: () => t('bizowner.gov.ev.noDashboards', 'The service’s on-call dashboard is not saved in Grafana.'),
    costTags: () => t('bizowner.gov.ev.costTags', 'Cost tags: {{tags}}.', v),
    noCostTags: () => t('bizowner.gov.ev.noCostTags', 'No cost tags, so spend cannot be attributed to the service.'),
    allSlosHavePolicy: () => t('bizowner.gov.ev.allSlosHavePolicy', 'Every SLO has a budget policy.'),
    slosWithoutPolicy: () =>
      t('bizowner.gov.ev.slosWithoutPolicy', 'SLOs without a policy: {{slos}}; whether they burn is not measured.', v),
    notBurning: () => t('bizowner.gov.ev.notBurning', 'Not burning faster than sustainable: {{slos}}.', v),
    burningWithoutPolicy: () =>
      t('bizowner.gov.ev.burningWithoutPolicy', 'Burning faster than sustainable without a policy: {{slos}}.', v),
    telemetryNotChecked: () =>
      t('bizowner.gov.ev.telemetryNotChecked', 'Whether the SLIs of {{count}} SLOs return data is not checked yet.', v),
    sliNoData: () => t('bizowner.gov.ev.sliNoData', 'SLIs that return no data: {{slos}}.', v),
    sliHasData: () => t('bizowner.gov.ev.sliHasData', 'The SLIs of {{count}} SLOs return data.', v),
    windowsNotChecked: () =>
      t(
        'bizowner.gov.ev.windowsNotChecked',
        'Past windows are not measured yet (flagged at {{limit}} overspent windows in a row).',
        v
      ),
    budgetKept: () => t('bizowner.gov.ev.budgetKept', 'No SLO overspent its budget {{limit}} windows in a row.', v),
    budgetOverspentInARow: () =>
      t('bizowner.gov.ev.budgetOverspentInARow', 'Budget overspent several windows in a row (windows): {{slos}}.', v),
    costNotMeasured: () => t('bizowner.gov.ev.costNotMeasured', 'Cost is not measured yet.'),
    costSteady: () => t('bizowner.gov.ev.costSteady', 'Cost {{current}} against a baseline of {{baseline}}.', v),
    costSpikeReviewed: () =>
      t(
        'bizowner.gov.ev.costSpikeReviewed',
        'Cost rose to {{current}} from {{baseline}}; the business owner reviewed it.',
        v
      ),
    costSpikeNotReviewed: () =>
      t(
        'bizowner.gov.ev.costSpikeNotReviewed',
        'Cost rose to {{current}} from {{baseline}} and nobody reviewed it.',
        v
      ),
  };
  return texts[code]?.() ?? code;
}

/** Why a check could not decide; `prometheusConfigured` tells a missing data source from values not read yet. */
export function needText(need: CheckNeed, prometheusConfigured: boolean): string {
  const texts: Record<CheckNeed, string> = {
    prometheus: prometheusConfigured
      ? t(
          'bizowner.gov.need.prometheusValues',
          'Needs live values from the recording rules (load the generated rules into Prometheus)'
        )
      : t('bizowner.gov.need.prometheus', 'Needs a Prometheus data source'),
    billing: t('bizowner.gov.need.billing', 'Needs a billing data source'),
    dashboards: t('bizowner.gov.need.dashboards', 'Needs an answer from Grafana’s dashboard search'),
  };
  return texts[need];
}
