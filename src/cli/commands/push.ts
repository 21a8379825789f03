import { diffRegistries, sameValue, summarizeChanges } from '../../domain/diff';
import { readYaml } from '../../domain/io/yamlSource';
import { RegistryDocument } from '../../domain/model';
import { LoadedRegistry, SaveResult } from '../../storage/registryStore';
import { Command } from '../command';
import { connectGrafana, GrafanaSession } from '../grafanaSession';
import { AUTH_HELP, GRAFANA_OPTION, grafanaTarget, TOKEN_ENV, WAIT_OPTION } from '../grafanaTarget';
import { CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../io';
import { loadRegistry, plural, registryCounts } from '../shared';

export const pushCommand: Command = {
  spec: {
    name: 'push',
    summary: 'Save a registry file into a running Grafana, checked and recorded as the app saves it.',
    usage: 'FILE --grafana URL [--dry-run] [--if-empty] [--wait SECONDS]',
    description: [
      'Validates FILE as `validate` does (problems are printed as `file:line: path: message`, and',
      'nothing is sent when one is an error), reads the registry from Grafana, prints what changes and',
      'saves it the way the app does: only the documents that change are written, each checked against',
      'the version that was read. When someone saved in between, the push fails with exit code 1 and',
      "writes nothing. Grafana's version history and the app's history show the login of the token's",
      'service account, or of the basic-auth user.',
      '',
      'With --if-empty the push happens only when Grafana holds no registry yet, so a stack can seed',
      'its registry at every start without overwriting what people changed since, and --wait lets it',
      "start together with Grafana (the demo stack's `seed` service does both).",
      '',
      "The permissions of the registry's folder decide whether the credentials may push (an Editor",
      "may by default); a registry provisioned from files is read-only. The app's settings (data",
      'sources, billing, defaults) are pushed only when FILE has a `settings` key and they differ from',
      "Grafana's, which needs an Admin (plugins:write). A registry still kept in the plugin settings is",
      'moved into the folder first, which also needs an Admin.',
      '',
      AUTH_HELP,
      '',
      `Example: ${TOKEN_ENV}=glsa_… bizowner push registry.yaml --grafana http://localhost:3000 --dry-run`,
      'Example: GRAFANA_USER=admin GRAFANA_PASSWORD=admin bizowner push registry.yaml \\',
      '           --grafana http://grafana:3000 --if-empty --wait 120',
      '',
      'Exit code 0 when pushed or when there is nothing to push, 1 for an invalid file, a read-only',
      'registry or a refused save, 2 for usage errors and when Grafana cannot be reached or read.',
    ].join('\n'),
    options: [
      GRAFANA_OPTION,
      { name: 'dry-run', description: 'Print what would change and write nothing.' },
      {
        name: 'if-empty',
        description: 'Push only into a Grafana without a registry; otherwise do nothing and exit 0 (seeds once).',
      },
      WAIT_OPTION,
    ],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    const target = grafanaTarget(args, pushCommand.spec, io);
    const parsed = await loadRegistry(io, file);
    if (!parsed.doc) {
      return EXIT_INVALID;
    }
    const dryRun = args.options['dry-run'] === true;
    const grafana = await connectGrafana(io, target);
    let base = await grafana.load('read');
    if (args.options['if-empty'] === true && holdsRegistry(base)) {
      io.stdout(`${grafana.url} already holds a registry (${registryCounts(base.doc)}): nothing pushed (--if-empty)\n`);
      return EXIT_OK;
    }
    const pending = base.notices.some((notice) => notice.kind === 'legacyPending');
    if (pending && dryRun) {
      io.stderr(
        `note: ${grafana.url} still keeps the registry in the plugin settings; push moves it into the registry's folder first, which needs an org Admin (plugins:write)\n`
      );
    } else if (pending) {
      base = await grafana.load('write');
      base.notices.forEach((notice) => io.stderr(`note: ${notice.message}\n`));
    }
    if (!base.access.canWrite && !(pending && dryRun)) {
      io.stderr(`${grafana.url}: ${base.access.reason ?? 'the registry is read-only'}\n`);
      return EXIT_INVALID;
    }
    // Without a `settings` key the file says nothing about them: Grafana's stay as they are.
    const ownSettings = readYaml(parsed.text, file).documents[0]?.has('settings') === true;
    const next: RegistryDocument = ownSettings ? parsed.doc : { ...parsed.doc, settings: base.doc.settings };
    const changes = diffRegistries(base.doc, next);
    if (changes.length === 0) {
      io.stdout(`${grafana.url} already holds the registry of ${file}: nothing to push\n`);
      return EXIT_OK;
    }
    io.stdout(`${plural(changes.length, 'change')} from ${grafana.url} to ${file}:\n`);
    changes.forEach((change) => io.stdout(`  ${summarizeChanges([change])}\n`));
    if (dryRun) {
      io.stdout(`dry run: nothing was written to ${grafana.url}\n`);
      return EXIT_OK;
    }
    return pushChanges(io, grafana, { base, next, file, summary: summarizeChanges(changes) });
  },
};

/** Whether Grafana already has a registry: stored documents, or entries in the plugin settings. */
function holdsRegistry(loaded: LoadedRegistry): boolean {
  const { doc, versions } = loaded;
  return versions.index !== undefined || doc.people.length + doc.services.length + doc.slos.length > 0;
}

/**
 * Saves the settings first, then the documents, so that the likeliest refusal (a token without
 * `plugins:write` pushing settings) comes before anything is written and is named as such.
 */
async function pushChanges(
  io: CliIo,
  grafana: GrafanaSession,
  push: { base: LoadedRegistry; next: RegistryDocument; file: string; summary: string }
): Promise<number> {
  const { base, next, file } = push;
  let current = base;
  const settingsChange = !sameValue(base.doc.settings, next.settings);
  if (settingsChange) {
    const saved = await grafana.save(base, { ...base.doc, settings: next.settings });
    if (!saved.ok) {
      const why =
        saved.kind === 'forbidden'
          ? `pushing the app's settings needs an org Admin (plugins:write); nothing was written. Remove \`settings\` from ${file} to push people, services and SLOs only`
          : saved.message;
      return refused(io, grafana.url, saved, why);
    }
    current = saved.loaded;
  }
  const saved = await grafana.save(current, next);
  if (!saved.ok) {
    const also = settingsChange ? ' The settings were pushed already.' : '';
    const hint =
      saved.kind === 'conflict' ? ` Pull to see their change, or push again to replace it with ${file}.` : '';
    return refused(io, grafana.url, saved, `${saved.message}${also}${hint}`);
  }
  if (saved.warning) {
    io.stderr(`warning: ${saved.warning}\n`);
  }
  io.stdout(`pushed to ${grafana.url} as ${grafana.login}: ${push.summary}\n`);
  return EXIT_OK;
}

/** Reports a refused save: exit code 2 when Grafana did not answer, 1 when it said no. */
function refused(io: CliIo, url: string, result: Extract<SaveResult, { ok: false }>, message: string): number {
  io.stderr(`${url}: ${message}\n`);
  return result.kind !== 'conflict' && result.status === 0 ? EXIT_USAGE : EXIT_INVALID;
}
