/**
 * Contact points and the notification policy tree through Grafana's alerting provisioning HTTP API
 * (Grafana 11 to 13; the routes Grafana's provisioning API documentation lists, also kept by 13):
 *
 * - `GET /api/v1/provisioning/contact-points` lists every integration (`EmbeddedContactPoint`:
 *   `uid`, `name`, `type`, `settings`, `disableResolveMessage`, `provenance`); `POST` creates one
 *   (the uid may be chosen: up to 40 letters, digits, `-` and `_`), `PUT …/{uid}` updates it and
 *   `DELETE …/{uid}` removes it, all answering 202. A contact point is every integration of one
 *   `name`, and routes name it as their `receiver`.
 * - `GET /api/v1/provisioning/policies` returns the whole tree (`Route`, with the tree's
 *   `provenance`); `PUT` replaces the whole tree (202) after checking that every receiver exists.
 *
 * POST and PUT take `X-Disable-Provenance` (provenance.ts). Every request goes through a transport,
 * so the app sends it with Grafana's backend service and the command line with `fetch` and a token.
 */
import type { ApiResult } from '../backend';
import { GrafanaContactPoint, GrafanaRoute } from '../../domain/escalation';
import { writeHeaders } from './provenance';

export interface AlertingRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  data?: unknown;
  headers?: Record<string, string>;
}

/** Sends one request to Grafana; every outcome is a value. */
export type AlertingTransport = <T>(request: AlertingRequest) => Promise<ApiResult<T>>;

/** A contact point integration as Grafana lists it: any type, with its provenance. */
export interface ProvisionedContactPoint {
  uid: string;
  name: string;
  type: string;
  settings: Record<string, unknown>;
  disableResolveMessage?: boolean;
  /** `api` or `file` when provisioned; absent or empty when editable in the UI. */
  provenance?: string;
}

export const CONTACT_POINTS_URL = '/api/v1/provisioning/contact-points';
export const POLICIES_URL = '/api/v1/provisioning/policies';

export function contactPointUrl(uid: string): string {
  return `${CONTACT_POINTS_URL}/${encodeURIComponent(uid)}`;
}

/** The calls the escalation push makes, over `transport`. */
export function notificationApi(transport: AlertingTransport) {
  return {
    listContactPoints: () => transport<ProvisionedContactPoint[]>({ method: 'GET', url: CONTACT_POINTS_URL }),
    createContactPoint: (point: GrafanaContactPoint, editable: boolean) =>
      transport<ProvisionedContactPoint>({
        method: 'POST',
        url: CONTACT_POINTS_URL,
        data: point,
        headers: writeHeaders(editable),
      }),
    updateContactPoint: (point: GrafanaContactPoint, editable: boolean) =>
      transport<unknown>({
        method: 'PUT',
        url: contactPointUrl(point.uid),
        data: point,
        headers: writeHeaders(editable),
      }),
    deleteContactPoint: (uid: string) => transport<unknown>({ method: 'DELETE', url: contactPointUrl(uid) }),
    getPolicyTree: () => transport<GrafanaRoute>({ method: 'GET', url: POLICIES_URL }),
    putPolicyTree: (tree: GrafanaRoute, editable: boolean) =>
      transport<unknown>({ method: 'PUT', url: POLICIES_URL, data: tree, headers: writeHeaders(editable) }),
  };
}

export type NotificationApi = ReturnType<typeof notificationApi>;

/** Whether a resource is provisioned (locked in the UI): Grafana leaves `provenance` empty otherwise. */
export function isProvisioned(provenance: string | undefined): boolean {
  return provenance !== undefined && provenance !== '' && provenance !== 'none';
}
