/**
 * Brings the index up to date with documents a save has just written. The index only repeats the
 * service and people documents, so a write that loses a race on it is not a conflict: it reads
 * the index again and applies the same entries, which never replace a newer copy.
 */
import { INDEX_UID, REGISTRY_FOLDER } from '../documents/layout';
import { decodeDocument, encodeDocument } from '../documents/dashboardCodec';
import { emptyIndex, IndexPayload } from '../documents/payloads';
import { GrafanaApi } from '../grafana/api';
import { ApiFailure } from '../grafana/types';
import { WrittenDocument } from './documentWrites';

/**
 * Attempts before giving up on a busy index; each lost race means another save got through, so
 * under N saves at once the last one needs up to N attempts. Measured over HTTP with 50 clients
 * saving different services at once: 12 attempts with short waits left 15 of them behind.
 */
const MAX_ATTEMPTS = 60;
/** The longest wait between two attempts; waits grow from a few milliseconds up to this. */
const MAX_WAIT_MS = 1000;

export type IndexOutcome =
  { ok: true; index: IndexPayload; version: number } | { ok: false; message: string; failure?: ApiFailure };

/** Applies `written` to the stored index; see the file comment. */
export async function updateIndex(
  api: GrafanaApi,
  written: WrittenDocument[],
  stamp: { at: string; by: string }
): Promise<IndexOutcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const answer = await api.getDashboard(INDEX_UID);
    if (!answer.ok && answer.status !== 404) {
      return { ok: false, message: answer.message, failure: answer };
    }
    let stored = emptyIndex();
    let version: number | undefined;
    if (answer.ok) {
      const decoded = decodeDocument(answer.value.dashboard, 'index');
      if (!decoded.ok) {
        return { ok: false, message: decoded.message };
      }
      stored = decoded.payload;
      version = answer.value.meta.version ?? answer.value.dashboard.version;
    }
    const index = applyWrites(stored, written, stamp);
    const saved = await api.saveDashboard({
      dashboard: encodeDocument(INDEX_UID, index, version),
      folderUid: REGISTRY_FOLDER.uid,
      overwrite: false,
      message: `Index: ${written.length} document${written.length === 1 ? '' : 's'} updated`,
    });
    if (saved.ok) {
      return { ok: true, index, version: saved.value.version };
    }
    if (saved.status !== 412) {
      return { ok: false, message: saved.message, failure: saved };
    }
    // Someone else updated the index in between: wait a random time that grows with each lost
    // race (so that writers who collided spread out) and merge again.
    const ceiling = Math.min(MAX_WAIT_MS, 10 * 2 ** Math.min(attempt, 10));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  }
  return { ok: false, message: `the index stayed busy for ${MAX_ATTEMPTS} attempts` };
}

/**
 * The index with `written` applied: a service entry is replaced only by a newer document version
 * (a slower save never puts an older copy back), a deleted service leaves the index, a new one is
 * appended. Pure.
 */
export function applyWrites(
  stored: IndexPayload,
  written: WrittenDocument[],
  stamp: { at: string; by: string }
): IndexPayload {
  let services = [...stored.services];
  let people = stored.people;
  const removed = { ...stored.removed };
  for (const { payload, version } of written) {
    if (payload.kind === 'people') {
      people = version > people.version ? { version, people: payload.people } : people;
      continue;
    }
    if (payload.kind !== 'service') {
      continue;
    }
    const id = payload.service.id;
    const at = services.findIndex((entry) => entry.service.id === id);
    if ((at >= 0 && services[at].version >= version) || (removed[id] ?? 0) >= version) {
      continue;
    }
    if (payload.deleted) {
      services = services.filter((entry) => entry.service.id !== id);
      removed[id] = version;
    } else if (at >= 0) {
      services[at] = { version, service: payload.service, slos: payload.slos };
    } else {
      services.push({ version, service: payload.service, slos: payload.slos });
    }
  }
  return { ...stored, people, services, removed, updatedAt: stamp.at, updatedBy: stamp.by };
}
