/** How big a registry document is: as Grafana answers it, as its database column holds it, gzipped. */
import { gzipSync } from 'node:zlib';
import { RegistryDocument } from '../../src/domain/model';
import { splitByService } from '../../src/storage/documents/assemble';
import { decodeDocument, encodeDocument } from '../../src/storage/documents/dashboardCodec';
import { DOCUMENT_FORMAT, INDEX_UID } from '../../src/storage/documents/layout';
import { IndexPayload } from '../../src/storage/documents/payloads';

export interface DocumentSize {
  uid: string;
  /** The body of `GET /api/dashboards/uid/:uid` (dashboard and meta), what the app downloads. */
  answerBytes: number;
  /** The answer gzipped at zlib's default level: what it would weigh with `[server] enable_gzip = true`. */
  answerGzipBytes: number;
  /** The dashboard JSON as Grafana's Go encoder writes it to `dashboard.data` (MEDIUMTEXT on MySQL: 16 MiB). */
  storedBytes: number;
  /** The registry payload alone as compact JSON, before it is put into the text panel as a string. */
  payloadBytes: number;
}

/** MySQL's MEDIUMTEXT, the type of `dashboard.data` there. */
export const MEDIUMTEXT_BYTES = 16_777_215;

/** Go's `json.Marshal` writes `<`, `>`, `&` as `\u003c`… (6 bytes for 1) and U+2028/U+2029 as `\u2028` (6 for 3). */
export function goJsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  const htmlEscapes = json.match(/[<>&]/g)?.length ?? 0;
  const separators = json.match(/[\u2028\u2029]/g)?.length ?? 0;
  return Buffer.byteLength(json, 'utf8') + 5 * htmlEscapes + 3 * separators;
}

export async function documentSize(baseURL: string, token: string, uid: string): Promise<DocumentSize> {
  const answer = await fetch(`${baseURL}/api/dashboards/uid/${encodeURIComponent(uid)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = Buffer.from(await answer.arrayBuffer());
  if (!answer.ok) {
    throw new Error(`${uid}: HTTP ${answer.status} ${body.toString('utf8').slice(0, 200)}`);
  }
  const { dashboard } = JSON.parse(body.toString('utf8')) as { dashboard: unknown };
  const decoded = decodeDocument(dashboard, uid === INDEX_UID ? 'index' : 'service');
  if (!decoded.ok) {
    throw new Error(decoded.message);
  }
  return {
    uid,
    answerBytes: body.length,
    answerGzipBytes: gzipSync(body).length,
    storedBytes: goJsonBytes(dashboard),
    payloadBytes: Buffer.byteLength(JSON.stringify(decoded.payload)),
  };
}

/** The stored size of the index dashboard `doc` would have (every document at version 1), without a server. */
export function indexStoredBytes(doc: RegistryDocument): number {
  const index: IndexPayload = {
    format: DOCUMENT_FORMAT,
    kind: 'index',
    people: { version: 1, people: doc.people },
    services: [...splitByService(doc).values()].map((part) => ({ version: 1, ...part })),
    removed: {},
    updatedAt: new Date(0).toISOString(),
    updatedBy: 'bench',
  };
  return goJsonBytes(encodeDocument(INDEX_UID, index, 1));
}
