/**
 * Acknowledgements: who took an incident on, and when. Two sources count:
 *
 * - an acknowledgement recorded in the app (`{ sloId, by, at }`), and
 * - a Grafana alerting silence that covers the incident's alerts: its matchers match the labels of
 *   one of the incident's alert series, and it was created while the incident was open.
 *
 * Either counts for the incident of its SLO that was open at its time (from the start to the
 * resolution, both included); the earliest one is the incident's acknowledgement. A silence that
 * started before the incident is planned maintenance, not a response to a page, and does not
 * count; neither does anything after the resolution.
 *
 * An acknowledgement made in the app that names its incident (`incidentId`) counts for that
 * incident alone, from its start on and also after its resolution: someone took on an incident
 * nobody answered while it was open. It is shown, but the MTTA counts only acknowledgements made
 * while the incident was open (`acknowledgedWhileOpen`), so a late one never stretches it.
 */
import { Acknowledgement, Incident, Silence, SilenceMatcher } from './types';

function matcherMatches(matcher: SilenceMatcher, labels: Record<string, string>): boolean {
  const value = labels[matcher.name] ?? '';
  let matches: boolean;
  if (matcher.isRegex) {
    try {
      // Alertmanager anchors regex matchers at both ends.
      matches = new RegExp(`^(?:${matcher.value})$`).test(value);
    } catch {
      return false;
    }
  } else {
    matches = value === matcher.value;
  }
  return matcher.isEqual === false ? !matches : matches;
}

/** Whether every matcher of the silence matches `labels` (a silence without matchers matches nothing). */
export function silenceMatches(silence: Silence, labels: Record<string, string>): boolean {
  return silence.matchers.length > 0 && silence.matchers.every((matcher) => matcherMatches(matcher, labels));
}

function isOpenAt(incident: Incident, at: number): boolean {
  return at >= incident.start && at <= (incident.end ?? Infinity);
}

/** Whether an acknowledgement recorded in the app counts for `incident` (see above). */
function appliesTo(ack: Acknowledgement, incident: Incident): boolean {
  if (ack.incidentId !== undefined) {
    return ack.incidentId === incident.id && ack.at >= incident.start;
  }
  return ack.sloId === incident.sloId && isOpenAt(incident, ack.at);
}

/** Whether the incident was acknowledged before it resolved (or is open and acknowledged). */
export function acknowledgedWhileOpen(incident: Incident): boolean {
  return incident.acknowledged !== undefined && isOpenAt(incident, incident.acknowledged.at);
}

function silenceAcknowledgement(incident: Incident, silence: Silence): Acknowledgement | undefined {
  if (!isOpenAt(incident, silence.startsAt)) {
    return undefined;
  }
  const covers = incident.alerts.some((labels) => silenceMatches(silence, labels));
  return covers ? { sloId: incident.sloId, at: silence.startsAt, by: silence.createdBy, source: 'silence' } : undefined;
}

/**
 * The incidents with their acknowledgement: the earliest recorded acknowledgement of the SLO or
 * covering silence made while the incident was open, or acknowledgement naming the incident.
 * Incidents without one are returned as given.
 */
export function acknowledgeIncidents(
  incidents: Incident[],
  acknowledgements: Acknowledgement[] = [],
  silences: Silence[] = []
): Incident[] {
  return incidents.map((incident) => {
    const candidates = [
      ...acknowledgements.filter((ack) => appliesTo(ack, incident)),
      ...silences
        .map((silence) => silenceAcknowledgement(incident, silence))
        .filter((ack): ack is Acknowledgement => ack !== undefined),
    ].sort((a, b) => a.at - b.at);
    return candidates.length > 0 ? { ...incident, acknowledged: candidates[0] } : incident;
  });
}
