/**
 * Grafana marks what the alerting provisioning API writes as provisioned (provenance `api`), which
 * locks it in the alerting UI, unless the request carries `X-Disable-Provenance` (any value).
 * Grafana refuses to turn a provisioned resource back into an editable one (403), so the header is
 * only sent where the resource is not provisioned already. No Grafana runtime code: the command
 * line uses it too.
 */

export const PROVENANCE_HEADER = 'X-Disable-Provenance';

/** Headers of a write: the provenance opt-out when the resource should stay editable in the UI. */
export function writeHeaders(editable: boolean): Record<string, string> {
  return editable ? { [PROVENANCE_HEADER]: 'true' } : {};
}
