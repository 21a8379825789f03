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

function silenceAcknowledgement(incident: Incident, silence: Silence): Acknowledgement | undefined {
  if (!isOpenAt(incident, silence.startsAt)) {
    return undefined;
  }
  const covers = incident.alerts.some((labels) => silenceMatches(silence, labels));
  return covers ? { sloId: incident.sloId, at: silence.startsAt, by: silence.createdBy, source: 'silence' } : undefined;
}

/**
 * The incidents with their acknowledgement: the earliest recorded acknowledgement of the SLO or
 * covering silence made while the incident was open. Incidents without one are returned as given.
 */
export function acknowledgeIncidents(
  incidents: Incident[],
  acknowledgements: Acknowledgement[] = [],
  silences: Silence[] = []
): Incident[] {
  return incidents.map((incident) => {
    const candidates = [
      ...acknowledgements.filter((ack) => ack.sloId === incident.sloId && isOpenAt(incident, ack.at)),
      ...silences
        .map((silence) => silenceAcknowledgement(incident, silence))
        .filter((ack): ack is Acknowledgement => ack !== undefined),
    ].sort((a, b) => a.at - b.at);
    return candidates.length > 0 ? { ...incident, acknowledged: candidates[0] } : incident;
  });
}
