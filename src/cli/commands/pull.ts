import { stringifyRegistryYaml } from '../../domain/io/native';
import { optionValue } from '../args';
import { Command } from '../command';
import { connectGrafana } from '../grafanaSession';
import { AUTH_HELP, GRAFANA_OPTION, grafanaTarget, TOKEN_ENV } from '../grafanaTarget';
import { EXIT_OK } from '../io';
import { registryCounts, writeOutput } from '../shared';

export const pullCommand: Command = {
  spec: {
    name: 'pull',
    summary: 'Read the registry from a running Grafana as native registry YAML.',
    usage: '--grafana URL [--out FILE]',
    description: [
      "Reads the registry the way the app does (from the index in the registry's folder, or from the",
      'plugin settings when it has not been moved yet, without moving it) and writes it as native YAML,',
      'the format `validate`, `rules`, `push` and `provision` read, to stdout or to FILE. Pull, edit and',
      'push again: a push writes only what changed and refuses to overwrite a change saved in between.',
      '',
      AUTH_HELP,
      '',
      `Example: ${TOKEN_ENV}=glsa_… bizowner pull --grafana http://localhost:3000 --out registry.yaml`,
      '',
      'Exit code 0 when the registry was written, 2 for usage errors and when Grafana cannot be reached',
      'or read.',
    ].join('\n'),
    options: [GRAFANA_OPTION, { name: 'out', value: 'FILE', description: 'Write the YAML to FILE instead of stdout.' }],
    positionals: { min: 0, max: 0, name: '' },
  },
  async run(args, io) {
    const target = grafanaTarget(args, pullCommand.spec, io);
    const grafana = await connectGrafana(io, target);
    const loaded = await grafana.load('read');
    loaded.notices.forEach((notice) => io.stderr(`note: ${notice.message}\n`));
    const yaml = stringifyRegistryYaml(loaded.doc);
    const out = optionValue(args, 'out');
    if (out === undefined) {
      io.stdout(yaml);
    } else {
      await writeOutput(io, out, yaml);
      io.stdout(`wrote ${out} (${registryCounts(loaded.doc)}) from ${grafana.url}\n`);
    }
    return EXIT_OK;
  },
};
