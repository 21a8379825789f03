/**
 * A service's history and restoring an earlier version. The change records in the service's
 * document say who changed what and when, for as many changes as it keeps; Grafana keeps the
 * content of the last `versions_to_keep` versions (20 by default), which is what a restore reads.
 */
import { RegistryDocument } from '../domain/model';
import { newProblems } from '../domain/registryView/edits';
import { decodeDocument } from './documents/dashboardCodec';
import { serviceUid } from './documents/layout';
import { ChangeRecord } from './documents/payloads';
import { GrafanaApi } from './grafana/api';
import { loadFailedMessage, readOnlyMessage } from './messages';
import { partRegistry, saveRegistry, SaveOptions, SaveResult } from './save/saveRegistry';
import { LoadedRegistry } from './types';

export interface HistoryEntry extends ChangeRecord {
  /** Whether Grafana still keeps this version's content, so that it can be restored. */
  restorable: boolean;
}

export type HistoryResult = { ok: true; entries: HistoryEntry[]; version: number } | { ok: false; message: string };

/**
 * The service's changes, newest first. Grafana lets only users who may edit a dashboard list its
 * versions, so for others (`canRestore` false) nothing is restorable and versions are not asked for.
 */
export async function loadServiceHistory(
  api: GrafanaApi,
  serviceId: string,
  canRestore = true
): Promise<HistoryResult> {
  const uid = serviceUid(serviceId);
  const noVersions = Promise.resolve({ ok: true as const, value: [] as Array<{ version: number }> });
  const [document, versions] = await Promise.all([
    api.getDashboard(uid),
    canRestore ? api.getVersions(uid) : noVersions,
  ]);
  if (!document.ok) {
    return document.status === 404
      ? { ok: true, entries: [], version: 0 }
      : { ok: false, message: loadFailedMessage(document.status, document.message) };
  }
  const decoded = decodeDocument(document.value.dashboard, 'service');
  if (!decoded.ok) {
    return { ok: false, message: decoded.message };
  }
  const kept = new Set(versions.ok ? versions.value.map((version) => version.version) : []);
  const current = document.value.meta.version;
  const entries = [...decoded.payload.changes]
    .reverse()
    .map((change) => ({ ...change, restorable: kept.has(change.version) && change.version !== current }));
  return { ok: true, entries, version: current };
}

export type RestoreResult = SaveResult | { ok: false; kind: 'invalid'; message: string };

/**
 * Saves the service's values of `version` as a new version (its SLOs included), after checking
 * that the registry stays valid with them (an owner who was deleted since, say).
 */
export async function restoreServiceVersion(
  base: LoadedRegistry,
  serviceId: string,
  version: number,
  options: SaveOptions
): Promise<RestoreResult> {
  if (!base.access.canWrite) {
    return { ok: false, kind: 'forbidden', message: base.access.reason ?? readOnlyMessage() };
  }
  const answer = await options.api.getVersion(serviceUid(serviceId), version);
  if (!answer.ok) {
    return {
      ok: false,
      kind: 'error',
      status: answer.status,
      message: loadFailedMessage(answer.status, answer.message),
    };
  }
  const decoded = decodeDocument({ uid: serviceUid(serviceId), ...answer.value.data }, 'service');
  if (!decoded.ok) {
    return { ok: false, kind: 'error', message: decoded.message };
  }
  const old = decoded.payload;
  const next = withService(base.doc, serviceId, partRegistry({ service: old.service, slos: old.slos }));
  // The validators bring the query parsers with them: loaded when a restore needs them, not with every page.
  const { validateRegistry } = await import('../domain/validation/registry');
  const broken = newProblems(validateRegistry(base.doc), validateRegistry(next));
  if (broken.length > 0) {
    const list = broken.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
    return { ok: false, kind: 'invalid', message: `Version ${version} cannot be restored as it is: ${list}` };
  }
  return saveRegistry(base, next, { ...options, restoredFrom: version });
}

function withService(doc: RegistryDocument, serviceId: string, part: RegistryDocument): RegistryDocument {
  const at = doc.services.findIndex((service) => service.id === serviceId);
  const services = doc.services.filter((service) => service.id !== serviceId);
  services.splice(at < 0 ? services.length : at, 0, ...part.services);
  return { ...doc, services, slos: [...doc.slos.filter((slo) => slo.serviceId !== serviceId), ...part.slos] };
}
