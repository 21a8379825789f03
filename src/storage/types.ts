/** What loading and saving the registry return. */
import { RegistryChange } from '../domain/diff';
import { RegistryDocument } from '../domain/model';
import { StoredVersions } from './documents/assemble';
import { PluginSettingsDto } from './grafana/types';

export interface RegistryAccess {
  /** Whether the user may save services, SLOs and people. */
  canWrite: boolean;
  /** Why not, when `canWrite` is false. */
  reason?: string;
  /** Whether the user may change the app's settings (plugin settings, `plugins:write`). */
  canWriteSettings: boolean;
  /** The provisioning file of a registry given as files. */
  provisionedFrom?: string;
}

export interface StorageNotice {
  kind: 'migrated' | 'legacyPending' | 'legacyIgnored' | 'rebuilt';
  message: string;
}

/** A registry as it was read, with what a save needs to check and what the user may do. */
export interface LoadedRegistry {
  doc: RegistryDocument;
  versions: StoredVersions;
  /** The plugin settings as read; a settings save keeps everything else in them. */
  settingsRow: PluginSettingsDto;
  access: RegistryAccess;
  notices: StorageNotice[];
}

export interface RegistryConflict {
  ok: false;
  kind: 'conflict';
  message: string;
  /** What the other writer changed, compared with the registry the user started from. */
  changes: RegistryChange[];
  /** The registry with the other writer's change. */
  latest: RegistryDocument;
  updatedBy?: string;
  updatedAt?: string;
}

export type RegistryFailure =
  RegistryConflict | { ok: false; kind: 'forbidden' | 'error'; message: string; status?: number };
export type LoadResult = ({ ok: true } & LoadedRegistry) | RegistryFailure;

/**
 * What a large registry's index shows before it is decoded whole (documents/indexHead.ts): the
 * people, the first services in name order with their SLOs, and every service's id and name.
 */
export interface RegistryPreview {
  /** The people and the head's services with their SLOs; not the registry, never saved. */
  doc: RegistryDocument;
  /** Every service's id and name, in registry order. */
  serviceNames: ReadonlyArray<readonly [id: string, name: string]>;
  access: RegistryAccess;
}
