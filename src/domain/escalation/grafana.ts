/**
 * The escalation plan for Grafana-managed alerting, in the body shapes of the alerting provisioning
 * API: an email contact point per receiver that has addresses (`POST|PUT
 * /api/v1/provisioning/contact-points`, identified by uid) and the app's child route of the
 * notification policy tree (`PUT /api/v1/provisioning/policies` takes the whole tree; policyTree.ts
 * puts this route into the tree that is there).
 *
 * The provisioning API has no contact point without an integration, so a receiver nobody can be
 * emailed at is left out and its routes name no receiver: they inherit the parent's, in the end the
 * tree's default contact point. Grafana-managed alerting has no inhibition rules in this API.
 */
import { stableUid } from '../rules/uid';
import { EscalationPlan, EscalationRoute, Matcher } from './types';

/** An email contact point (`EmbeddedContactPoint`); Grafana splits `addresses` at `;`, `,` or newlines. */
export interface GrafanaContactPoint {
  uid: string;
  name: string;
  type: 'email';
  settings: { addresses: string; singleEmail: boolean };
  disableResolveMessage: boolean;
}

/** `[name, op, value]`, as Grafana's `object_matchers` are written in JSON. */
export type ObjectMatcher = [string, string, string];

/**
 * A node of Grafana's notification policy tree (`definition.Route`). Fields the app does not write
 * are kept as they were read, so a pushed tree loses nothing.
 */
export interface GrafanaRoute {
  receiver?: string;
  group_by?: string[];
  object_matchers?: ObjectMatcher[];
  matchers?: string[];
  continue?: boolean;
  routes?: GrafanaRoute[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  /** Read-only: how the tree was provisioned (`api`, `file`); absent when edited in the UI. */
  provenance?: string;
  [field: string]: unknown;
}

/** Every contact point the app pushes has a uid starting with this; others are never touched. */
export const CONTACT_POINT_UID_PREFIX = `${stableUid('notify')}-`;

/** The stable uid of a receiver's contact point, e.g. `bo-notify-slo-owner-ana`. */
export function contactPointUid(receiverName: string): string {
  return stableUid('notify', receiverName);
}

/** One email contact point per receiver with at least one address, in the plan's order. */
export function buildGrafanaContactPoints(plan: EscalationPlan): GrafanaContactPoint[] {
  return plan.receivers
    .filter((receiver) => receiver.emails.length > 0)
    .map((receiver) => ({
      uid: contactPointUid(receiver.name),
      name: receiver.name,
      type: 'email',
      settings: { addresses: receiver.emails.join(';'), singleEmail: false },
      disableResolveMessage: false,
    }));
}

/** Matchers in the order Grafana stores them (name, then value, then operator). */
export function toObjectMatchers(matchers: Matcher[]): ObjectMatcher[] {
  return matchers
    .map((matcher): ObjectMatcher => [matcher.name, matcher.op, matcher.value])
    .sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0));
}

function toGrafanaRoute(route: EscalationRoute, contactPoints: Set<string>): GrafanaRoute {
  const node: GrafanaRoute = { object_matchers: toObjectMatchers(route.matchers) };
  if (contactPoints.has(route.receiver)) {
    node.receiver = route.receiver;
  }
  if (route.timing) {
    node.group_wait = route.timing.groupWait;
    node.group_interval = route.timing.groupInterval;
    node.repeat_interval = route.timing.repeatInterval;
  }
  if (route.routes.length > 0) {
    node.routes = route.routes.map((child) => toGrafanaRoute(child, contactPoints));
  }
  return node;
}

/** The app's child route of the policy tree: every SLO alert, one child per service. */
export function buildGrafanaPolicyRoute(plan: EscalationPlan): GrafanaRoute {
  const contactPoints = new Set(buildGrafanaContactPoints(plan).map((point) => point.name));
  const route = toGrafanaRoute(plan.route, contactPoints);
  return { ...route, group_by: [...plan.groupBy] };
}

/** What a push puts into Grafana: the contact points and the app's route of the policy tree. */
export interface GrafanaEscalation {
  contactPoints: GrafanaContactPoint[];
  route: GrafanaRoute;
}

export function buildGrafanaEscalation(plan: EscalationPlan): GrafanaEscalation {
  return { contactPoints: buildGrafanaContactPoints(plan), route: buildGrafanaPolicyRoute(plan) };
}
