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
    postmortemAfterBudgetHeavyIncident: {
      title: t('bizowner.gov.check.postmortemAfterBudgetHeavyIncident', 'No postmortem after a budget-heavy incident'),
      remedy: t(
        'bizowner.gov.fix.postmortemAfterBudgetHeavyIncident',
        'Write the postmortem and add it to the service as a postmortem link whose title names the incident or its date.'
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
      t('bizowner.gov.ev.telemetryNotChecked', 'Whether the SLIs return data is not known yet for: {{slos}}.', v),
    telemetryQueryFailed: () =>
      t(
        'bizowner.gov.ev.telemetryQueryFailed',
        'Unknown for {{slos}}: the query failed ({{message}}), which says nothing about the telemetry itself.',
        v
      ),
    telemetryNotQueried: () =>
      t(
        'bizowner.gov.ev.telemetryNotQueried',
        'Unknown for {{slos}}: their recording rules are not loaded and, with more than {{limit}} such SLOs, their SLI queries were not run one by one.',
        v
      ),
    telemetryNoLoki: () =>
      t(
        'bizowner.gov.ev.telemetryNoLoki',
        'Unknown for {{slos}}: no Loki data source is chosen for these log SLIs.',
        v
      ),
    sliNoData: () =>
      t(
        'bizowner.gov.ev.sliNoData',
        'SLI queries that ran and found no series (the metrics or the selector match nothing): {{slos}}.',
        v
      ),
    sliNoTraffic: () =>
      t('bizowner.gov.ev.sliNoTraffic', 'SLIs that counted no events over their whole window: {{slos}}.', v),
    sliHasData: () => t('bizowner.gov.ev.sliHasData', 'The SLIs of {{count}} SLOs return data.', v),
    windowsNotChecked: () =>
      t(
        'bizowner.gov.ev.windowsNotChecked',
        'No budget left measured for {{slos}}, so their past windows are unknown (flagged at {{limit}} spent windows in a row).',
        v
      ),
    previousWindowNotRecorded: () =>
      t(
        'bizowner.gov.ev.previousWindowNotRecorded',
        'The budget is spent now, but the window before was not recorded (the recording rules were not loaded then): {{slos}}.',
        v
      ),
    budgetKept: () => t('bizowner.gov.ev.budgetKept', 'No SLO overspent its budget {{limit}} windows in a row.', v),
    budgetOverspentInARow: () =>
      t('bizowner.gov.ev.budgetOverspentInARow', 'Budget overspent several windows in a row (windows): {{slos}}.', v),
    costNotMeasured: () => t('bizowner.gov.ev.costNotMeasured', 'Spend has not been read yet.'),
    costNoSpendFound: () =>
      t(
        'bizowner.gov.ev.costNoSpendFound',
        'The billing data source returned no spend for the service’s cost tags over the last week and the four before.'
      ),
    costNoBillingDataSource: () =>
      t('bizowner.gov.ev.costNoBillingDataSource', 'No billing data source is chosen on the configuration page.'),
    costSqlBilling: () =>
      t(
        'bizowner.gov.ev.costSqlBilling',
        'Billing is read with SQL, whose rows have the shape of your template: weekly spend is compared only when billing is read with PromQL.'
      ),
    costQueryFailed: () =>
      t('bizowner.gov.ev.costQueryFailed', 'The billing data source could not be read: {{message}}.', v),
    costSteady: () =>
      t(
        'bizowner.gov.ev.costSteady',
        'Spend of the last week {{current}} against a weekly baseline of {{baseline}} (the four weeks before).',
        v
      ),
    costSpikeReviewed: () =>
      t(
        'bizowner.gov.ev.costSpikeReviewed',
        'Cost rose to {{current}} from {{baseline}}; the business owner reviewed it.',
        v
      ),
    postmortemsMissing: () =>
      t(
        'bizowner.gov.ev.postmortemsMissing',
        'Resolved incidents that used more than a fifth of their period budget and have no postmortem: {{incidents}}.',
        v
      ),
    incidentBudgetUnknown: () =>
      t(
        'bizowner.gov.ev.incidentBudgetUnknown',
        'How much budget these incidents used is not measured: {{incidents}}.',
        v
      ),
    postmortemsLinked: () =>
      t('bizowner.gov.ev.postmortemsLinked', 'Budget-heavy incidents with their postmortem linked: {{incidents}}.', v),
    noBudgetHeavyIncidents: () =>
      t(
        'bizowner.gov.ev.noBudgetHeavyIncidents',
        'No resolved incident of the last 30 days used more than a fifth of its period budget.'
      ),
    incidentsNotRead: () => t('bizowner.gov.ev.incidentsNotRead', 'The incidents have not been read yet.'),
    incidentsNoDataSource: () =>
      t(
        'bizowner.gov.ev.incidentsNoDataSource',
        'Incidents are read from the page alerts in Prometheus, and no Prometheus data source is chosen.'
      ),
    incidentsReadFailed: () =>
      t('bizowner.gov.ev.incidentsReadFailed', 'The alert history could not be read: {{message}}.', v),
    costSpikeNotReviewed: () =>
      t(
        'bizowner.gov.ev.costSpikeNotReviewed',
        'Spend rose to {{current}} in the last week from a weekly baseline of {{baseline}}, and no review by the business owner is on record.',
        v
      ),
  };
  return texts[code]?.() ?? code;
}

/**
 * What a check would need to decide. `liveReason` says where the page's Prometheus values stand
 * (being read, failed, rules not loaded); without one, the values are simply not measured.
 */
export function needText(need: CheckNeed, liveReason: string | undefined): string {
  switch (need) {
    case 'prometheus':
      return (
        liveReason ??
        t(
          'bizowner.gov.need.prometheusValues',
          'Needs live values from the recording rules (load the generated rules into Prometheus)'
        )
      );
    case 'loki':
      return t('bizowner.gov.need.loki', 'Needs a Loki data source');
    case 'billing':
      return t('bizowner.gov.need.billing', 'Needs spend from a billing data source read with PromQL');
    case 'dashboards':
      return t('bizowner.gov.need.dashboards', 'Needs an answer from Grafana’s dashboard search');
  }
}
