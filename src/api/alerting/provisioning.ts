/**
 * Grafana's alerting provisioning HTTP API (the one the Terraform provider uses) and the folder
 * list, as documented for Grafana 12:
 *
 * - `GET /api/folders` lists the folders the user can see (`[{ uid, title }]`);
 * - `GET|PUT|DELETE /api/v1/provisioning/alert-rules/{uid}` and `POST /api/v1/provisioning/alert-rules`;
 * - `GET|PUT /api/v1/provisioning/folder/{folderUid}/rule-groups/{group}` reads a group and sets its
 *   evaluation interval (the PUT replaces the group's rules with those sent).
 *
 * Rules written through this API are marked as provisioned and locked in Grafana's UI unless the
 * request carries `X-Disable-Provenance`; the caller chooses.
 */
import { GrafanaAlertRule } from '../../domain/rules';
import { apiRequest, ApiResult } from '../backend';
import { writeHeaders } from './provenance';

export interface Folder {
  uid: string;
  title: string;
}

/** A rule group as the provisioning API returns and accepts it. */
export interface ProvisionedRuleGroup {
  title: string;
  folderUid: string;
  /** Evaluation interval in seconds. */
  interval: number;
  rules: Array<GrafanaAlertRule & { labels?: Record<string, string> }>;
}

export const RULES_URL = '/api/v1/provisioning/alert-rules';

export function ruleUrl(uid: string): string {
  return `${RULES_URL}/${encodeURIComponent(uid)}`;
}

export function groupUrl(folderUid: string, group: string): string {
  return `/api/v1/provisioning/folder/${encodeURIComponent(folderUid)}/rule-groups/${encodeURIComponent(group)}`;
}

/** The folders the user can see, for the folder picker. */
export async function fetchFolders(): Promise<ApiResult<Folder[]>> {
  const result = await apiRequest<Folder[]>({ url: '/api/folders', method: 'GET', params: { limit: 1000 } });
  return result.ok ? { ...result, value: result.value.map(({ uid, title }) => ({ uid, title })) } : result;
}

export function getAlertRule(uid: string): Promise<ApiResult<GrafanaAlertRule>> {
  return apiRequest({ url: ruleUrl(uid), method: 'GET' });
}

export function createAlertRule(rule: GrafanaAlertRule, editable: boolean): Promise<ApiResult<GrafanaAlertRule>> {
  return apiRequest({ url: RULES_URL, method: 'POST', data: rule, headers: writeHeaders(editable) });
}

export function updateAlertRule(rule: GrafanaAlertRule, editable: boolean): Promise<ApiResult<GrafanaAlertRule>> {
  return apiRequest({ url: ruleUrl(rule.uid), method: 'PUT', data: rule, headers: writeHeaders(editable) });
}

export function deleteAlertRule(uid: string, editable: boolean): Promise<ApiResult<unknown>> {
  return apiRequest({ url: ruleUrl(uid), method: 'DELETE', headers: writeHeaders(editable) });
}

export function getRuleGroup(folderUid: string, group: string): Promise<ApiResult<ProvisionedRuleGroup>> {
  return apiRequest({ url: groupUrl(folderUid, group), method: 'GET' });
}

export function putRuleGroup(group: ProvisionedRuleGroup, editable: boolean): Promise<ApiResult<ProvisionedRuleGroup>> {
  return apiRequest({
    url: groupUrl(group.folderUid, group.title),
    method: 'PUT',
    data: group,
    headers: writeHeaders(editable),
  });
}
