/**
 * The maturity ladder as data: each rung's checks, in the order the scorecard shows them.
 * beginner — somebody is accountable and the business measures what matters;
 * intermediate — SLOs with error budgets, a budget policy, runbooks and on-call routing;
 * advanced — the policy gates releases, dashboards are generated, cost is attributed.
 */
import { fail, listOf, objectiveOf, pass, slosWithoutPolicy } from './evidence';
import { CheckSubject, CheckVerdict, GovernanceCheck } from './types';

/** The business owner named on the service, and whether the registry knows that person. */
export function businessOwnerVerdict({ service, people }: CheckSubject): CheckVerdict {
  const id = service.owners.businessOwner;
  if (!id) {
    return fail({ code: 'noBusinessOwner' });
  }
  const person = people.get(id);
  if (!person) {
    return fail({ code: 'businessOwnerUnknown', values: { id } });
  }
  return pass({ code: 'businessOwner', values: { name: person.name, email: person.email } });
}

function noSlos(): CheckVerdict {
  return fail({ code: 'noSlos' });
}

export const LADDER_CHECKS: readonly GovernanceCheck[] = [
  {
    id: 'businessOwnerNamed',
    kind: 'ladder',
    level: 'beginner',
    evaluate: businessOwnerVerdict,
  },
  {
    id: 'kpisSet',
    kind: 'ladder',
    level: 'beginner',
    evaluate: ({ service }) =>
      service.kpis.length > 0
        ? pass({
            code: 'kpis',
            values: { count: service.kpis.length, names: listOf(service.kpis.map((kpi) => kpi.name)) },
          })
        : fail({ code: 'noKpis' }),
  },
  {
    id: 'slosWithBudgets',
    kind: 'ladder',
    level: 'intermediate',
    evaluate: ({ slos }) =>
      slos.length > 0
        ? pass({ code: 'slos', values: { count: slos.length, objectives: listOf(slos.map(objectiveOf)) } })
        : noSlos(),
  },
  {
    id: 'budgetPolicy',
    kind: 'ladder',
    level: 'intermediate',
    evaluate: ({ slos }) => {
      if (slos.length === 0) {
        return noSlos();
      }
      const missing = slosWithoutPolicy(slos);
      return missing.length === 0
        ? pass({ code: 'policyOnAll', values: { count: slos.length } })
        : fail({ code: 'policyMissing', values: { slos: listOf(missing.map((slo) => slo.id)) } });
    },
  },
  {
    id: 'runbooks',
    kind: 'ladder',
    level: 'intermediate',
    evaluate: ({ service, slos }) => {
      const runbooks = service.links.filter((link) => link.type === 'runbook');
      if (runbooks.length > 0) {
        return pass({ code: 'runbookLinks', values: { titles: listOf(runbooks.map((link) => link.title)) } });
      }
      const withUrl = slos.filter((slo) => slo.alerting.runbookUrl);
      return withUrl.length > 0 && withUrl.length === slos.length
        ? pass({ code: 'runbookOnAlerts', values: { slos: listOf(withUrl.map((slo) => slo.id)) } })
        : fail({ code: 'noRunbook' });
    },
  },
  {
    id: 'onCallRouting',
    kind: 'ladder',
    level: 'intermediate',
    evaluate: ({ service }) => {
      const onCall = service.onCall;
      const escalation = onCall?.escalation ?? [];
      if (!onCall?.team && escalation.length === 0) {
        return fail({ code: 'noOnCall' });
      }
      return pass({ code: 'onCall', values: { team: onCall?.team ?? '—', escalation: listOf(escalation) || '—' } });
    },
  },
  {
    id: 'releaseGates',
    kind: 'ladder',
    level: 'advanced',
    evaluate: ({ slos }) => {
      if (slos.length === 0) {
        return noSlos();
      }
      // The release gate (`cli gate`) freezes on these thresholds; a policy without one gates nothing.
      const ungated = slos.filter(
        (slo) =>
          !slo.budgetPolicy?.enabled ||
          (slo.budgetPolicy.freezeBurnRate === undefined && slo.budgetPolicy.freezeBudgetLeftPercent === undefined)
      );
      return ungated.length === 0
        ? pass({ code: 'gateThresholds', values: { count: slos.length } })
        : fail({ code: 'gateMissing', values: { slos: listOf(ungated.map((slo) => slo.id)) } });
    },
  },
  {
    id: 'dashboardsGenerated',
    kind: 'ladder',
    level: 'advanced',
    evaluate: ({ dashboardsGenerated }) => {
      if (dashboardsGenerated === undefined) {
        return { outcome: 'unknown', needs: 'dashboards', evidence: [{ code: 'dashboardsNotRecorded' }] };
      }
      return dashboardsGenerated ? pass({ code: 'dashboardsGenerated' }) : fail({ code: 'noDashboards' });
    },
  },
  {
    id: 'costTags',
    kind: 'ladder',
    level: 'advanced',
    evaluate: ({ service }) => {
      const tags = Object.entries(service.costTags);
      return tags.length > 0
        ? pass({ code: 'costTags', values: { tags: listOf(tags.map(([key, value]) => `${key}=${value}`)) } })
        : fail({ code: 'noCostTags' });
    },
  },
];
