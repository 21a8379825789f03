/**
 * Writes a set of registry documents as one change: every document is read first and its version
 * compared with the one the user started from, then each is saved with that version (Grafana
 * answers 412 when another save got there first). When one write is refused, those already made
 * are put back, each again guarded by its version, so that a refused save leaves nothing behind.
 */
import { REGISTRY_FOLDER } from '../documents/layout';
import { decodeDocument, encodeDocument } from '../documents/dashboardCodec';
import { RegistryPayload } from '../documents/payloads';
import { GrafanaApi } from '../grafana/api';
import { ApiFailure } from '../grafana/types';

export interface DocumentWrite {
  uid: string;
  kind: RegistryPayload['kind'];
  /** The version the user's registry was read at; undefined for a document the user creates. */
  baseVersion?: number;
  /** Whether a stored document may be written over although the user did not know it (a deleted service's). */
  replaceable?(current: RegistryPayload): boolean;
  /** The payload to store, given the stored one (to carry its change records on) and the version it will get. */
  build(current: RegistryPayload | undefined, nextVersion: number): RegistryPayload;
  /** What the save message in Grafana's version history says. */
  message: string;
}

export interface WrittenDocument {
  uid: string;
  version: number;
  payload: RegistryPayload;
}

/** A document that changed since the user read it. */
export interface StaleDocument {
  uid: string;
  /** Its stored payload, undefined when it no longer decodes or exists. */
  current?: RegistryPayload;
  updatedBy?: string;
  updatedAt?: string;
  version?: number;
}

export type WriteOutcome =
  | { ok: true; written: WrittenDocument[] }
  | { ok: false; kind: 'conflict'; stale: StaleDocument; rolledBack: RollbackReport }
  | {
      ok: false;
      kind: 'forbidden' | 'error' | 'provisioned';
      failure: ApiFailure;
      uid: string;
      rolledBack: RollbackReport;
    };

/** Which documents a failed save changed and could not put back (empty when nothing is left). */
export interface RollbackReport {
  left: string[];
}

interface ReadDocument {
  uid: string;
  version?: number;
  payload?: RegistryPayload;
  updatedBy?: string;
  updatedAt?: string;
  provisioned?: string;
}

/**
 * Reads, checks and writes `writes` in order; see the file comment. `onProgress` hears of each
 * request done, out of two per document.
 */
export async function writeDocuments(
  api: GrafanaApi,
  writes: DocumentWrite[],
  onProgress?: (done: number, total: number) => void
): Promise<WriteOutcome> {
  const total = writes.length * 2;
  const current: ReadDocument[] = [];
  for (const write of writes) {
    onProgress?.(current.length, total);
    const read = await readDocument(api, write);
    if ('failure' in read) {
      return {
        ok: false,
        kind: failureKind(read.failure),
        failure: read.failure,
        uid: write.uid,
        rolledBack: { left: [] },
      };
    }
    if (read.provisioned !== undefined) {
      const failure = { ok: false as const, status: 400, message: `provisioned from ${read.provisioned}` };
      return { ok: false, kind: 'provisioned', failure, uid: write.uid, rolledBack: { left: [] } };
    }
    if (!matchesBase(write, read)) {
      return { ok: false, kind: 'conflict', stale: staleOf(read), rolledBack: { left: [] } };
    }
    current.push(read);
  }

  const written: Array<WrittenDocument & { before: ReadDocument; write: DocumentWrite }> = [];
  for (const [i, write] of writes.entries()) {
    const before = current[i];
    const nextVersion = (before.version ?? 0) + 1;
    const payload = write.build(before.payload, nextVersion);
    const saved = await api.saveDashboard({
      dashboard: encodeDocument(write.uid, payload, before.version),
      folderUid: REGISTRY_FOLDER.uid,
      overwrite: false,
      message: write.message,
    });
    if (!saved.ok) {
      const rolledBack = await rollBack(api, written);
      if (saved.status === 412) {
        const again = await readDocument(api, write);
        return {
          ok: false,
          kind: 'conflict',
          stale: 'failure' in again ? { uid: write.uid } : staleOf(again),
          rolledBack,
        };
      }
      return { ok: false, kind: failureKind(saved), failure: saved, uid: write.uid, rolledBack };
    }
    written.push({ uid: write.uid, version: saved.value.version, payload, before, write });
    onProgress?.(writes.length + written.length, total);
  }
  return { ok: true, written: written.map(({ uid, version, payload }) => ({ uid, version, payload })) };
}

function failureKind(failure: ApiFailure): 'forbidden' | 'error' {
  return failure.status === 401 || failure.status === 403 ? 'forbidden' : 'error';
}

function matchesBase(write: DocumentWrite, read: ReadDocument): boolean {
  if (write.baseVersion !== undefined) {
    return read.version === write.baseVersion;
  }
  return read.version === undefined || (read.payload !== undefined && write.replaceable?.(read.payload) === true);
}

function staleOf(read: ReadDocument): StaleDocument {
  return {
    uid: read.uid,
    current: read.payload,
    updatedBy: read.updatedBy,
    updatedAt: read.updatedAt,
    version: read.version,
  };
}

async function readDocument(
  api: GrafanaApi,
  write: Pick<DocumentWrite, 'uid' | 'kind' | 'baseVersion'>
): Promise<ReadDocument | { failure: ApiFailure }> {
  if (write.baseVersion === undefined) {
    // A document the user creates usually does not exist: ask search first, which answers an empty
    // list where reading it would answer 404 (and leave an error in the browser's console).
    const found = await api.search({ dashboardUIDs: write.uid, type: 'dash-db', limit: 1 });
    if (found.ok && !found.value.some((hit) => hit.uid === write.uid)) {
      return { uid: write.uid };
    }
  }
  const answer = await api.getDashboard(write.uid);
  if (!answer.ok) {
    return answer.status === 404 ? { uid: write.uid } : { failure: answer };
  }
  const { dashboard, meta } = answer.value;
  const decoded = decodeDocument(dashboard, write.kind);
  const last = decoded.ok && 'changes' in decoded.payload ? decoded.payload.changes.at(-1) : undefined;
  return {
    uid: write.uid,
    version: meta.version ?? dashboard.version,
    payload: decoded.ok ? decoded.payload : undefined,
    updatedBy: last?.by ?? meta.updatedBy,
    updatedAt: last?.at ?? meta.updated,
    provisioned: meta.provisioned ? (meta.provisionedExternalId ?? write.uid) : undefined,
  };
}

/**
 * Puts back what a refused save had written, newest first, each write guarded by the version this
 * save produced: a document someone changed in the meantime is left alone and reported.
 */
async function rollBack(
  api: GrafanaApi,
  written: Array<WrittenDocument & { before: ReadDocument; write: DocumentWrite }>
): Promise<RollbackReport> {
  const left: string[] = [];
  for (const entry of [...written].reverse()) {
    const payload = entry.before.payload ?? undone(entry.payload);
    const answer = await api.saveDashboard({
      dashboard: encodeDocument(entry.uid, payload, entry.version),
      folderUid: REGISTRY_FOLDER.uid,
      overwrite: false,
      message: `Put back: the save "${entry.write.message}" was refused`,
    });
    if (!answer.ok) {
      left.push(entry.uid);
    }
  }
  return { left };
}

/** What a document that did not exist before reads as once a refused save is undone. */
function undone(payload: RegistryPayload): RegistryPayload {
  switch (payload.kind) {
    case 'service':
      return { ...payload, deleted: true };
    case 'people':
      return { ...payload, people: [] };
    case 'index':
      return { ...payload, services: [], people: { version: 0, people: [] } };
  }
}
