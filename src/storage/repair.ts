/**
 * Checks the index against the documents it repeats and brings it up to date. The index can lag
 * behind when a save stopped between writing a service's document and the index (a closed tab, a
 * lost connection); the documents are the source of truth, so the index is rebuilt from them.
 */
import { decodeDocument, encodeDocument } from './documents/dashboardCodec';
import { INDEX_UID, PEOPLE_UID, REGISTRY_FOLDER, SERVICE_TAG } from './documents/layout';
import { emptyIndex, IndexPayload } from './documents/payloads';
import { GrafanaApi } from './grafana/api';
import { loadFailedMessage } from './messages';
import { WrittenDocument } from './save/documentWrites';
import { applyWrites } from './save/indexUpdate';

export interface StorageReport {
  /** Documents read. */
  checked: number;
  /** Index entries brought up to date, added or removed, e.g. `service checkout (v3 → v4)`. */
  repaired: string[];
  /** Documents that could not be read, with the reason. */
  problems: string[];
}

export type StorageCheckResult = { ok: true; report: StorageReport } | { ok: false; message: string };

/** Grafana's largest search page. */
const PAGE = 5000;

/** Reads every registry document and rewrites the index where it differs; see the file comment. */
export async function checkStorage(
  api: GrafanaApi,
  login: string,
  now: () => Date = () => new Date()
): Promise<StorageCheckResult> {
  const uids: string[] = [];
  for (let page = 1; ; page++) {
    const hits = await api.search({
      folderUIDs: REGISTRY_FOLDER.uid,
      type: 'dash-db',
      tag: SERVICE_TAG,
      limit: PAGE,
      page,
    });
    if (!hits.ok) {
      return { ok: false, message: loadFailedMessage(hits.status, hits.message) };
    }
    uids.push(...hits.value.map((hit) => hit.uid));
    if (hits.value.length < PAGE) {
      break;
    }
  }
  const index = await api.getDashboard(INDEX_UID);
  if (!index.ok && index.status !== 404) {
    return { ok: false, message: loadFailedMessage(index.status, index.message) };
  }
  const decodedIndex = index.ok ? decodeDocument(index.value.dashboard, 'index') : undefined;
  const stored: IndexPayload = decodedIndex?.ok ? decodedIndex.payload : emptyIndex();
  const problems: string[] = decodedIndex && !decodedIndex.ok ? [decodedIndex.message] : [];

  const documents: WrittenDocument[] = [];
  for (const [uid, kind] of [[PEOPLE_UID, 'people'] as const, ...uids.map((uid) => [uid, 'service'] as const)]) {
    const answer = await api.getDashboard(uid);
    if (!answer.ok) {
      if (answer.status !== 404) {
        problems.push(`${uid}: ${answer.message}`);
      }
      continue;
    }
    const decoded = decodeDocument(answer.value.dashboard, kind);
    if (decoded.ok) {
      documents.push({ uid, version: answer.value.meta.version, payload: decoded.payload });
    } else {
      problems.push(decoded.message);
    }
  }

  const live = new Set(
    documents.flatMap((d) => (d.payload.kind === 'service' && !d.payload.deleted ? [d.payload.service.id] : []))
  );
  const unreadable = problems.length > 0;
  // An entry whose document is gone (deleted in Grafana) leaves the index, unless a document could not be read.
  const kept = unreadable ? stored.services : stored.services.filter((entry) => live.has(entry.service.id));
  const rebuilt = applyWrites({ ...stored, services: kept }, documents, { at: now().toISOString(), by: login });
  const repaired = describeRepairs(stored, rebuilt);
  if (repaired.length > 0) {
    const saved = await api.saveDashboard({
      dashboard: encodeDocument(INDEX_UID, rebuilt, index.ok ? index.value.meta.version : undefined),
      folderUid: REGISTRY_FOLDER.uid,
      overwrite: false,
      message: `Index rebuilt from the documents: ${repaired.join(', ')}`,
    });
    if (!saved.ok) {
      const reason = saved.status === 412 ? 'someone saved meanwhile; check again' : saved.message;
      return { ok: false, message: `The index was not rebuilt: ${reason}.` };
    }
  }
  return { ok: true, report: { checked: documents.length, repaired, problems } };
}

function describeRepairs(before: IndexPayload, after: IndexPayload): string[] {
  const old = new Map(before.services.map((entry) => [entry.service.id, entry.version]));
  const now = new Map(after.services.map((entry) => [entry.service.id, entry.version]));
  const lines = [...now].flatMap(([id, version]) => {
    const was = old.get(id);
    return was === version
      ? []
      : [was === undefined ? `service ${id} added (v${version})` : `service ${id} (v${was} → v${version})`];
  });
  lines.push(...[...old.keys()].filter((id) => !now.has(id)).map((id) => `service ${id} removed`));
  if (before.people.version !== after.people.version) {
    lines.push(`people (v${before.people.version} → v${after.people.version})`);
  }
  return lines;
}
