/**
 * The escalation plan: who receives the alerts of the generated rules, as a neutral model that is
 * rendered as an Alertmanager configuration (alertmanager.ts) and as Grafana contact points and a
 * notification policy (grafana.ts).
 */
import { Problem } from '../problems';

/** A label matcher as Alertmanager and Grafana write them: `name op "value"`. */
export interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/**
 * What a receiver is for: a team's pages or tickets, a business owner, or the fallback that takes
 * what nobody in the registry is named for.
 */
export type ReceiverKind = 'page' | 'ticket' | 'owner' | 'default';

export interface Receiver {
  /** Stable, derived from the team name or person id: `slo-page-checkout-oncall`, `slo-owner-ana`. */
  name: string;
  kind: ReceiverKind;
  /** The on-call team (page, ticket) or the person id (owner). */
  subject?: string;
  /** Addresses from the people's records, in escalation order, without repeats. */
  emails: string[];
  /** Chat handles of the same people, for the admin who adds a chat integration. */
  chat: string[];
}

/** How long a receiver's notifications wait and repeat, as Alertmanager durations. */
export interface Timing {
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
}

/** A node of the routing tree. */
export interface EscalationRoute {
  receiver: string;
  matchers: Matcher[];
  timing?: Timing;
  routes: EscalationRoute[];
}

/** A page alert mutes the ticket alerts that share the `equal` labels (the same SLO and group). */
export interface InhibitRule {
  source: Matcher[];
  target: Matcher[];
  equal: string[];
}

export interface EscalationPlan {
  /** The fallback first, then each team's page and ticket receivers, then the business owners. */
  receivers: Receiver[];
  /** The app's subtree: every alert of the generated rules, one child per service. */
  route: EscalationRoute;
  /** Labels the routes group notifications by. */
  groupBy: string[];
  inhibitRules: InhibitRule[];
  /** What the registry lacks for an alert to reach a person, as warnings naming the field to fill. */
  findings: Problem[];
}
