/**
 * Saving an edited registry: only the documents that changed are written, each guarded by the
 * version it was read at, then the index is brought up to date and, for admins, the settings.
 */
import { diffRegistries, RegistryChange, sameValue } from '../../domain/diff';
import { RegistryDocument } from '../../domain/model';
import { emptyRegistry } from '../../domain/registry';
import { canWriteSettings, RegistryUser } from '../access';
import { readAppSettings, SETTINGS_KEY } from '../appSettings';
import { assembleRegistry, ServicePart, splitByService, StoredVersions } from '../documents/assemble';
import { REGISTRY_FOLDER, serviceUid } from '../documents/layout';
import { GrafanaApi } from '../grafana/api';
import { PluginSettingsDto } from '../grafana/types';
import {
  conflictMessage,
  indexWarningMessage,
  readOnlyMessage,
  saveFailedMessage,
  settingsConflictMessage,
  settingsNotSavedMessage,
  settingsReadOnlyMessage,
  someone,
  unknownTime,
} from '../messages';
import { LoadedRegistry, RegistryConflict, RegistryFailure } from '../types';
import { peopleWrite, serviceWrite, Stamp } from './documentBuilders';
import { DocumentWrite, StaleDocument, writeDocuments, WrittenDocument } from './documentWrites';
import { updateIndex } from './indexUpdate';
import { planWrites, summaryOf } from './plan';

export interface SaveOptions {
  api: GrafanaApi;
  user: RegistryUser | undefined;
  now?: () => Date;
  /** Set when the save brings back an earlier version of one service. */
  restoredFrom?: number;
}

export type SaveResult =
  | {
      ok: true;
      doc: RegistryDocument;
      loaded: LoadedRegistry;
      /** Saved, but the index could not be updated: pages may lag until the next save. */
      warning?: string;
    }
  | RegistryFailure;

/** Saves `next` over the registry the user loaded (`base`); see the file comment. */
export async function saveRegistry(
  base: LoadedRegistry,
  next: RegistryDocument,
  options: SaveOptions
): Promise<SaveResult> {
  const { api, user } = options;
  const plan = planWrites(base.doc, next);
  const documentsChange = plan.people || plan.services.length > 0;
  if (!user || (documentsChange && !base.access.canWrite)) {
    return { ok: false, kind: 'forbidden', message: base.access.reason ?? readOnlyMessage() };
  }
  if (plan.settings && !canWriteSettings(user)) {
    return { ok: false, kind: 'forbidden', message: settingsReadOnlyMessage() };
  }
  const stamp: Stamp = { at: (options.now ?? (() => new Date()))().toISOString(), by: user.login };
  let loaded = base;
  let warning: string | undefined;
  // Plugin settings have no version to check on write: read them again and refuse when they
  // changed since the user loaded them, before anything is written.
  let row = base.settingsRow;
  if (plan.settings) {
    const fresh = await api.getSettings();
    if (!fresh.ok) {
      return {
        ok: false,
        kind: 'error',
        status: fresh.status,
        message: saveFailedMessage(fresh.status, fresh.message, []),
      };
    }
    const conflict = settingsConflict(base, fresh.value);
    if (conflict) {
      return conflict;
    }
    row = fresh.value;
  }

  if (documentsChange) {
    const folder = await ensureFolder(api, base);
    if (folder) {
      return folder;
    }
    const writes = documentWrites(base, next, plan, stamp, options.restoredFrom);
    const outcome = await writeDocuments(api, writes);
    if (!outcome.ok) {
      if (outcome.kind === 'conflict') {
        return conflictOf(base, outcome.stale);
      }
      if (outcome.kind === 'provisioned') {
        return { ok: false, kind: 'forbidden', message: outcome.failure.message };
      }
      return {
        ok: false,
        kind: outcome.kind,
        status: outcome.failure.status,
        message: saveFailedMessage(outcome.failure.status, outcome.failure.message, outcome.rolledBack.left),
      };
    }
    const index = await updateIndex(api, outcome.written, stamp);
    if (index.ok) {
      const assembled = assembleRegistry(index.index, index.version, next.settings);
      loaded = { ...base, ...assembled };
    } else {
      warning = indexWarningMessage(index.message);
      loaded = {
        ...base,
        doc: { ...next, updatedAt: stamp.at, updatedBy: stamp.by },
        versions: versionsAfter(base.versions, outcome.written),
      };
    }
  }
  if (plan.settings) {
    const jsonData = { ...row.jsonData, [SETTINGS_KEY]: next.settings };
    const written = await api.updateSettings({ enabled: row.enabled, pinned: row.pinned, jsonData });
    if (!written.ok) {
      const kind = written.status === 403 ? 'forbidden' : 'error';
      const message = documentsChange
        ? settingsNotSavedMessage(written.status, written.message)
        : saveFailedMessage(written.status, written.message, []);
      return { ok: false, kind, status: written.status, message };
    }
    loaded = { ...loaded, settingsRow: { ...row, jsonData }, doc: { ...loaded.doc, settings: next.settings } };
  }
  return { ok: true, doc: loaded.doc, loaded, ...(warning ? { warning } : {}) };
}

