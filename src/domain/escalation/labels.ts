/**
 * The labels the escalation routes match on: those the generated alerts carry whatever an SLO's
 * page and ticket labels say. `severity` is no use for routing: an SLO may set it to `critical`
 * or `warning` (the demo registry does), while `sloth_severity` is always `page` or `ticket`.
 */
import { LABEL_ID, LABEL_SERVICE, LABEL_SLOTH_SEVERITY } from '../rules/names';
import { Matcher, Timing } from './types';

/**
 * Written on the release-freeze alert when its budget policy escalates to the business owner
 * (`freezeAlertLabels` in rules/alert-rules.ts); any alert carrying it goes to the owner.
 */
export const LABEL_ESCALATE = 'escalate';
export const ESCALATE_BUSINESS_OWNER = 'business-owner';

/** Every alert of the generated rules carries the SLO id: the app's subtree takes them all. */
export const APP_MATCHER: Matcher = { name: LABEL_ID, op: '=~', value: '.+' };

/** Notifications are grouped per SLO, so one SLO's alerts arrive together and apart from others'. */
export const GROUP_BY: readonly string[] = ['alertname', LABEL_SERVICE, LABEL_ID];

/** Prefix of every receiver name, so that they sort together and read as the app's. */
export const RECEIVER_PREFIX = 'slo-';
export const DEFAULT_RECEIVER = `${RECEIVER_PREFIX}default`;

/**
 * How soon and how often each kind of receiver hears of an alert: a page at once and every hour
 * while it fires; tickets and the owner after five minutes (a blip does not open a ticket) and once
 * a day. Written as Grafana prints durations back (`1d`, not `24h`), so that a second push finds
 * nothing to change.
 */
export const TIMINGS: Record<'page' | 'ticket' | 'owner', Timing> = {
  page: { groupWait: '30s', groupInterval: '5m', repeatInterval: '1h' },
  ticket: { groupWait: '5m', groupInterval: '30m', repeatInterval: '1d' },
  owner: { groupWait: '5m', groupInterval: '1h', repeatInterval: '1d' },
};

export function equals(name: string, value: string): Matcher {
  return { name, op: '=', value };
}

export function serviceMatcher(serviceId: string): Matcher {
  return equals(LABEL_SERVICE, serviceId);
}

export function severityMatcher(severity: 'page' | 'ticket'): Matcher {
  return equals(LABEL_SLOTH_SEVERITY, severity);
}

/** `sloth_service="checkout"`, as Alertmanager's `matchers` and amtool read it. */
export function formatMatcher(matcher: Matcher): string {
  return `${matcher.name}${matcher.op}${JSON.stringify(matcher.value)}`;
}
