/**
 * Moving a registry from the plugin settings (`jsonData.registry`, where earlier versions kept it)
 * into the registry's folder. Nothing in the plugin settings is removed until every document was
 * read back and found equal, value by value, to the registry it came from.
 */
import { RegistryDocument } from '../domain/model';
import { RegistryUser } from './access';
import { SETTINGS_KEY } from './appSettings';
import { assembleRegistry, orphanSlos, sameContent, splitByService } from './documents/assemble';
import { decodeDocument } from './documents/dashboardCodec';
import { INDEX_UID, REGISTRY_FOLDER } from './documents/layout';
import { GrafanaApi } from './grafana/api';
import { PluginSettingsDto } from './grafana/types';
import { RegistryPayload } from './documents/payloads';
import { editedSinceMoveMessage, migratedMessage } from './messages';
import { peopleWrite, serviceWrite, Stamp } from './save/documentBuilders';
import { writeDocuments } from './save/documentWrites';
import { updateIndex } from './save/indexUpdate';
import { REGISTRY_KEY, WRITE_ID_KEY } from './storedRegistry';

export interface MigrationProgress {
  done: number;
  total: number;
}

/** `jsonData` key recording when, by whom and how much was moved. */
export const MOVED_KEY = 'registryMoved';

const SUMMARY = 'Moved from the plugin settings';

/** Moves `legacy` into the folder and, once verified, out of the plugin settings `row`. */
export async function migrateLegacyRegistry(
  api: GrafanaApi,
  row: PluginSettingsDto,
  legacy: RegistryDocument,
  user: RegistryUser,
  options: { now?: () => Date; onProgress?: (progress: MigrationProgress) => void } = {}
): Promise<{ ok: boolean; message: string; edited?: boolean }> {
  const orphans = orphanSlos(legacy);
  if (orphans.length > 0) {
    const ids = orphans.map((slo) => `${slo.id} (service ${slo.serviceId})`).join(', ');
    return {
      ok: false,
      message: `The registry in the plugin settings was not moved: these SLOs name a service that does not exist, so no service document can hold them: ${ids}. Export the registry as YAML, fix or remove them, and import it again.`,
    };
  }
  const stamp: Stamp = { at: (options.now ?? (() => new Date()))().toISOString(), by: user.login };
  const folder = await api.getFolder(REGISTRY_FOLDER.uid);
  if (!folder.ok) {
    const created = await api.createFolder({ uid: REGISTRY_FOLDER.uid, title: REGISTRY_FOLDER.title });
    if (!created.ok && created.status !== 409 && created.status !== 412) {
      return {
        ok: false,
        message: `The registry was not moved: creating the folder failed (HTTP ${created.status}: ${created.message}).`,
      };
    }
  }
  // The index is missing. Documents only an earlier move wrote are what an interrupted move left:
  // replace them. A document edited since is not overwritten: the move stops (`edited`).
  const replace = { replaceable: (current: RegistryPayload) => onlyMoved(current) };
  const writes = [
    { ...peopleWrite({ people: legacy.people, stamp, summary: SUMMARY }), ...replace },
    ...[...splitByService(legacy)].map(([id, part]) => ({
      ...serviceWrite({ id, after: part, stamp, summary: SUMMARY }),
      ...replace,
    })),
  ];
  const report = (done: number, total: number) => options.onProgress?.({ done, total: total + writes.length + 1 });
  const outcome = await writeDocuments(api, writes, report);
  if (!outcome.ok && outcome.kind === 'conflict' && outcome.stale.current && !onlyMoved(outcome.stale.current)) {
    return { ok: false, edited: true, message: editedSinceMoveMessage() };
  }
  if (!outcome.ok) {
    const reason =
      outcome.kind === 'conflict'
        ? `${outcome.stale.uid} changed while it was written (another admin moving it?)`
        : `${outcome.uid}: ${outcome.failure.message}`;
    return {
      ok: false,
      message: `The registry was not moved and stays in the plugin settings: ${reason}. Reload to try again.`,
    };
  }
  const index = await updateIndex(api, outcome.written, stamp);
  if (!index.ok) {
    return {
      ok: false,
      message: `The registry was not moved and stays in the plugin settings: the index could not be written (${index.message}). Reload to try again.`,
    };
  }
  const problem = await verify(
    api,
    legacy,
    writes.map((write) => write.uid),
    (done) => report(writes.length * 2 + done, writes.length * 2)
  );
  if (problem) {
    return {
      ok: false,
      message: `The registry was copied but the copy differs (${problem}), so it stays in the plugin settings. Nothing was removed.`,
    };
  }
  const { [REGISTRY_KEY]: _moved, [WRITE_ID_KEY]: _writeId, ...rest } = row.jsonData ?? {};
  const jsonData = {
    ...rest,
    [SETTINGS_KEY]: rest[SETTINGS_KEY] ?? legacy.settings,
    [MOVED_KEY]: {
      at: stamp.at,
      by: stamp.by,
      services: legacy.services.length,
      slos: legacy.slos.length,
      people: legacy.people.length,
    },
  };
  const cleared = await api.updateSettings({ enabled: row.enabled, pinned: row.pinned, jsonData });
  const counts = { services: legacy.services.length, slos: legacy.slos.length, people: legacy.people.length };
  if (!cleared.ok) {
    return {
      ok: true,
      message: `${migratedMessage(counts)} (The old copy could not be removed from the plugin settings: ${cleared.message}; it is ignored.)`,
    };
  }
  return { ok: true, message: migratedMessage(counts) };
}

/** Whether only a move (this or an interrupted one) wrote the document. */
function onlyMoved(payload: RegistryPayload): boolean {
  return 'changes' in payload && payload.changes.every((change) => change.summary === SUMMARY);
}

/** Reads back the index and every document; a description of the first difference, if any. */
async function verify(
  api: GrafanaApi,
  legacy: RegistryDocument,
  uids: string[],
  onRead: (done: number) => void
): Promise<string | undefined> {
  const index = await api.getDashboard(INDEX_UID);
  const decoded = index.ok ? decodeDocument(index.value.dashboard, 'index') : undefined;
  if (!index.ok || !decoded?.ok) {
    return 'the index cannot be read back';
  }
  const { doc } = assembleRegistry(decoded.payload, index.value.meta.version, legacy.settings);
  if (!sameContent(doc, legacy)) {
    return 'the index holds other values';
  }
  const parts = splitByService(legacy);
  for (const [i, uid] of uids.entries()) {
    const answer = await api.getDashboard(uid);
    onRead(i + 1);
    const kind = i === 0 ? 'people' : 'service';
    const payload = answer.ok ? decodeDocument(answer.value.dashboard, kind) : undefined;
    if (!payload?.ok) {
      return `${uid} cannot be read back`;
    }
    const stored = payload.payload;
    const same =
      stored.kind === 'people'
        ? sameContent(
            { ...legacy, services: [], slos: [], people: stored.people },
            { ...legacy, services: [], slos: [] }
          )
        : stored.kind === 'service' &&
          sameContent(
            { ...legacy, people: [], services: [stored.service], slos: stored.slos },
            {
              ...legacy,
              people: [],
              services: [parts.get(stored.service.id)?.service ?? stored.service],
              slos: parts.get(stored.service.id)?.slos ?? [],
            }
          ) &&
          parts.has(stored.service.id);
    if (!same) {
      return `${uid} holds other values`;
    }
  }
  return undefined;
}
