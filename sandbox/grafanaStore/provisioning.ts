/**
 * Dashboard provisioning at start, as Grafana's file reader does it
 * (pkg/services/provisioning/dashboards/file_reader.go): every `*.json` under a provider's path
 * is saved as a dashboard of that provider, unless its checksum is the one last provisioned;
 * dashboards whose file is gone are deleted (or only unprovisioned with `disableDeletion`), and
 * dashboards of providers no longer configured are deleted.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRecord } from '../http';
import { insertFolder } from './folders';
import { writeDashboard } from './dashboards';
import { DashboardRecord, FolderRecord, generateUid, titleOf, uidProblem } from './model';
import { DashboardProvider } from './providers';
import { GrafanaStore } from './store';

/** Who Grafana names as the author of provisioned saves: the dashboard API's `anonString`. */
const PROVISIONING_LOGIN = 'Anonymous';

/** The JSON files under `dir`, skipping folders whose name starts with a dot (file_reader `validateWalkablePath`). */
function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        return name.startsWith('.') ? [] : jsonFilesUnder(path);
      }
      return name.endsWith('.json') ? [path] : [];
    });
}

function warn(message: string): void {
  process.stderr.write(`sandbox provisioning: ${message}\n`);
}

/** `getOrCreateFolder`: the provider's folder by uid when it names one, else by title; created when missing. */
function provisionedFolder(store: GrafanaStore, title: string, uid: string): FolderRecord {
  const found =
    uid !== ''
      ? store.state.folders.get(uid)
      : [...store.state.folders.values()].find((folder) => folder.title === title);
  return found ?? insertFolder(store, uid !== '' ? uid : generateUid(), title, PROVISIONING_LOGIN);
}

function folderTitleFor(provider: DashboardProvider, file: string): string {
  if (!provider.foldersFromFilesStructure) {
    return provider.folder;
  }
  // Only the file's own directory names a folder: Grafana does not nest them.
  return dirname(file) === provider.path ? '' : basename(dirname(file));
}

function provisionFile(store: GrafanaStore, provider: DashboardProvider, file: string, known?: DashboardRecord): void {
  const bytes = readFileSync(file);
  const checksum = createHash('md5').update(bytes).digest('hex');
  const folderTitle = folderTitleFor(provider, file);
  const folderUid = folderTitle === '' ? '' : provisionedFolder(store, folderTitle, provider.folderUid).uid;
  // Up to date: an edit saved through the API (allowUiUpdates) stays until the file changes. Grafana
  // re-saves an unchanged file only when its dashboard sits at the root but belongs in a folder.
  const misplaced = known?.folderUid === '' && folderUid !== '';
  if (known?.provisioning?.checksum === checksum && !misplaced) {
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    warn(`${file}: ${(error as Error).message}`);
    return;
  }
  if (!isRecord(data)) {
    warn(`${file}: not a dashboard JSON object`);
    return;
  }
  const title = titleOf(data).trim();
  // A file without a uid keeps the uid of the dashboard it provisioned before.
  const uid = typeof data.uid === 'string' && data.uid.trim() !== '' ? data.uid.trim() : (known?.uid ?? generateUid());
  const problem = title === '' ? 'Dashboard title cannot be empty' : uidProblem(uid);
  if (problem) {
    warn(`${file}: ${problem}`);
    return;
  }
  if (known && known.uid !== uid) {
    // The file now names another uid: Grafana updates the same dashboard row under its new uid.
    store.state.dashboards.delete(known.uid);
  }
  // Grafana ignores the file's `version`: a provisioned save always overwrites.
  const written = writeDashboard(store, {
    uid,
    data: { ...data, title },
    folderUid,
    message: '',
    restoredFrom: 0,
    login: PROVISIONING_LOGIN,
    provisioning: { provider: provider.name, externalId: file, checksum },
  });
  if (!('ok' in written)) {
    warn(`${file}: ${JSON.stringify(written.body)}`);
  }
}

function provisionProvider(store: GrafanaStore, provider: DashboardProvider): void {
  if (!existsSync(provider.path)) {
    // Grafana fails to start when a provider's path cannot be read.
    throw new Error(`dashboard provider "${provider.name}": ${provider.path} does not exist`);
  }
  const known = new Map(
    [...store.state.dashboards.values()]
      .filter((dashboard) => dashboard.provisioning?.provider === provider.name)
      .map((dashboard) => [dashboard.provisioning?.externalId ?? '', dashboard])
  );
  const files = jsonFilesUnder(provider.path);
  for (const file of files) {
    provisionFile(store, provider, file, known.get(file));
  }
  for (const [file, dashboard] of known) {
    if (files.includes(file)) {
      continue;
    }
    if (provider.disableDeletion) {
      // The dashboard stays, no longer provisioned (`UnprovisionDashboard`).
      delete dashboard.provisioning;
    } else {
      store.state.dashboards.delete(dashboard.uid);
    }
  }
}

/** Applies `providers` to the store and persists it; throws, as Grafana fails to start, on a provider it cannot read. */
export function provisionDashboards(store: GrafanaStore, providers: DashboardProvider[]): void {
  store.providers.clear();
  for (const provider of providers) {
    store.providers.set(provider.name, { allowUiUpdates: provider.allowUiUpdates, path: provider.path });
    provisionProvider(store, provider);
  }
  for (const dashboard of [...store.state.dashboards.values()]) {
    if (dashboard.provisioning && !store.providers.has(dashboard.provisioning.provider)) {
      // `DeleteOrphanedProvisionedDashboards`: the provider is gone from the configuration.
      store.state.dashboards.delete(dashboard.uid);
    }
  }
  store.persist();
}
