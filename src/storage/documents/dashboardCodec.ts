/**
 * A registry document as a Grafana dashboard and back. The payload is the JSON content of a text
 * panel in code mode: panel options are kept as they are through Grafana's dashboard editor and
 * its save (only unknown top-level dashboard fields are at risk there), and whoever opens the
 * dashboard sees the data and a note saying where to change it.
 */
import { PLUGIN_BASE_URL } from '../../constants';
import { compressText, decompressJsonAsync, decompressText, GZIP_BASE64 } from './compression';
import { buildIndexHead, IndexHead, isIndexHead } from './indexHead';
import { DOCUMENT_FORMAT, REGISTRY_TAG, SERVICE_TAG } from './layout';
import { IndexPayload, RegistryPayload } from './payloads';

/** The dashboard JSON fields this app writes and reads. */
export interface RegistryDashboard {
  uid: string;
  title: string;
  tags: string[];
  /** Grafana's optimistic-concurrency version; absent for a new dashboard. */
  version?: number;
  editable: boolean;
  panels: unknown[];
  [key: string]: unknown;
}

export type Decoded<P> = { ok: true; payload: P } | { ok: false; message: string };

/** Titles people see when they browse the folder in Grafana. */
export function titleOf(payload: RegistryPayload): string {
  switch (payload.kind) {
    case 'service':
      return `Service · ${payload.service.name}${payload.deleted ? ' (deleted)' : ''}`;
    case 'people':
      return 'People';
    case 'index':
      return 'Index';
  }
}

function noteOf(payload: RegistryPayload): string {
  const where =
    payload.kind === 'service'
      ? `${PLUGIN_BASE_URL}/services/${payload.service.id}`
      : payload.kind === 'people'
        ? `${PLUGIN_BASE_URL}/people`
        : `${PLUGIN_BASE_URL}/services`;
  const what =
    payload.kind === 'index'
      ? 'a copy of the whole registry (gzipped) that the app reads in one request; the app rewrites it after every save'
      : `the ${payload.kind === 'service' ? 'service and its SLOs' : 'people'} of the Business Owner registry`;
  return [
    `This dashboard stores ${what}.`,
    '',
    `Change it in the app: [Business Owner](${where}). The app checks the version of this dashboard on every save, so an edit made here is not lost, but it is not validated either.`,
  ].join('\n');
}

/**
 * The dashboard for `payload`. Service and people documents are indented so that Grafana's
 * version history shows readable diffs; the index, which repeats them all, is gzipped
 * (./compression.ts), with the head of a large one gzipped on its own (./indexHead.ts).
 */
export function encodeDocument(uid: string, payload: RegistryPayload, version?: number): RegistryDashboard {
  const content = payload.kind === 'index' ? indexContent(payload) : JSON.stringify(payload, null, 2);
  return dataDashboard({
    uid,
    title: titleOf(payload),
    tags: payload.kind === 'service' ? [REGISTRY_TAG, SERVICE_TAG] : [REGISTRY_TAG],
    version,
    note: noteOf(payload),
    dataTitle: 'Registry data',
    content,
  });
}

function indexContent(payload: IndexPayload): string {
  const head = buildIndexHead(payload);
  return JSON.stringify({
    format: DOCUMENT_FORMAT,
    kind: 'index',
    encoding: GZIP_BASE64,
    services: payload.services.length,
    ...(head ? { head: compressText(JSON.stringify(head)) } : {}),
    data: compressText(JSON.stringify(payload)),
  });
}

/**
 * A dashboard the app keeps data in: a markdown note saying what it holds and where to change it,
 * then the data as JSON in a text panel in code mode. Registry documents and kept period reports
 * share it.
 */
export function dataDashboard(parts: {
  uid: string;
  title: string;
  tags: string[];
  /** The version read; absent for a new dashboard. */
  version?: number;
  note: string;
  dataTitle: string;
  content: string;
}): RegistryDashboard {
  const { uid, title, tags, version, note, dataTitle, content } = parts;
  return {
    uid,
    title,
    tags,
    ...(version === undefined ? {} : { version }),
    editable: false,
    schemaVersion: 41,
    time: { from: 'now-6h', to: 'now' },
    panels: [
      {
        id: 1,
        type: 'text',
        title: 'About this dashboard',
        gridPos: { x: 0, y: 0, w: 24, h: 4 },
        options: { mode: 'markdown', content: note },
      },
      {
        id: 2,
        type: 'text',
        title: dataTitle,
        gridPos: { x: 0, y: 4, w: 24, h: 20 },
        options: {
          mode: 'code',
          code: { language: 'json', showLineNumbers: false, showMiniMap: false },
          content,
        },
      },
    ],
  };
}

/**
 * Reads the payload of a registry dashboard: the first panel (rows included) whose content is a
 * JSON object of this format. Anything else is an error value naming the dashboard.
 */
export function decodeDocument<K extends RegistryPayload['kind']>(
  dashboard: unknown,
  kind: K
): Decoded<Extract<RegistryPayload, { kind: K }>> {
  const found = findPayload(dashboard);
  if (!found.ok) {
    return found;
  }
  return checked(found.uid, kind, () => {
    const value = JSON.parse(found.content);
    return isCompressed(value) ? JSON.parse(decompressText(value.data)) : value;
  });
}

