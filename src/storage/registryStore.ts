/**
 * Loading and saving the registry through the plugin settings API, with revisions and conflict
 * detection. Every outcome is a value: nothing here throws for a failed request or a conflict.
 */
import { t } from '@grafana/i18n';
import { diffRegistries, RegistryChange, summarizeChanges } from '../domain/diff';
import { RegistryDocument, SCHEMA_VERSION } from '../domain/model';
import { canWriteRegistry, RegistryUser } from './access';
import { SettingsApi } from './settingsApi';
import { readStoredRegistry, REGISTRY_KEY, WRITE_ID_KEY } from './storedRegistry';

/** A registry as it was read, with the id of the save that wrote it. */
export interface LoadedRegistry {
  doc: RegistryDocument;
  writeId?: string;
}

export interface RegistryConflict {
  ok: false;
  kind: 'conflict';
  message: string;
  /** What the other writer changed, compared with the registry the user started from. */
  changes: RegistryChange[];
  /** The registry as it is stored now. */
  latest: RegistryDocument;
  updatedBy?: string;
  updatedAt?: string;
}

export type RegistryFailure =
  RegistryConflict | { ok: false; kind: 'forbidden' | 'error'; message: string; status?: number };
export type LoadResult = ({ ok: true } & LoadedRegistry) | RegistryFailure;
export type SaveResult = { ok: true; doc: RegistryDocument; writeId: string } | RegistryFailure;

export interface SaveOptions {
  api: SettingsApi;
  user: RegistryUser | undefined;
  now?: () => Date;
  newWriteId?: () => string;
}

// The interpolated values are user data shown as React text, which React escapes itself.
const RAW = { interpolation: { escapeValue: false } };

/** Reads the registry from the app's settings; a new installation reads as an empty registry. */
export async function loadRegistry(api: SettingsApi): Promise<LoadResult> {
  const settings = await api.getSettings();
  if (!settings.ok) {
    return requestFailure(settings.status, settings.message, 'load');
  }
  const stored = readStoredRegistry(settings.value.jsonData);
  return stored.ok ? stored : { ok: false, kind: 'error', message: stored.message };
}

/**
 * Saves `next` over the registry the user loaded (`base`). Re-reads first and refuses when another
 * save happened since `base` was read; otherwise writes the next revision in one POST that keeps
 * `enabled`, `pinned` and every other `jsonData` field, then reads it back to check that this
 * save's write id is the one stored. Grafana has no compare-and-swap, so two saves that both read
 * before either wrote are caught by that check (the one that lost is told); a save that reads back
 * before the other one writes cannot be caught.
 */
export async function saveRegistry(
  base: LoadedRegistry,
  next: RegistryDocument,
  options: SaveOptions
): Promise<SaveResult> {
  const { api, user } = options;
  if (!user || !canWriteRegistry(user)) {
    return { ok: false, kind: 'forbidden', message: readOnlyMessage() };
  }
  const current = await api.getSettings();
  if (!current.ok) {
    return requestFailure(current.status, current.message, 'save');
  }
  const stored = readStoredRegistry(current.value.jsonData);
  if (!stored.ok) {
    return { ok: false, kind: 'error', message: stored.message };
  }
  if (stored.doc.revision !== base.doc.revision || stored.writeId !== base.writeId) {
    return conflict(base.doc, stored.doc, 'stale');
  }

  const writeId = (options.newWriteId ?? randomWriteId)();
  const doc: RegistryDocument = {
    ...next,
    schemaVersion: SCHEMA_VERSION,
    revision: stored.doc.revision + 1,
    updatedAt: (options.now ?? (() => new Date()))().toISOString(),
    updatedBy: user.login,
  };
  const { enabled, pinned, jsonData } = current.value;
  const written = await api.updateSettings({
    enabled,
    pinned,
    jsonData: { ...jsonData, [REGISTRY_KEY]: doc, [WRITE_ID_KEY]: writeId },
  });
  if (!written.ok) {
    return requestFailure(written.status, written.message, 'save');
  }
  return verifyWrite(api, base.doc, doc, writeId);
}

async function verifyWrite(
  api: SettingsApi,
  base: RegistryDocument,
  doc: RegistryDocument,
  writeId: string
): Promise<SaveResult> {
  const after = await api.getSettings();
  if (!after.ok) {
    const message = t(
      'bizowner.storage.verifyFailed',
      'The registry was sent, but reading it back failed ({{reason}}). Reload before editing again.',
      { reason: after.message, ...RAW }
    );
    return { ok: false, kind: 'error', message, status: after.status };
  }
  const stored = readStoredRegistry(after.value.jsonData);
  if (stored.ok && stored.writeId === writeId) {
    return { ok: true, doc, writeId };
  }
  return stored.ok ? conflict(base, stored.doc, 'race') : { ok: false, kind: 'error', message: stored.message };
}

function conflict(base: RegistryDocument, latest: RegistryDocument, how: 'stale' | 'race'): RegistryConflict {
  const changes = diffRegistries(base, latest);
  const values = {
    who: latest.updatedBy ?? t('bizowner.storage.someone', 'someone'),
    when: latest.updatedAt ?? t('bizowner.storage.unknownTime', 'an unknown time'),
    revision: latest.revision,
    summary: summarizeChanges(changes),
    ...RAW,
  };
  const message =
    how === 'stale'
      ? t(
          'bizowner.storage.conflictStale',
          '{{who}} saved the registry at {{when}} (revision {{revision}}) after you loaded it: {{summary}}. Nothing was saved; your edits are still here. Reload to see their changes, then apply yours again.',
          values
        )
      : t(
          'bizowner.storage.conflictRace',
          '{{who}} saved the registry at the same moment ({{when}}) and their save replaced yours: {{summary}}. Your edits are still here. Reload to see their changes, then apply yours again.',
          values
        );
  return {
    ok: false,
    kind: 'conflict',
    message,
    changes,
    latest,
    updatedBy: latest.updatedBy,
    updatedAt: latest.updatedAt,
  };
}

function requestFailure(status: number, reason: string, during: 'load' | 'save'): RegistryFailure {
  if (status === 403 && during === 'save') {
    return { ok: false, kind: 'forbidden', status, message: `${readOnlyMessage()} (${reason})` };
  }
  const values = {
    answer: status ? `HTTP ${status}` : t('bizowner.storage.noAnswer', 'no answer from Grafana'),
    reason,
    ...RAW,
  };
  const message =
    during === 'load'
      ? t('bizowner.storage.loadFailed', 'Could not read the registry ({{answer}}): {{reason}}', values)
      : t(
          'bizowner.storage.saveFailed',
          'Saving failed ({{answer}}): {{reason}}. The stored registry was not changed.',
          values
        );
  return { ok: false, kind: 'error', status, message };
}

/** Why a user without `plugins:write` cannot save; shared by the store and the read-only notice. */
export function readOnlyMessage(): string {
  return t(
    'bizowner.storage.readOnly',
    'You can view but not change the registry: saving needs the Admin role (plugins:write). Ask an admin, or export YAML.'
  );
}

function randomWriteId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
