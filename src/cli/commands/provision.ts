import { join } from 'node:path';

import { REGISTRY_FOLDER } from '../../storage/documents/layout';
import { optionValue, requiredOption, usageError } from '../args';
import { Command } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import {
  DASHBOARDS_DIR,
  dashboardFileName,
  DEFAULT_GRAFANA_PATH,
  FILE_PREFIX,
  PROVIDER_FILE,
  providerYaml,
  ProvisioningStamp,
  registryDashboards,
} from '../provisioning';
import { listOutput, loadRegistry, plural, registryCounts, removeOutput, writeOutput } from '../shared';

/** The index's time of last change without `--at`: fixed, never the clock, so files only change with the registry. */
const DEFAULT_AT = '1970-01-01T00:00:00.000Z';
/** The index's last writer. */
const PROVISIONER = 'bizowner provision';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** Grafana's folder uids: up to 40 letters, digits, `-` and `_`. */
const FOLDER_UID = /^[A-Za-z0-9_-]{1,40}$/;
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/])/;
/** What this command writes into the dashboards' folder, and so may remove from it. */
const OWN_FILE = new RegExp(`^${FILE_PREFIX}.*\\.json$`);

export const provisionCommand: Command = {
  spec: {
    name: 'provision',
    summary: 'Write a registry file as Grafana dashboard provisioning files (GitOps).',
    usage: 'FILE --out DIR [--grafana-path PATH] [--folder-uid UID] [--at TIME]',
    description: [
      'Validates FILE as `validate` does, then writes the documents the app keeps in Grafana, each',
      'exactly as the app would store it, and a dashboard provider that loads them:',
      `  DIR/${DASHBOARDS_DIR}/${FILE_PREFIX}*.json  the index, the people and one per service`,
      `  DIR/${PROVIDER_FILE}      provider "bizowner-registry" (folder "${REGISTRY_FOLDER.title}")`,
      '',
      `Grafana must read DIR/${DASHBOARDS_DIR} at --grafana-path, a path inside Grafana or its container`,
      `(default ${DEFAULT_GRAFANA_PATH}), and the provider file`,
      'in its provisioning/dashboards folder. The app then shows the registry read-only, and Grafana',
      'refuses saves from the app and from `push`: change FILE and run this command again. Files of',
      `services no longer in the registry are removed (only ${FILE_PREFIX}*.json files, which this command`,
      'writes), and Grafana deletes their dashboards. With --out provisioning/dashboards in a checkout',
      'whose provisioning folder Grafana reads at /etc/grafana/provisioning (as the compose stack',
      'mounts it), the default path fits.',
      '',
      'The output depends on FILE and the options only, so re-running it changes nothing: the index',
      `records --at as the time of its last change, ${DEFAULT_AT} when it is not given.`,
      '',
      'Exit code 0 when the files were written, 1 for an invalid registry, 2 for usage and I/O errors.',
    ].join('\n'),
    options: [
      { name: 'out', value: 'DIR', description: 'Directory to write into (required).' },
      {
        name: 'grafana-path',
        value: 'PATH',
        description: `Where Grafana reads DIR/${DASHBOARDS_DIR}; default ${DEFAULT_GRAFANA_PATH}.`,
      },
      {
        name: 'folder-uid',
        value: 'UID',
        description: `Folder the dashboards go into; default ${REGISTRY_FOLDER.uid}. The app finds them by uid.`,
      },
      {
        name: 'at',
        value: 'TIME',
        description: `Time the index records, e.g. 2026-12-01T00:00:00Z; default ${DEFAULT_AT}.`,
      },
    ],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    const out = requiredOption(args, provisionCommand.spec, 'out');
    const grafanaPath = optionValue(args, 'grafana-path') ?? DEFAULT_GRAFANA_PATH;
    const folderUid = optionValue(args, 'folder-uid') ?? REGISTRY_FOLDER.uid;
    if (!ABSOLUTE_PATH.test(grafanaPath)) {
      throw usageError(`--grafana-path must be an absolute path inside Grafana, got "${grafanaPath}"`);
    }
    if (!FOLDER_UID.test(folderUid)) {
      throw usageError(`--folder-uid must be up to 40 letters, digits, - and _, got "${folderUid}"`);
    }
    const stamp = stampOf(optionValue(args, 'at'));
    const { doc } = await loadRegistry(io, file);
    if (!doc) {
      return EXIT_INVALID;
    }

    const dir = join(out, DASHBOARDS_DIR);
    const dashboards = registryDashboards(doc, stamp);
    const names = new Set(dashboards.map(dashboardFileName));
    for (const dashboard of dashboards) {
      await writeOutput(io, join(dir, dashboardFileName(dashboard)), `${JSON.stringify(dashboard, null, 2)}\n`);
    }
    io.stdout(`wrote ${plural(dashboards.length, 'dashboard')} to ${dir} (${registryCounts(doc)})\n`);
    const stale = (await listOutput(io, dir)).filter((name) => OWN_FILE.test(name) && !names.has(name)).sort();
    for (const name of stale) {
      await removeOutput(io, join(dir, name));
      io.stdout(`removed ${join(dir, name)}\n`);
    }
    const provider = join(out, PROVIDER_FILE);
    await writeOutput(io, provider, providerYaml({ folderUid, grafanaPath, source: file }));
    io.stdout(`wrote ${provider} (Grafana reads the dashboards from ${grafanaPath})\n`);
    return EXIT_OK;
  },
};

function stampOf(at: string | undefined): ProvisioningStamp {
  if (at === undefined) {
    return { at: DEFAULT_AT, by: PROVISIONER };
  }
  if (!ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    throw usageError(`--at must be an ISO 8601 time such as 2026-12-01T00:00:00Z, got "${at}"`);
  }
  return { at: new Date(at).toISOString(), by: PROVISIONER };
}