/** The index read in two steps: its head, when it has a readable one, and the whole on request. */
export interface IndexStages {
  head(): Promise<IndexHead | undefined>;
  whole(): Promise<Decoded<IndexPayload>>;
}

/**
 * Reads the index dashboard in two steps: its head (undefined when it has none or one that cannot
 * be read: the whole index holds everything it does, and says what is wrong with it if anything
 * is), and the whole index (as {@link decodeDocument} does, or an error value naming the dashboard).
 * Both use the platform's gzip decoder and JSON reader where there are: the index's decoding is most
 * of a list's first render at 5,000 services.
 */
export function decodeIndexStages(dashboard: unknown): IndexStages {
  const found = findPayload(dashboard);
  if (!found.ok) {
    return { head: async () => undefined, whole: async () => found };
  }
  let value: unknown;
  try {
    value = JSON.parse(found.content);
  } catch (error) {
    return { head: async () => undefined, whole: async () => notReadable(found.uid, error) };
  }
  return { head: () => readHead(value), whole: () => decodeParsed(found.uid, value, 'index') };
}

async function readHead(value: unknown): Promise<IndexHead | undefined> {
  if (!isRecord(value) || value.encoding !== GZIP_BASE64 || typeof value.head !== 'string') {
    return undefined;
  }
  try {
    const head = await decompressJsonAsync(value.head);
    return isIndexHead(head) ? head : undefined;
  } catch {
    return undefined;
  }
}

async function decodeParsed<K extends RegistryPayload['kind']>(
  uid: string,
  value: unknown,
  kind: K
): Promise<Decoded<Extract<RegistryPayload, { kind: K }>>> {
  let parsed: unknown;
  try {
    parsed = isCompressed(value) ? await decompressJsonAsync(value.data) : value;
  } catch (error) {
    return notReadable(uid, error);
  }
  return checked(uid, kind, () => parsed);
}

type Found = { ok: true; uid: string; content: string } | { ok: false; message: string };

function findPayload(dashboard: unknown): Found {
  const uid = isRecord(dashboard) && typeof dashboard.uid === 'string' ? dashboard.uid : '(no uid)';
  const panels = isRecord(dashboard) && Array.isArray(dashboard.panels) ? flattenPanels(dashboard.panels) : [];
  for (const panel of panels) {
    const content = isRecord(panel) && isRecord(panel.options) ? panel.options.content : undefined;
    if (typeof content === 'string' && content.includes(DOCUMENT_FORMAT)) {
      return { ok: true, uid, content };
    }
  }
  return { ok: false, message: `dashboard ${uid} holds no registry data (a text panel with ${DOCUMENT_FORMAT} JSON)` };
}

/** `parse()`'s value checked against the document's shape; a parse error is the error value. */
function checked<K extends RegistryPayload['kind']>(
  uid: string,
  kind: K,
  parse: () => unknown
): Decoded<Extract<RegistryPayload, { kind: K }>> {
  let parsed: unknown;
  try {
    parsed = parse();
  } catch (error) {
    return notReadable(uid, error);
  }
  const problem = shapeProblem(parsed, kind);
  return problem
    ? { ok: false, message: `dashboard ${uid}: ${problem}` }
    : { ok: true, payload: parsed as Extract<RegistryPayload, { kind: K }> };
}

function notReadable(uid: string, error: unknown): { ok: false; message: string } {
  return {
    ok: false,
    message: `dashboard ${uid}: the registry data is not valid JSON or gzip (${(error as Error).message})`,
  };
}

/** Whether a parsed content is a compressed payload (./compression.ts). */
function isCompressed(value: unknown): value is { encoding: string; data: string } {
  return isRecord(value) && value.encoding === GZIP_BASE64 && typeof value.data === 'string';
}

function flattenPanels(panels: unknown[]): unknown[] {
  return panels.flatMap((panel) =>
    isRecord(panel) && Array.isArray(panel.panels) ? [panel, ...flattenPanels(panel.panels)] : [panel]
  );
}

const LISTS: Record<RegistryPayload['kind'], string[]> = {
  service: ['slos', 'changes'],
  people: ['people', 'changes'],
  index: ['services'],
};

function shapeProblem(value: unknown, kind: RegistryPayload['kind']): string | undefined {
  if (!isRecord(value) || value.format !== DOCUMENT_FORMAT) {
    return `the registry data is not a ${DOCUMENT_FORMAT} object`;
  }
  if (value.kind !== kind) {
    return `expected ${kind === 'index' ? 'an' : 'a'} ${kind} document, found ${String(value.kind)}`;
  }
  const missing = LISTS[kind].find((key) => !Array.isArray(value[key]));
  if (missing) {
    return `"${missing}" must be a list`;
  }
  if (kind === 'service' && (!isRecord(value.service) || typeof value.service.id !== 'string')) {
    return '"service" must be a service with an id';
  }
  if (kind === 'index' && (!isRecord(value.people) || !Array.isArray(value.people.people))) {
    return '"people.people" must be a list';
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
