/**
 * Silences from Grafana alerting: `GET /api/alertmanager/grafana/api/v2/silences` for Grafana's
 * own Alertmanager, `/api/alertmanager/<data source uid>/api/v2/silences` for an external one (the
 * Alertmanager that routes Prometheus' alerts). The answer is Alertmanager's v2 list: `id`,
 * `createdBy`, `comment`, `startsAt`, `endsAt` (RFC 3339) and `matchers`
 * (`name`, `value`, `isRegex`, `isEqual`), expired silences included.
 */
import { Silence } from '../../domain/incidents';
import { ApiFailure, apiRequest } from '../backend';

/** Grafana's name for its own Alertmanager in the alerting API paths. */
export const GRAFANA_ALERTMANAGER = 'grafana';

interface GettableSilence {
  id?: string;
  createdBy?: string;
  comment?: string;
  startsAt?: string;
  endsAt?: string;
  matchers?: Array<{ name?: string; value?: string; isRegex?: boolean; isEqual?: boolean }>;
}

/** The silences Alertmanager listed, skipping any without a creator, times or matchers. */
export function readSilences(list: GettableSilence[]): Silence[] {
  return list.flatMap((item): Silence[] => {
    const startsAt = Date.parse(item.startsAt ?? '');
    const endsAt = Date.parse(item.endsAt ?? '');
    if (!item.createdBy || Number.isNaN(startsAt) || Number.isNaN(endsAt) || !item.matchers?.length) {
      return [];
    }
    return [
      {
        id: item.id ?? '',
        createdBy: item.createdBy,
        comment: item.comment,
        startsAt,
        endsAt,
        matchers: item.matchers.map((matcher) => ({
          name: matcher.name ?? '',
          value: matcher.value ?? '',
          isRegex: matcher.isRegex === true,
          isEqual: matcher.isEqual !== false,
        })),
      },
    ];
  });
}

/** The silences of an Alertmanager (`grafana` or a data source uid). */
export async function fetchSilences(
  alertmanager = GRAFANA_ALERTMANAGER
): Promise<{ ok: true; silences: Silence[] } | ApiFailure> {
  const answer = await apiRequest<GettableSilence[]>({
    url: `/api/alertmanager/${encodeURIComponent(alertmanager)}/api/v2/silences`,
    method: 'GET',
  });
  if (!answer.ok) {
    return answer;
  }
  return { ok: true, silences: readSilences(Array.isArray(answer.value) ? answer.value : []) };
}
