/**
 * Where the registry sits inside the app's `jsonData`, and how a stored value becomes a current
 * `RegistryDocument`. Pure: no HTTP here.
 */
import { RegistryDocument, SCHEMA_VERSION } from '../domain/model';
import { defaultSettings, emptyRegistry } from '../domain/registry';

/** `jsonData` key holding the registry document. */
export const REGISTRY_KEY = 'registry';
/**
 * `jsonData` key holding the id of the save that wrote the registry. Kept outside the document so
 * exports stay clean; a save reads it back to find out whether another save replaced its own.
 */
export const WRITE_ID_KEY = 'registryWriteId';

export type StoredRegistry = { ok: true; doc: RegistryDocument; writeId?: string } | { ok: false; message: string };

/**
 * Reads the registry from the app's `jsonData`. A missing registry (a new installation) reads as
 * `emptyRegistry()`; missing lists and settings get their defaults. A document written by a newer
 * version of the app, or one that is not an object, is refused rather than guessed at, so that a
 * later save cannot drop data this version does not understand.
 */
export function readStoredRegistry(jsonData: Record<string, unknown> | null | undefined): StoredRegistry {
  const raw = jsonData?.[REGISTRY_KEY];
  const writeId = typeof jsonData?.[WRITE_ID_KEY] === 'string' ? (jsonData[WRITE_ID_KEY] as string) : undefined;
  if (raw === undefined || raw === null) {
    return { ok: true, doc: emptyRegistry(), writeId };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, message: `jsonData.${REGISTRY_KEY} is not an object` };
  }
  const stored = raw as Partial<RegistryDocument>;
  const version = typeof stored.schemaVersion === 'number' ? stored.schemaVersion : SCHEMA_VERSION;
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      message: `the registry was saved by a newer version of the app (schema ${version}; this version reads up to ${SCHEMA_VERSION})`,
    };
  }
  return { ok: true, doc: migrate(stored), writeId };
}

/** Fills what older or hand-written documents may lack; schema 1 is the first version. */
function migrate(stored: Partial<RegistryDocument>): RegistryDocument {
  const empty = emptyRegistry();
  return {
    ...empty,
    ...stored,
    schemaVersion: SCHEMA_VERSION,
    revision: typeof stored.revision === 'number' ? stored.revision : 0,
    settings: { ...defaultSettings(), ...stored.settings },
    people: Array.isArray(stored.people) ? stored.people : [],
    services: Array.isArray(stored.services) ? stored.services : [],
    slos: Array.isArray(stored.slos) ? stored.slos : [],
  };
}
