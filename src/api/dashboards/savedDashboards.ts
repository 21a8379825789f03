/**
 * The services whose generated dashboards are saved in Grafana, asked of Grafana's dashboard
 * search (`GET /api/search?type=dash-db&tag=…`): one request for the whole registry.
 */
import { ON_CALL_DASHBOARD_TAGS, servicesWithSavedDashboards, DashboardSearchHit } from '../../domain/dashboards';
import { ApiResult, apiRequest } from '../backend';

/** Grafana's search returns at most this many hits per request. */
export const SEARCH_LIMIT = 5000;

export async function fetchServicesWithSavedDashboards(serviceIds: string[]): Promise<ApiResult<string[]>> {
  const answer = await apiRequest<DashboardSearchHit[]>({
    method: 'GET',
    url: '/api/search',
    params: { type: 'dash-db', tag: ON_CALL_DASHBOARD_TAGS, limit: SEARCH_LIMIT },
  });
  if (!answer.ok) {
    return answer;
  }
  if (!Array.isArray(answer.value)) {
    return { ok: false, status: answer.status, message: 'the dashboard search did not answer with a list' };
  }
  return { ok: true, status: answer.status, value: servicesWithSavedDashboards(serviceIds, answer.value) };
}
