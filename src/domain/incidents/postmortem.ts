/**
 * The outage policy: an incident that consumed more than a set share of its SLO's period budget
 * (default 20 %, the SRE workbook's example policy) requires a postmortem. A postmortem counts when
 * the service has a link of type `postmortem` whose title or URL mentions the incident: its id
 * (`checkout-availability-20240501-1005`) or its UTC start date (`2024-05-01`), case ignored.
 */
import { ServiceLink } from '../model';
import { CheckVerdict } from '../governance/types';
import { IncidentImpact, Incident, PostmortemState } from './types';

/** Share of the period budget above which an incident requires a postmortem. */
export const POSTMORTEM_BUDGET_SHARE = 0.2;

/** The governance check that counts budget-heavy incidents without a postmortem. */
export const POSTMORTEM_CHECK_ID = 'postmortemAfterBudgetHeavyIncident';

/** `2024-05-01`: the incident's start date in UTC. */
export function incidentDate(incident: Pick<Incident, 'start'>): string {
  return new Date(incident.start).toISOString().slice(0, 10);
}

/** The postmortem link that mentions the incident (its id or start date), if the service has one. */
export function postmortemLink(incident: Incident, links: ServiceLink[]): ServiceLink | undefined {
  const marks = [incident.id.toLowerCase(), incidentDate(incident)];
  return links.find(
    (link) =>
      link.type === 'postmortem' &&
      marks.some((mark) => link.title.toLowerCase().includes(mark) || link.url.toLowerCase().includes(mark))
  );
}

/** Whether the outage policy requires a postmortem, and whether one is linked. */
export function postmortemState(
  incident: Incident,
  impact: IncidentImpact,
  links: ServiceLink[],
  share = POSTMORTEM_BUDGET_SHARE
): { state: PostmortemState; link?: ServiceLink } {
  if (impact.budgetConsumed === undefined) {
    return { state: 'unknown' };
  }
  if (impact.budgetConsumed <= share) {
    return { state: 'notRequired' };
  }
  const link = postmortemLink(incident, links);
  if (link) {
    return { state: 'covered', link };
  }
  return { state: incident.end === undefined ? 'pending' : 'missing' };
}

/**
 * A governance verdict for one service from its assessed incidents: `fail` while a resolved
 * budget-heavy incident has no postmortem (evidence `postmortemsMissing` with the incident ids),
 * `unknown` when incidents were not read or their budget use is unknown, `pass` otherwise.
 * Ready for the scorecard's failure modes once its subject carries the incidents.
 */
export function postmortemVerdict(
  incidents: Array<Incident & { postmortem: { state: PostmortemState } }> | undefined
): CheckVerdict {
  if (incidents === undefined) {
    return { outcome: 'unknown', needs: 'prometheus', evidence: [{ code: 'incidentsNotRead' }] };
  }
  const ids = (state: PostmortemState) =>
    incidents.filter((item) => item.postmortem.state === state).map((item) => item.id);
  const missing = ids('missing');
  if (missing.length > 0) {
    return {
      outcome: 'fail',
      evidence: [{ code: 'postmortemsMissing', values: { incidents: missing.join(', '), count: missing.length } }],
    };
  }
  const unknown = ids('unknown');
  if (unknown.length > 0) {
    return {
      outcome: 'unknown',
      needs: 'prometheus',
      evidence: [{ code: 'incidentBudgetUnknown', values: { incidents: unknown.join(', '), count: unknown.length } }],
    };
  }
  const covered = ids('covered');
  return covered.length > 0
    ? { outcome: 'pass', evidence: [{ code: 'postmortemsLinked', values: { incidents: covered.join(', ') } }] }
    : { outcome: 'pass', evidence: [{ code: 'noBudgetHeavyIncidents' }] };
}
