import { Command } from '../command';
import { EXIT_INVALID, EXIT_OK } from '../io';
import { countProblems, loadRegistry, registryCounts } from '../shared';

export const validateCommand: Command = {
  spec: {
    name: 'validate',
    summary: 'Check a registry file (services, people, SLOs) and report every problem with its line.',
    usage: 'FILE',
    description: [
      'Parses the native registry YAML, fills the defaults and validates it. Problems are printed to',
      'stderr as `file:line: path: message`, one a line; warnings are printed but do not fail.',
      'Exit code 0 when the registry is valid, 1 when it has problems, 2 when the file cannot be read.',
    ].join('\n'),
    options: [],
    positionals: { min: 1, max: 1, name: 'FILE' },
  },
  async run(args, io) {
    const [file] = args.positionals;
    const { doc, problems } = await loadRegistry(io, file);
    if (!doc) {
      return EXIT_INVALID;
    }
    const warnings = problems.length > 0 ? ` (${countProblems(problems)})` : '';
    io.stdout(`${registryCounts(doc)}: valid${warnings}\n`);
    return EXIT_OK;
  },
};
