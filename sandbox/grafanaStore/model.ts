/**
 * The records the sandbox keeps for Grafana folders and dashboards, and the small rules Grafana
 * applies to their identifiers and URLs.
 */
import { randomInt } from 'node:crypto';

export type DashboardJson = Record<string, unknown>;

export interface FolderRecord {
  id: number;
  uid: string;
  title: string;
  version: number;
  created: string;
  updated: string;
  createdBy: string;
  updatedBy: string;
}

/** One row of Grafana's dashboard version history. */
export interface VersionRecord {
  version: number;
  parentVersion: number;
  restoredFrom: number;
  created: string;
  createdBy: string;
  message: string;
  data: DashboardJson;
}

/** Grafana's `dashboard_provisioning` row: which provider wrote the dashboard from which file. */
export interface ProvisioningRecord {
  provider: string;
  /** The file's absolute path. */
  externalId: string;
  /** MD5 of the file as last provisioned: an unchanged file is not written again. */
  checksum: string;
}

export interface DashboardRecord {
  id: number;
  uid: string;
  /** `''` for the root (General) folder. */
  folderUid: string;
  version: number;
  created: string;
  updated: string;
  createdBy: string;
  updatedBy: string;
  /** The dashboard JSON as stored, with `id`, `uid`, `title` and `version` set by the save. */
  data: DashboardJson;
  provisioning?: ProvisioningRecord;
  /** Oldest first. */
  versions: VersionRecord[];
}

/** One row of Grafana's `annotation` table, with its creator as the API answers it. */
export interface AnnotationRecord {
  id: number;
  /** Unix ms; `timeEnd` equals `time` for a point. */
  time: number;
  timeEnd: number;
  text: string;
  tags: string[];
  /** 0 and no uid for an organization annotation. */
  dashboardId: number;
  dashboardUID?: string;
  panelId: number;
  /** Unix ms. */
  created: number;
  login: string;
  email: string;
}

/**
 * Everything persisted: folders and dashboards share one id sequence, as they share Grafana's
 * `dashboard` table; annotations have their own.
 */
export interface GrafanaState {
  nextId: number;
  folders: Map<string, FolderRecord>;
  dashboards: Map<string, DashboardRecord>;
  nextAnnotationId: number;
  /** Oldest first. */
  annotations: AnnotationRecord[];
}

/** Grafana's `util.IsValidShortUID` and `IsShortUIDTooLong` (40 characters). */
export function uidProblem(uid: string): string | undefined {
  if (!/^[a-zA-Z0-9\-_]*$/.test(uid)) {
    return 'uid contains illegal characters';
  }
  return uid.length > 40 ? 'uid too long, max 40 characters' : undefined;
}

/** A fresh uid in the shape of Grafana's generated ones: 14 lower-case letters and digits, starting with a letter. */
export function generateUid(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const rest = Array.from({ length: 13 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return alphabet[randomInt(26)] + rest;
}

export function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'dashboard'
  );
}

export function dashboardUrl(uid: string, title: string): string {
  return `/d/${uid}/${slugOf(title)}`;
}

/** `dashboards.GetFolderURL`. */
export function folderUrl(folder: FolderRecord): string {
  return `/dashboards/f/${folder.uid}/${slugOf(folder.title)}`;
}

/** Grafana's default search order (search/model `HitList.Less`): case-insensitive title. */
export function compareTitles(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Drops the oldest versions beyond `keep`, as Grafana's cleanup job does (dashverimpl `DeleteExpired`). */
export function pruneVersions(dashboard: DashboardRecord, keep: number): void {
  dashboard.versions.splice(0, Math.max(0, dashboard.versions.length - keep));
}

export function titleOf(data: DashboardJson): string {
  return typeof data.title === 'string' ? data.title : '';
}

export function tagsOf(data: DashboardJson): string[] {
  return Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === 'string') : [];
}
