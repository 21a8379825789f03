/**
 * The sandbox's Grafana database: folders and dashboards with their versions, and annotations,
 * held in memory and written whole to one JSON file after every change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeJsonAtomically } from '../persist';
import { AnnotationRecord, DashboardRecord, FolderRecord, GrafanaState, pruneVersions } from './model';

/** What a dashboard provider configured at this start says about the dashboards it wrote. */
interface ProviderSettings {
  allowUiUpdates: boolean;
  /** The provider's `options.path`, resolved: `provisionedExternalId` is relative to it. */
  path: string;
}

interface StateFile {
  nextId: number;
  folders: FolderRecord[];
  dashboards: DashboardRecord[];
  /** Absent in files written before the sandbox kept annotations. */
  nextAnnotationId?: number;
  annotations?: AnnotationRecord[];
}

export class GrafanaStore {
  readonly state: GrafanaState;
  /** `[dashboards] versions_to_keep`; Grafana raises anything below 1 to 1 (dashverimpl `DeleteExpired`). */
  readonly versionsToKeep: number;
  /** Dashboard providers by name, as configured at this start (Grafana reads them from its config, not its database). */
  readonly providers = new Map<string, ProviderSettings>();

  constructor(
    private readonly path: string,
    versionsToKeep: number
  ) {
    this.versionsToKeep = Math.max(1, Math.floor(versionsToKeep));
    const file: StateFile = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as StateFile)
      : { nextId: 1, folders: [], dashboards: [] };
    // A lower versions_to_keep takes effect at once, as Grafana's next cleanup run would apply it.
    file.dashboards.forEach((dashboard) => pruneVersions(dashboard, this.versionsToKeep));
    this.state = {
      nextId: file.nextId,
      folders: new Map(file.folders.map((folder) => [folder.uid, folder])),
      dashboards: new Map(file.dashboards.map((dashboard) => [dashboard.uid, dashboard])),
      nextAnnotationId: file.nextAnnotationId ?? 1,
      annotations: file.annotations ?? [],
    };
  }

  /** Writes the whole state; callers change the state and persist without awaiting in between. */
  persist(): void {
    const file: StateFile = {
      nextId: this.state.nextId,
      folders: [...this.state.folders.values()],
      dashboards: [...this.state.dashboards.values()],
      nextAnnotationId: this.state.nextAnnotationId,
      annotations: this.state.annotations,
    };
    writeJsonAtomically(this.path, file);
  }

  takeId(): number {
    return this.state.nextId++;
  }
}
