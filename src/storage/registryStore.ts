/**
 * Loading and saving the registry: documents in a Grafana folder the app manages (see
 * `documents/layout.ts` and the README's "Storage"), the app's settings in the plugin settings.
 * Every outcome is a value: nothing here throws for a failed request or a conflict.
 */
import { AppSettings } from '../domain/model';
import { emptyRegistry } from '../domain/registry';
import { canCreateFolders, canWriteSettings, RegistryUser } from './access';
import { readAppSettings } from './appSettings';
import { assembleRegistry } from './documents/assemble';
import { decodeIndexStages } from './documents/dashboardCodec';
import { IndexHead } from './documents/indexHead';
import { emptyIndex } from './documents/payloads';
import { INDEX_UID, REGISTRY_FOLDER, REGISTRY_TAG } from './documents/layout';
import { GrafanaApi } from './grafana/api';
import {
  legacyIgnoredMessage,
  legacyPendingMessage,
  loadFailedMessage,
  indexRebuiltMessage,
  provisionedMessage,
  readOnlyMessage,
} from './messages';
import { migrateLegacyRegistry, MigrationProgress } from './migration';
import { checkStorage } from './repair';
import { readStoredRegistry, REGISTRY_KEY } from './storedRegistry';
import { LoadResult, RegistryAccess, RegistryPreview, StorageNotice } from './types';

export interface LoadOptions {
  now?: () => Date;
  onProgress?: (progress: MigrationProgress) => void;
  /**
   * Hears the head of a large index before the whole is decoded; the whole waits for the promise
   * it returns (e.g. until the preview is on screen).
   */
  onPreview?: (preview: RegistryPreview) => Promise<void> | void;
}

/**
 * Reads the registry: the plugin settings, the folder and the index in parallel. A registry still
 * in the plugin settings (`jsonData.registry`) is moved into the folder when the user may do it
 * (an admin), and shown read-only otherwise.
 */
