/**
 * Reads Grafana dashboard provider files (`provisioning/dashboards/*.yaml`, `apiVersion: 1`), with
 * environment variables expanded as in every provisioning file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { expandProvisioningValue } from '../settingsStore';

export interface DashboardProvider {
  name: string;
  /** Title of the folder the dashboards go to; `''` for the root. */
  folder: string;
  folderUid: string;
  disableDeletion: boolean;
  allowUiUpdates: boolean;
  /** `options.path`, absolute. */
  path: string;
  foldersFromFilesStructure: boolean;
}

function providerFrom(entry: Record<string, unknown>, file: string): DashboardProvider | undefined {
  const options = (entry.options ?? {}) as Record<string, unknown>;
  const where = `${file}: provider "${String(entry.name ?? '')}"`;
  if (typeof entry.name !== 'string' || entry.name === '') {
    throw new Error(`${file}: every dashboard provider needs a name`);
  }
  if ((entry.type ?? 'file') !== 'file') {
    throw new Error(`${where}: only providers of type file are supported`);
  }
  if (typeof options.path !== 'string' || options.path === '') {
    throw new Error(`${where}: options.path is required`);
  }
  // The sandbox has one organisation, orgId 1; Grafana would provision other orgs separately.
  if (Number(entry.orgId ?? 1) !== 1) {
    return undefined;
  }
  const folder = typeof entry.folder === 'string' ? entry.folder : '';
  const folderUid = typeof entry.folderUid === 'string' ? entry.folderUid : '';
  const foldersFromFilesStructure = options.foldersFromFilesStructure === true;
  if (foldersFromFilesStructure && (folder !== '' || folderUid !== '')) {
    throw new Error(`${where}: unset folder and folderUid to use foldersFromFilesStructure`);
  }
  return {
    name: entry.name,
    folder,
    folderUid,
    disableDeletion: entry.disableDeletion === true,
    allowUiUpdates: entry.allowUiUpdates === true,
    // Grafana resolves a relative path against its working directory; the sandbox resolves it
    // against the YAML file's folder, so the repository's files work wherever the sandbox starts.
    path: resolve(dirname(file), options.path),
    foldersFromFilesStructure,
  };
}

/** The providers of every `*.yaml`/`*.yml` file in `dir`, in file-name order; none when `dir` does not exist. */
export function readDashboardProviders(dir: string): DashboardProvider[] {
  if (!existsSync(dir)) {
    return [];
  }
  const providers: DashboardProvider[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) {
      continue;
    }
    const file = join(dir, name);
    const config = expandProvisioningValue(parse(readFileSync(file, 'utf8'))) as Record<string, unknown> | null;
    const entries: unknown = config?.providers ?? [];
    if (Number(config?.apiVersion) !== 1 || !Array.isArray(entries)) {
      throw new Error(`${file}: expected apiVersion: 1 and a providers list`);
    }
    for (const entry of entries as Array<Record<string, unknown>>) {
      const provider = providerFrom(entry ?? {}, file);
      if (provider && providers.some((other) => other.name === provider.name)) {
        throw new Error(`${file}: dashboard provider name "${provider.name}" is not unique`);
      }
      if (provider) {
        providers.push(provider);
      }
    }
  }
  return providers;
}