/** A conflict when the stored settings are not the ones the user started from. */
function settingsConflict(base: LoadedRegistry, fresh: PluginSettingsDto): RegistryConflict | undefined {
  const stored = readAppSettings(fresh.jsonData);
  if (sameValue(stored, base.doc.settings)) {
    return undefined;
  }
  const latest = { ...base.doc, settings: stored };
  const changes = diffRegistries(base.doc, latest);
  return {
    ok: false,
    kind: 'conflict',
    message: settingsConflictMessage(summaryOf(base.doc, latest)),
    changes,
    latest,
  };
}

function documentWrites(
  base: LoadedRegistry,
  next: RegistryDocument,
  plan: ReturnType<typeof planWrites>,
  stamp: Stamp,
  restoredFrom?: number
): DocumentWrite[] {
  const before = splitByService(base.doc);
  const after = splitByService(next);
  const writes: DocumentWrite[] = [];
  if (plan.people) {
    writes.push(
      peopleWrite({
        people: next.people,
        baseVersion: base.versions.people,
        stamp,
        summary: summaryOf(
          { ...emptyRegistry(), people: base.doc.people },
          { ...emptyRegistry(), people: next.people }
        ),
      })
    );
  }
  for (const id of plan.services) {
    const summary = summaryOf(partRegistry(before.get(id)), partRegistry(after.get(id)));
    writes.push(
      serviceWrite({
        id,
        before: before.get(id),
        after: after.get(id),
        baseVersion: base.versions.services[id],
        stamp,
        summary,
        restoredFrom,
      })
    );
  }
  return writes;
}

/** A registry holding only `part`, to describe a change of one service with the registry's diff. */
export function partRegistry(part: ServicePart | undefined): RegistryDocument {
  return { ...emptyRegistry(), services: part ? [part.service] : [], slos: part?.slos ?? [] };
}

/** Creates the registry's folder on the first save; a folder created meanwhile by someone else is fine. */
async function ensureFolder(api: GrafanaApi, base: LoadedRegistry): Promise<RegistryFailure | undefined> {
  if (base.versions.index !== undefined) {
    return undefined;
  }
  const folder = await api.getFolder(REGISTRY_FOLDER.uid);
  if (folder.ok) {
    return undefined;
  }
  const created = await api.createFolder({ uid: REGISTRY_FOLDER.uid, title: REGISTRY_FOLDER.title });
  if (created.ok || created.status === 409 || created.status === 412) {
    return undefined;
  }
  const kind = created.status === 403 ? 'forbidden' : 'error';
  return { ok: false, kind, status: created.status, message: saveFailedMessage(created.status, created.message, []) };
}

function versionsAfter(versions: StoredVersions, written: WrittenDocument[]): StoredVersions {
  const services = { ...versions.services };
  let people = versions.people;
  for (const { payload, version } of written) {
    if (payload.kind === 'people') {
      people = version;
    } else if (payload.kind === 'service') {
      services[payload.service.id] = version;
    }
  }
  return { ...versions, people, services };
}

/** The conflict for a document someone else saved, with the registry as it is with their change. */
function conflictOf(base: LoadedRegistry, stale: StaleDocument): RegistryConflict {
  const latest = withStale(base.doc, stale);
  const changes: RegistryChange[] = diffRegistries(base.doc, latest);
  const what =
    stale.current?.kind === 'service'
      ? `service ${stale.current.service.id}`
      : stale.current?.kind === 'people'
        ? 'the people'
        : stale.uid;
  const message = conflictMessage({
    who: stale.updatedBy ?? someone(),
    when: stale.updatedAt ?? unknownTime(),
    what,
    version: stale.version ?? 0,
    summary: summaryOf(base.doc, latest),
  });
  return {
    ok: false,
    kind: 'conflict',
    message,
    changes,
    latest,
    updatedBy: stale.updatedBy,
    updatedAt: stale.updatedAt,
  };
}

function withStale(doc: RegistryDocument, stale: StaleDocument): RegistryDocument {
  const current = stale.current;
  if (current?.kind === 'people') {
    return { ...doc, people: current.people };
  }
  const id =
    current?.kind === 'service'
      ? current.service.id
      : doc.services.find((service) => serviceUid(service.id) === stale.uid)?.id;
  if (!id) {
    return doc;
  }
  const others = {
    services: doc.services.filter((s) => s.id !== id),
    slos: doc.slos.filter((s) => s.serviceId !== id),
  };
  if (current?.kind !== 'service' || current.deleted) {
    return { ...doc, ...others };
  }
  const at = doc.services.findIndex((s) => s.id === id);
  const services = [...others.services];
  services.splice(at < 0 ? services.length : at, 0, current.service);
  return { ...doc, services, slos: [...others.slos, ...current.slos] };
}