export async function loadRegistry(
  api: GrafanaApi,
  user: RegistryUser | undefined,
  options: LoadOptions = {}
): Promise<LoadResult> {
  const [settings, folder, index] = await Promise.all([
    api.getSettings(),
    api.getFolder(REGISTRY_FOLDER.uid),
    api.getDashboard(INDEX_UID),
  ]);
  if (!settings.ok) {
    return {
      ok: false,
      kind: 'error',
      status: settings.status,
      message: loadFailedMessage(settings.status, settings.message),
    };
  }
  const row = settings.value;
  const appSettings = readAppSettings(row.jsonData);
  const legacy = readStoredRegistry(row.jsonData);
  const hasLegacy = row.jsonData?.[REGISTRY_KEY] !== undefined && row.jsonData?.[REGISTRY_KEY] !== null;
  const settingsAccess = canWriteSettings(user);

  if (index.ok) {
    const meta = index.value.meta;
    const version = meta.version ?? index.value.dashboard.version;
    const provisionedFrom = meta.provisioned ? (meta.provisionedExternalId ?? INDEX_UID) : undefined;
    const access: RegistryAccess = provisionedFrom
      ? {
          canWrite: false,
          reason: provisionedMessage(provisionedFrom),
          canWriteSettings: settingsAccess,
          provisionedFrom,
        }
      : {
          canWrite: meta.canSave,
          reason: meta.canSave ? undefined : readOnlyMessage(),
          canWriteSettings: settingsAccess,
        };
    const stages = decodeIndexStages(index.value.dashboard);
    const { onPreview } = options;
    const head = onPreview && (await stages.head());
    if (head) {
      await onPreview(previewOf(head, version, appSettings, access));
    }
    const decoded = await stages.whole();
    if (!decoded.ok) {
      return { ok: false, kind: 'error', message: loadFailedMessage(200, decoded.message) };
    }
    const { doc, versions } = assembleRegistry(decoded.payload, version, appSettings);
    const notices: StorageNotice[] =
      hasLegacy && settingsAccess ? [{ kind: 'legacyIgnored', message: legacyIgnoredMessage() }] : [];
    return { ok: true, doc, versions, settingsRow: row, access, notices };
  }
  if (index.status !== 404) {
    return { ok: false, kind: 'error', status: index.status, message: loadFailedMessage(index.status, index.message) };
  }
  if (!folder.ok && folder.status !== 404) {
    return {
      ok: false,
      kind: 'error',
      status: folder.status,
      message: loadFailedMessage(folder.status, folder.message),
    };
  }
  const canWrite = folder.ok ? folder.value.canSave : canCreateFolders(user);
  if (hasLegacy) {
    if (!legacy.ok) {
      return { ok: false, kind: 'error', message: loadFailedMessage(200, legacy.message) };
    }
    if (settingsAccess && canWrite && user) {
      const moved = await migrateLegacyRegistry(api, row, legacy.doc, user, options);
      if (moved.ok) {
        const reloaded = await loadRegistry(api, user, options);
        return reloaded.ok ? { ...reloaded, notices: [{ kind: 'migrated', message: moved.message }] } : reloaded;
      }
      if (!moved.edited) {
        return { ok: false, kind: 'error', message: moved.message };
      }
      // The folder holds documents edited since an earlier move (its index was deleted): they win.
      return rebuildThenLoad(api, user, options, moved.message);
    }
    return {
      ok: true,
      doc: { ...legacy.doc, settings: appSettings },
      versions: { services: {} },
      settingsRow: row,
      access: { canWrite: false, reason: legacyPendingMessage(), canWriteSettings: false },
      notices: [{ kind: 'legacyPending', message: legacyPendingMessage() }],
    };
  }
  if (folder.ok && canWrite && user) {
    // Documents without an index (deleted in Grafana, or a save cut off on the very first write):
    // the index is derived from them, so rebuild it rather than show an empty registry.
    const found = await api.search({ folderUIDs: REGISTRY_FOLDER.uid, type: 'dash-db', tag: REGISTRY_TAG, limit: 1 });
    if (found.ok && found.value.length > 0) {
      return rebuildThenLoad(api, user, options);
    }
  }
  return {
    ok: true,
    doc: { ...emptyRegistry(), settings: appSettings },
    versions: { services: {} },
    settingsRow: row,
    access: { canWrite, reason: canWrite ? undefined : readOnlyMessage(), canWriteSettings: settingsAccess },
    notices: [],
  };
}

export { saveRegistry } from './save/saveRegistry';
export type { SaveOptions, SaveResult } from './save/saveRegistry';
export type {
  LoadedRegistry,
  LoadResult,
  RegistryAccess,
  RegistryConflict,
  RegistryFailure,
  StorageNotice,
} from './types';

function previewOf(head: IndexHead, version: number, settings: AppSettings, access: RegistryAccess): RegistryPreview {
  const { doc } = assembleRegistry(
    { ...emptyIndex(), people: { version: 0, people: head.people }, services: head.first },
    version,
    settings
  );
  return { doc, serviceNames: head.names, access };
}

/** Rebuilds the index from the folder's documents, then loads the registry, saying what was done. */
async function rebuildThenLoad(
  api: GrafanaApi,
  user: RegistryUser,
  options: LoadOptions,
  why?: string
): Promise<LoadResult> {
  const rebuilt = await checkStorage(api, user.login, options.now);
  if (!rebuilt.ok) {
    return { ok: false, kind: 'error', message: rebuilt.message };
  }
  const reloaded = await loadRegistry(api, user, options);
  if (!reloaded.ok) {
    return reloaded;
  }
  const message = [why, indexRebuiltMessage(rebuilt.report.checked)].filter(Boolean).join(' ');
  return { ...reloaded, notices: [...reloaded.notices, { kind: 'rebuilt', message }] };
}
