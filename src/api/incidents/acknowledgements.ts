/**
 * Acknowledgements made in the app, kept as Grafana organization annotations so that they persist
 * with Grafana, record who made them and when, and show on any dashboard that queries the tag.
 *
 * - Acknowledge: `POST /api/annotations` with `time` (Unix ms), `tags` and `text`, without a
 *   dashboard: an organization annotation. Grafana checks `annotations:create` on
 *   `annotations:type:organization`, which OSS grants Editors (`fixed:annotations:writer`) and
 *   Admins, not Viewers; it answers `{ message: "Annotation added", id }`.
 * - Read: `GET /api/annotations?tags=…&type=annotation&from&to&limit` (times in Unix ms; every tag
 *   given must be on the annotation; `limit` defaults to 100, so it is always sent). Each item
 *   carries `time` and the creator's `login` and `email`.
 *
 * Tags: `bizowner-incident-ack`, `slo:<slo id>` and `incident:<incident id>`.
 */
import { Acknowledgement, Incident } from '../../domain/incidents';
import { ApiFailure, apiRequest } from '../backend';

export const ANNOTATIONS_URL = '/api/annotations';
/** The tag every acknowledgement annotation carries. */
export const ACK_TAG = 'bizowner-incident-ack';
const SLO_TAG = 'slo:';
const INCIDENT_TAG = 'incident:';
/** Acknowledgements read at most per window; an answer this long may have been cut, which the result says. */
export const ACK_LIMIT = 1000;

/** One annotation as `GET /api/annotations` lists it (the fields read here). */
interface AnnotationJson {
  id?: number;
  time?: number;
  tags?: string[];
  text?: string;
  login?: string;
  email?: string;
}

export type AcknowledgementsResult = { ok: true; acknowledgements: Acknowledgement[]; truncated: boolean } | ApiFailure;

/** The tags of an incident's acknowledgement. */
export function acknowledgementTags(incident: Pick<Incident, 'id' | 'sloId'>): string[] {
  return [ACK_TAG, `${SLO_TAG}${incident.sloId}`, `${INCIDENT_TAG}${incident.id}`];
}

/** The annotation's text: what was acknowledged, readable on a dashboard. */
export function acknowledgementText(incident: Pick<Incident, 'id'>, sloName: string): string {
  return `Incident ${incident.id} (${sloName}) acknowledged`;
}

function tagValue(tags: string[], prefix: string): string | undefined {
  return tags.find((tag) => tag.startsWith(prefix) && tag.length > prefix.length)?.slice(prefix.length);
}

/**
 * The acknowledgements among annotations: each needs the SLO tag, a time and a creator (its login,
 * else its email). Annotations without them are skipped.
 */
export function readAcknowledgements(items: AnnotationJson[]): Acknowledgement[] {
  return items.flatMap((item): Acknowledgement[] => {
    const tags = Array.isArray(item.tags) ? item.tags : [];
    const sloId = tagValue(tags, SLO_TAG);
    const by = item.login || item.email;
    if (!tags.includes(ACK_TAG) || !sloId || typeof item.time !== 'number' || !by) {
      return [];
    }
    const incidentId = tagValue(tags, INCIDENT_TAG);
    return [{ sloId, at: item.time, by, source: 'app', ...(incidentId ? { incidentId } : {}) }];
  });
}

/** The acknowledgements made between `from` and `to` (Unix ms). */
export async function fetchAcknowledgements(from: number, to: number): Promise<AcknowledgementsResult> {
  const answer = await apiRequest<AnnotationJson[]>({
    url: ANNOTATIONS_URL,
    method: 'GET',
    params: { tags: ACK_TAG, type: 'annotation', from: Math.floor(from), to: Math.ceil(to), limit: ACK_LIMIT },
  });
  if (!answer.ok) {
    return answer;
  }
  const items = Array.isArray(answer.value) ? answer.value : [];
  return { ok: true, acknowledgements: readAcknowledgements(items), truncated: items.length >= ACK_LIMIT };
}

/**
 * Records that the signed-in user acknowledged `incident` now, as an organization annotation.
 * Grafana's answer on failure (403 without `annotations:create`) comes back as the failure.
 */
export async function acknowledgeIncident(
  incident: Pick<Incident, 'id' | 'sloId'>,
  sloName: string,
  now = Date.now()
): Promise<{ ok: true; id: number } | ApiFailure> {
  const answer = await apiRequest<{ id?: number }>({
    url: ANNOTATIONS_URL,
    method: 'POST',
    data: { time: now, tags: acknowledgementTags(incident), text: acknowledgementText(incident, sloName) },
  });
  return answer.ok ? { ok: true, id: answer.value?.id ?? 0 } : answer;
}
